// SPDX-License-Identifier: Apache-2.0
// A LaunchSpec as a Compose project: the project's file (what every
// session of this image shares) and the launch's override (this session's
// mounts, environment and command), both JSON, which Compose reads as
// YAML. Built as values, never as text, so no path or value can break or
// extend the file.
#pragma once

#include <back2base/sdk/launch_spec.hpp>

#include <string>

namespace b2b::compose {

inline constexpr const char* k_firewall_service = "firewall";
inline constexpr const char* k_agent_service = "agent";

struct ComposeFiles {
  std::string project;   ///< the project's file
  std::string override;  ///< this launch's
};

/// The two files for `spec`. A secret appears by name alone, so Compose
/// takes its value from its own environment.
ComposeFiles compose_files(const sdk::LaunchSpec& spec);

}  // namespace b2b::compose
