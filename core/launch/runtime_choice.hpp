// SPDX-License-Identifier: Apache-2.0
// Which runtime plugin runs the session: the one asked for (--runtime,
// BACK2BASE_RUNTIME), or with "auto" the first whose engine answers.
#pragma once

#include "core/config/settings.hpp"
#include "core/plugin/registry.hpp"

#include <back2base/sdk/runtime.hpp>

#include <optional>
#include <string>

namespace b2b::launch {

struct ChosenRuntime {
  plugin::PluginRef<sdk::ContainerRuntime> runtime;
  std::string engine;  ///< what answered: "podman 4.3.1 (rootful)"
  std::string reason;  ///< "--runtime", "BACK2BASE_RUNTIME", "auto: ..."
};

/// Chooses among `runtimes` for `requested` ("auto" or a plugin's name),
/// which came from `origin`. With "auto", compose is tried first, then
/// podman, then the others in load order. Throws `Error` naming the
/// runtimes and why each cannot run a session.
ChosenRuntime choose_runtime(
    const std::vector<plugin::PluginRef<sdk::ContainerRuntime>>& runtimes,
    const std::string& requested, const std::string& origin);

/// `choose_runtime` for what the user asked: `flag` (--runtime), else
/// BACK2BASE_RUNTIME, else "auto". Logs the choice at -v.
ChosenRuntime choose_runtime(
    const std::vector<plugin::PluginRef<sdk::ContainerRuntime>>& runtimes,
    const std::optional<std::string>& flag, const config::Settings& settings);

}  // namespace b2b::launch
