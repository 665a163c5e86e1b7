// SPDX-License-Identifier: Apache-2.0
#include "core/config/paths.hpp"

#include "core/log/log.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

namespace b2b::config {
namespace fs = std::filesystem;
namespace {

fs::path absolute_setting(const Environment& env, std::string_view name) {
  std::optional<std::string> value = env.get_nonempty(name);
  if (!value) {
    return {};
  }
  fs::path path(*value);
  if (!path.is_absolute()) {
    throw Error(std::string(name) + ": " + util::quote(*value) +
                    " is not an absolute path; set it to one",
                exit_status::k_usage);
  }
  return path.lexically_normal();
}

fs::path home_dir(const Environment& env) {
  fs::path home = absolute_setting(env, "HOME");
  if (!home.empty()) {
    return home;
  }
  const passwd* entry = ::getpwuid(::getuid());
  if (entry != nullptr && entry->pw_dir != nullptr && *entry->pw_dir == '/') {
    return entry->pw_dir;
  }
  throw Error(
      "HOME: not set, and the user database has no home directory "
      "for this user; set HOME");
}

// An explicit setting, else an XDG base directory, else a path in $HOME.
fs::path base_dir(const Environment& env, std::string_view setting,
                  std::string_view xdg, const fs::path& home_default) {
  fs::path explicit_dir = absolute_setting(env, setting);
  if (!explicit_dir.empty()) {
    return explicit_dir;
  }
  fs::path xdg_dir = absolute_setting(env, xdg);
  if (!xdg_dir.empty()) {
    return xdg_dir / "back2base";
  }
  return home_dir(env) / home_default;
}

// The override applies only where the administrator's policy is certainly
// absent: a policy that cannot even be looked at counts as present.
fs::path managed_dir(const Environment& env, const fs::path& managed_root) {
  fs::path override_dir = absolute_setting(env, "BACK2BASE_MANAGED_DIR");
  if (override_dir.empty()) {
    return managed_root;
  }
  const fs::path policy = managed_root / "policy.json";
  struct stat info {};
  if (::stat(policy.c_str(), &info) != 0 && errno == ENOENT) {
    return override_dir;
  }
  log::warning(
      "BACK2BASE_MANAGED_DIR: ignored, because the administrator's "
      "policy " +
      util::quote(policy.string()) + " applies");
  return managed_root;
}

}  // namespace

Paths resolve_paths(const Environment& env, const fs::path& executable,
                    const fs::path& managed_root) {
  Paths paths;
  paths.config_dir =
      base_dir(env, "BACK2BASE_CONFIG", "XDG_CONFIG_HOME", ".config/back2base");
  paths.state_dir = paths.config_dir / "state";
  paths.data_dir = base_dir(env, "BACK2BASE_HOME", "XDG_DATA_HOME",
                            ".local/share/back2base");
  paths.user_keys_dir = paths.config_dir / "trusted-keys";
  paths.user_plugin_dir = paths.data_dir / "plugins";
  // The install tree and the build tree share one layout: bin/ beside
  // lib/oss-back2base/plugins/.
  paths.install_plugin_dir =
      executable.parent_path().parent_path() / "lib/oss-back2base/plugins";
  if (std::optional<std::string> list =
          env.get_nonempty("BACK2BASE_PLUGIN_PATH")) {
    for (const std::string& entry : util::split(*list, ':')) {
      if (entry.empty()) {
        continue;
      }
      if (!fs::path(entry).is_absolute()) {
        throw Error("BACK2BASE_PLUGIN_PATH: " + util::quote(entry) +
                        " is not an absolute path; use absolute paths "
                        "separated by \":\"",
                    exit_status::k_usage);
      }
      paths.extra_plugin_dirs.emplace_back(entry);
    }
  }
  paths.managed_dir = managed_dir(env, managed_root);
  return paths;
}

fs::path current_executable() {
  std::error_code error;
  fs::path self = fs::read_symlink("/proc/self/exe", error);
  if (error) {
    throw Error("/proc/self/exe: cannot find the running executable: " +
                error.message());
  }
  return self;
}

}  // namespace b2b::config
