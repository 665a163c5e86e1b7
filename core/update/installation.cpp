// SPDX-License-Identifier: Apache-2.0
#include "core/update/installation.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace b2b::update {
namespace fs = std::filesystem;

namespace {

// Whether dpkg's list of the package's files names `executable`.
bool dpkg_owns(const fs::path& executable, const fs::path& dpkg_info) {
  std::optional<std::string> list =
      util::read_file_if_exists(dpkg_info / "oss-back2base.list");
  if (!list) {
    return false;
  }
  for (const std::string& line : util::split(*list, '\n')) {
    std::error_code error;
    if (!line.empty() && fs::equivalent(line, executable, error)) {
      return true;
    }
  }
  return false;
}

void require_writable_dir(const fs::path& dir) {
  if (::access(dir.c_str(), W_OK) != 0) {
    int error = errno;
    throw Error("update: cannot replace the files in " +
                util::quote(dir.string()) + ": " + std::strerror(error) +
                "; run it as the user who installed oss-back2base there "
                "(with sudo for a system directory)");
  }
}

}  // namespace

Installation find_installation(const fs::path& executable,
                               const fs::path& dpkg_info) {
  Installation found;
  std::error_code error;
  found.executable = fs::canonical(executable, error);
  if (error) {
    found.executable = executable;
  }
  fs::path plugins = found.executable.parent_path().parent_path() / "lib" /
                     "oss-back2base" / "plugins";
  if (fs::is_directory(plugins, error)) {
    found.plugin_dir = plugins;
  }
  const std::string path = found.executable.string();
  if (dpkg_owns(found.executable, dpkg_info)) {
    found.manager = "dpkg";
    found.upgrade_command =
        "sudo apt-get update && sudo apt-get install --only-upgrade "
        "oss-back2base";
  } else if (path.find("/Cellar/oss-back2base/") != std::string::npos) {
    found.manager = "Homebrew";
    found.upgrade_command = "brew upgrade oss-back2base";
  }
  return found;
}

fs::path running_executable() {
  std::error_code error;
  fs::path path = fs::read_symlink("/proc/self/exe", error);
  if (error) {
    throw Error("update: cannot tell where this executable is: " +
                error.message() + "; reinstall it from a release instead");
  }
  return path;
}

void require_writable(const Installation& installation) {
  require_writable_dir(installation.executable.parent_path());
  if (installation.plugin_dir) {
    require_writable_dir(installation.plugin_dir->parent_path());
  }
}

}  // namespace b2b::update
