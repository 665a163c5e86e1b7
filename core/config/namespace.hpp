// SPDX-License-Identifier: Apache-2.0
// The namespace: a project's stable identity, which names its memory and
// remembers its last profile. It becomes a directory name inside the
// session's state, so it is held to a strict alphabet.
#pragma once

#include "core/config/settings.hpp"
#include "core/process/process_runner.hpp"

#include <filesystem>
#include <optional>
#include <string>

namespace b2b::config {

struct Namespace {
  std::string name;
  std::string origin;  ///< "--namespace", "MEMORY_NAMESPACE", "git remote
                       ///< origin", "pin file <path>", "directory name"
};

/// Why `name` cannot be a namespace, or none when it can: 1 to 64 of
/// [A-Za-z0-9._-], and neither "." nor "..".
std::optional<std::string> namespace_problem(std::string_view name);

/// `text` made into a namespace: every other character becomes "-", and it
/// is cut to 64 characters. May still be invalid ("", "..").
std::string sanitise_namespace(std::string_view text);

/// The last path segment of a git remote URL, without ".git":
/// "git@host:org/repo.git" gives "repo".
std::string remote_name(std::string_view url);

/// The namespace of the workspace `repo`: `flag` (from --namespace), then
/// the MEMORY_NAMESPACE setting, then the name of git's `origin` remote
/// (asked of `git` through `runner`), then `<repo>/.back2base/namespace`
/// for a directory outside git, then the directory's name. A name the user
/// gave (flag, setting, pin file) must be valid as it is; a derived one is
/// sanitised. When `pin` is set and the name came from the directory name
/// outside git, it is written to the pin file, so that the project keeps
/// its memory when the directory is renamed. Throws `Error` saying which
/// source gave an unusable name and what to do.
Namespace resolve_namespace(const std::filesystem::path& repo,
                            const std::optional<std::string>& flag,
                            const Settings& settings,
                            process::ProcessRunner& runner, bool pin);

}  // namespace b2b::config
