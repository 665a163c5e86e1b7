// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/environment.hpp"

#include <filesystem>
#include <vector>

namespace b2b::config {

/// Where the tool keeps and finds things on this machine.
struct Paths {
  std::filesystem::path config_dir;          ///< ~/.config/back2base
  std::filesystem::path state_dir;           ///< <config>/state
  std::filesystem::path data_dir;            ///< ~/.local/share/back2base
  std::filesystem::path user_keys_dir;       ///< <config>/trusted-keys
  std::filesystem::path user_plugin_dir;     ///< <data>/plugins
  std::filesystem::path install_plugin_dir;  ///< beside the executable
  std::vector<std::filesystem::path> extra_plugin_dirs;  ///< PLUGIN_PATH
  /// The administrator's directory: policy.json and trusted-keys/.
  std::filesystem::path managed_dir;
  std::filesystem::path env_file() const { return config_dir / "env"; }
  /// Where the embedded back2base-container tree is extracted.
  std::filesystem::path payload_dir() const {
    return data_dir / "back2base-container";
  }
  std::filesystem::path policy_file() const {
    return managed_dir / "policy.json";
  }
  std::filesystem::path managed_keys_dir() const {
    return managed_dir / "trusted-keys";
  }
};

/// The administrator's directory on every machine.
inline constexpr const char* k_managed_dir = "/etc/back2base";

/// Resolves every path from `env` and the running `executable`:
/// `BACK2BASE_CONFIG`, else `$XDG_CONFIG_HOME/back2base`, else
/// `~/.config/back2base`; `BACK2BASE_HOME`, else `$XDG_DATA_HOME/back2base`,
/// else `~/.local/share/back2base`; `BACK2BASE_PLUGIN_PATH` split on ":".
/// `BACK2BASE_MANAGED_DIR` replaces `managed_root` (/etc/back2base) only
/// where `managed_root` certainly has no policy.json, so that no user
/// variable can lift an administrator's policy. Throws `Error` for a
/// relative override or an unknown home directory.
Paths resolve_paths(const Environment& env,
                    const std::filesystem::path& executable,
                    const std::filesystem::path& managed_root = k_managed_dir);

/// The path of the running executable.
std::filesystem::path current_executable();

}  // namespace b2b::config
