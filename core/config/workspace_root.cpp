// SPDX-License-Identifier: Apache-2.0
#include "core/config/workspace_root.hpp"

#include "core/config/git_files.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstring>

namespace b2b::config {
namespace {

using namespace std::chrono_literals;

WorkspaceRoot checked(std::filesystem::path path, std::string origin,
                      const std::filesystem::path& current) {
  if (path.is_relative()) {
    path = current / path;
  }
  path = path.lexically_normal();
  if (path.has_relative_path() && path.filename().empty()) {
    path = path.parent_path();
  }
  struct stat info {};
  if (::stat(path.c_str(), &info) != 0) {
    throw Error(origin + ": " + util::quote(path.string()) + ": " +
                std::strerror(errno) + "; give an existing directory");
  }
  if (!S_ISDIR(info.st_mode)) {
    throw Error(origin + ": " + util::quote(path.string()) +
                " is not a directory; give the repository's directory");
  }
  return {path, std::move(origin)};
}

}  // namespace

WorkspaceRoot resolve_workspace_root(const std::optional<std::string>& flag,
                                     const Settings& settings,
                                     process::ProcessRunner& runner,
                                     const std::filesystem::path& current) {
  if (flag) {
    return checked(*flag, "--repo", current);
  }
  if (std::optional<Setting> repo = settings.get("REPO_PATH");
      repo && !repo->value.empty()) {
    return checked(repo->value, described(*repo), current);
  }
  // The git root, from the repository's files where they tell it alone.
  using Kind = git_files::Discovery::Kind;
  git_files::Discovery found = git_files::environment_steers_git()
                                   ? git_files::Discovery{}
                                   : git_files::find_work_tree(current);
  if (found.kind == Kind::work_tree) {
    return checked(found.tree.top, "git root", current);
  }
  if (found.kind == Kind::none) {
    return checked(current, "current directory", current);
  }
  process::ProcessResult git = runner.run(
      {"git", "-C", current.string(), "rev-parse", "--show-toplevel"}, 5s);
  if (git.succeeded()) {
    std::string top = git.out;
    while (!top.empty() && (top.back() == '\n' || top.back() == '\r')) {
      top.pop_back();
    }
    if (!top.empty()) {
      return checked(top, "git root", current);
    }
  }
  return checked(current, "current directory", current);
}

}  // namespace b2b::config
