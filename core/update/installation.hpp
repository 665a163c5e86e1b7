// SPDX-License-Identifier: Apache-2.0
// Where this copy of the tool is installed and who looks after it: a
// package manager (dpkg, Homebrew), whose own upgrade the user should use,
// or nobody (a release tarball, a build), which `update` may replace.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace b2b::update {

struct Installation {
  std::filesystem::path executable;  ///< resolved, no symlink
  /// <exe>/../lib/oss-back2base/plugins, when that directory exists.
  std::optional<std::filesystem::path> plugin_dir;
  /// "dpkg" or "Homebrew" when one of them installed this executable.
  std::string manager;
  /// What to type instead of `update`, for a managed copy.
  std::string upgrade_command;
};

/// Looks at `executable` (the running one: /proc/self/exe). `dpkg_info` is
/// dpkg's database of installed files, a parameter for the tests.
Installation find_installation(
    const std::filesystem::path& executable,
    const std::filesystem::path& dpkg_info = "/var/lib/dpkg/info");

/// The path of the running executable. Throws `Error`.
std::filesystem::path running_executable();

/// Throws `Error` saying what to do when the user cannot replace the
/// files of `installation`.
void require_writable(const Installation& installation);

}  // namespace b2b::update
