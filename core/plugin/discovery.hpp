// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/paths.hpp"
#include "core/plugin/policy.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace b2b::plugin {

/// A directory searched for plugins, and why.
struct PluginDirectory {
  std::filesystem::path path;
  std::string origin;  ///< "BACK2BASE_PLUGIN_PATH", "user" or "install"
};

/// A plugin file found on disk. Only its name has been looked at.
struct Candidate {
  std::filesystem::path path;
  std::string origin;
  /// Set when an earlier directory has a plugin file of the same name,
  /// which is the one used.
  std::optional<std::filesystem::path> shadowed_by;
};

/// The directories to search, first match wins: each of
/// `BACK2BASE_PLUGIN_PATH`, the user's plugin directory, the install's.
/// The first two only when the policy allows plugins outside the install.
std::vector<PluginDirectory> plugin_directories(const config::Paths& paths,
                                                const Policy& policy);

/// Every `*.so` file in `directories`, in search order and by name within
/// each. A directory that does not exist is skipped; symbolic links are
/// followed; subdirectories are not searched.
std::vector<Candidate> discover(const std::vector<PluginDirectory>& dirs);

}  // namespace b2b::plugin
