// SPDX-License-Identifier: Apache-2.0
#include "core/launch/extra_dirs.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <cctype>
#include <set>

namespace b2b::launch {
namespace fs = std::filesystem;

namespace {

// The name under /repos: the last component, made of what a path in a
// container may safely hold.
std::string mount_name(const fs::path& dir) {
  std::string name = dir.filename().string();
  for (char& c : name) {
    bool plain = std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                 c == '_' || c == '.';
    if (!plain) {
      c = '-';
    }
  }
  return name.empty() || name == "." || name == ".." ? "dir" : name;
}

}  // namespace

std::vector<ExtraDir> resolve_extra_dirs(const std::vector<std::string>& flags,
                                         const fs::path& cwd,
                                         const fs::path& home,
                                         const fs::path& workspace) {
  std::vector<ExtraDir> dirs;
  std::vector<std::string> problems;
  std::set<std::string> names;
  for (const std::string& flag : flags) {
    std::string path = flag;
    bool read_only = false;
    if (path.ends_with(":ro")) {
      path.resize(path.size() - 3);
      read_only = true;
    }
    const std::string where = "--dir " + util::quote(flag);
    if (path.empty()) {
      problems.push_back(where + ": no path; give a directory");
      continue;
    }
    std::error_code error;
    fs::path source = fs::canonical(cwd / path, error);
    if (error) {
      problems.push_back(where + ": does not exist; give an existing "
                                 "directory (it is never created)");
      continue;
    }
    if (!fs::is_directory(source)) {
      problems.push_back(where + ": is not a directory");
      continue;
    }
    std::error_code ignored;
    if (source == source.root_path() ||
        (!home.empty() && fs::equivalent(source, home, ignored))) {
      problems.push_back(where + ": would show the agent " +
                         (source == source.root_path() ? "the whole machine"
                                                       : "your home") +
                         "; give the project directory itself");
      continue;
    }
    if (fs::equivalent(source, workspace, ignored)) {
      problems.push_back(where + ": is the workspace, at /workspace already");
      continue;
    }
    std::string name = mount_name(source);
    std::string unique = name;
    for (int n = 2; !names.insert(unique).second; ++n) {
      unique = name + "-" + std::to_string(n);
    }
    dirs.push_back({source, "/repos/" + unique, read_only});
  }
  if (!problems.empty()) {
    std::string message;
    for (const std::string& problem : problems) {
      message += (message.empty() ? "" : "\n") + problem;
    }
    throw Error(message);
  }
  return dirs;
}

}  // namespace b2b::launch
