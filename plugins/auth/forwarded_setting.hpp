// SPDX-License-Identifier: Apache-2.0
// Shared by the first-party auth providers, compiled into each: a provider
// that forwards one BACK2BASE_ setting under the name Claude Code reads.
#pragma once

#include <back2base/sdk/auth.hpp>

namespace b2b::auth {

class ForwardedSetting : public sdk::AuthProvider {
 public:
  /// Forwards the setting `setting`, when it is set and not empty, as the
  /// container variable `variable`.
  ForwardedSetting(sdk::Host& host, const char* setting, const char* variable)
      : m_host(host), m_setting(setting), m_variable(variable) {}

  sdk::Result resolve(std::vector<sdk::Credential>& credentials) override {
    std::optional<std::string> value = m_host.setting(m_setting);
    if (value && !value->empty()) {
      credentials.push_back({m_variable, *value, {}, {}});
    }
    return sdk::Result::success();
  }

  bool configured() const noexcept override {
    std::optional<std::string> value = m_host.setting(m_setting);
    return value && !value->empty();
  }

 private:
  sdk::Host& m_host;
  const char* m_setting;
  const char* m_variable;
};

}  // namespace b2b::auth
