// SPDX-License-Identifier: Apache-2.0
// A loaded shared object. Boost.DLL stays inside library.cpp, so that only
// one translation unit pays for its headers.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace b2b::plugin {

class Library {
 public:
  /// Opens the shared object at `loader_path`, resolving every symbol now
  /// and keeping them local to it. Throws `Error` with the dynamic loader's
  /// own words, with `loader_path` replaced by `display_name`.
  Library(const std::string& loader_path, std::string_view display_name);
  ~Library();
  Library(Library&&) noexcept;
  Library& operator=(Library&&) noexcept;

  /// The address of the exported symbol `name`, or null when it has none.
  void* symbol(const char* name) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

}  // namespace b2b::plugin
