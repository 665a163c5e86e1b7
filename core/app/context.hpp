// SPDX-License-Identifier: Apache-2.0
// What every command of one run shares: the environment as it was at start,
// the global flags, and the things worked out from them on first use.
#pragma once

#include "core/config/environment.hpp"
#include "core/config/paths.hpp"
#include "core/config/settings.hpp"
#include "core/plugin/policy.hpp"
#include "core/plugin/registry.hpp"
#include "core/plugin/signing.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace b2b::app {

class Context {
 public:
  explicit Context(config::Environment environment);
  ~Context();

  /// The global flags, as parsed.
  int verbosity = 0;
  bool quiet = false;
  bool allow_unsigned_plugins = false;
  bool no_update_check = false;
  /// The words after `help`, which the parser is not shown.
  std::vector<std::string> help_words;
  /// What the chosen command does, set while parsing and run after it;
  /// returns the exit status.
  std::function<int()> action;


  /// The paths, resolved on first use. Throws `Error` for a bad override.
  const config::Paths& paths();

  /// The effective settings, with the env file read on first use (and
  /// logged at -vv). Throws `Error` listing every bad line of the file.
  const config::Settings& settings();

  /// The administrator's policy, read on first use. Throws `Error`.
  const plugin::Policy& policy();

  /// The keys that may sign plugins, read on first use.
  const std::vector<plugin::TrustedKey>& trusted_keys();

  /// Every plugin discovered, checked and loaded, on first use. Refusals
  /// are recorded in the registry, not thrown.
  plugin::PluginRegistry& plugins();

  /// The end of a run: plugin objects destroyed, their libraries left for
  /// the process's exit to unmap.
  void finish_plugins();

  /// Whether unsigned plugins may load in this run: the flag or
  /// BACK2BASE_ALLOW_UNSIGNED_PLUGINS (the policy is applied separately).
  bool unsigned_plugins_allowed();

 private:
  std::shared_ptr<const config::Environment> m_environment;
  std::optional<config::Paths> m_paths;
  std::shared_ptr<const config::Settings> m_settings;
  bool m_warned_about_env_file = false;
  std::optional<plugin::Policy> m_policy;
  std::optional<std::vector<plugin::TrustedKey>> m_keys;
  std::unique_ptr<plugin::PluginRegistry> m_registry;
};

}  // namespace b2b::app
