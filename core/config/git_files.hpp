// SPDX-License-Identifier: Apache-2.0
// The two things a launch asks of a git repository (where its work tree
// starts, and its origin's URL), read from the repository's own files
// rather than asked of git: each git process costs a launch 2 ms or more,
// and `plan` is meant to take under 10. Where the files could mean more
// than this reading follows (git's variables in the environment, include
// directives, per-worktree configuration), the answer is none, and the
// callers ask git after all.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace b2b::config::git_files {

/// Whether a variable in the environment steers where git finds the
/// repository or its configuration (GIT_DIR, GIT_WORK_TREE,
/// GIT_CEILING_DIRECTORIES, GIT_CONFIG, ...); then only git can answer.
bool environment_steers_git();

struct WorkTree {
  std::filesystem::path top;     ///< the directory holding `.git`
  std::filesystem::path config;  ///< the repository's `config` file
};

/// What the files say of `start`: in a work tree (`tree`), in none, or
/// only git can tell.
struct Discovery {
  enum class Kind { work_tree, none, ask_git };
  Kind kind = Kind::ask_git;
  WorkTree tree;  ///< for `work_tree`
};

/// The work tree `start` is in, found as git finds one by default: the
/// nearest directory at or above `start`, on its file system, with a
/// `.git` that is a repository directory or a `gitdir:` file naming one
/// (worktrees, submodules). A `.git` that is neither, or a repository
/// whose config moves or removes its work tree (core.worktree, core.bare),
/// is git's to judge.
Discovery find_work_tree(const std::filesystem::path& start);

/// What `git config --local --get remote.origin.url` prints for the
/// repository whose configuration is `config_file`: the last value, or ""
/// when none is set. None when the file includes others, has per-worktree
/// settings beside it, or cannot be read or parsed: then ask git.
std::optional<std::string> origin_url(const std::filesystem::path& config_file);

}  // namespace b2b::config::git_files
