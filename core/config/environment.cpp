// SPDX-License-Identifier: Apache-2.0
#include "core/config/environment.hpp"

#include <unistd.h>

namespace b2b::config {

Environment Environment::from_process() {
  std::map<std::string, std::string, std::less<>> vars;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string_view text(*entry);
    std::size_t equals = text.find('=');
    if (equals != std::string_view::npos) {
      vars.emplace(text.substr(0, equals), text.substr(equals + 1));
    }
  }
  return Environment(std::move(vars));
}

std::optional<std::string> Environment::get(std::string_view name) const {
  auto found = m_vars.find(name);
  if (found == m_vars.end()) {
    return std::nullopt;
  }
  return found->second;
}

std::optional<std::string> Environment::get_nonempty(
    std::string_view name) const {
  std::optional<std::string> value = get(name);
  if (value && value->empty()) {
    return std::nullopt;
  }
  return value;
}

}  // namespace b2b::config
