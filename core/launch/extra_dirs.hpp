// SPDX-License-Identifier: Apache-2.0
// The directories a session sees beside the workspace (-d/--dir PATH, with
// ":ro" for read-only), each at /repos/<name>.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace b2b::launch {

struct ExtraDir {
  std::filesystem::path source;  ///< absolute and canonical
  std::string target;            ///< "/repos/<name>"
  bool read_only = false;
};

/// The directories of `flags` (as typed), relative ones against `cwd`,
/// each named after its last component; a name used already gets "-2",
/// "-3", ... Throws `Error` naming the flag's value, for every problem at
/// once, when a directory does not exist, is not a directory, is "/" or
/// the home directory `home`, or is the workspace itself.
std::vector<ExtraDir> resolve_extra_dirs(
    const std::vector<std::string>& flags, const std::filesystem::path& cwd,
    const std::filesystem::path& home, const std::filesystem::path& workspace);

}  // namespace b2b::launch
