// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/library.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <boost/dll/shared_library.hpp>

#include <dlfcn.h>

namespace b2b::plugin {

struct Library::Impl {
  boost::dll::shared_library library;
};

Library::Library(const std::string& loader_path, std::string_view display_name)
    : m_impl(std::make_unique<Impl>()) {
  boost::dll::fs::error_code error;
  m_impl->library.load(
      loader_path, error,
      boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  if (!error) {
    return;
  }
  // Boost.DLL leaves the dynamic loader's message in place; it says more
  // than the error code.
  const char* text = ::dlerror();
  std::string reason = text != nullptr ? text : error.message();
  for (std::size_t at = reason.find(loader_path); at != std::string::npos;
       at = reason.find(loader_path)) {
    reason.replace(at, loader_path.size(), display_name);
  }
  throw Error("the dynamic loader refused it: " + reason);
}

Library::~Library() = default;
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&&) noexcept = default;

void* Library::symbol(const char* name) const {
  if (!m_impl->library.has(name)) {
    return nullptr;
  }
  return &m_impl->library.get<char>(name);
}

}  // namespace b2b::plugin
