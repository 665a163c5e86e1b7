// SPDX-License-Identifier: Apache-2.0
// Which directory a session mounts at /workspace.
#pragma once

#include "core/config/settings.hpp"
#include "core/process/process_runner.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace b2b::config {

struct WorkspaceRoot {
  std::filesystem::path path;  ///< absolute and normal
  std::string origin;          ///< "--repo", "REPO_PATH (<where>)",
                               ///< "git root", "current directory"
};

/// `flag` (from -r/--repo), else the REPO_PATH setting, else the root of
/// the git work tree around `current` (asked of git through `runner`),
/// else `current`. Throws `Error` naming the source when the directory
/// does not exist or is not a directory: it is never created.
WorkspaceRoot resolve_workspace_root(const std::optional<std::string>& flag,
                                     const Settings& settings,
                                     process::ProcessRunner& runner,
                                     const std::filesystem::path& current);

}  // namespace b2b::config
