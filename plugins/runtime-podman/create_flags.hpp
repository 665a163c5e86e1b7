// SPDX-License-Identifier: Apache-2.0
// A container of a LaunchSpec as `podman create` arguments.
#pragma once

#include <back2base/sdk/launch_spec.hpp>

#include <string>
#include <vector>

namespace b2b::podman {

/// `podman create ...` for `container` of `spec`, up to and including the
/// image and the command. `network` is "container:<name>" for the agent;
/// `rootless`: --userns=keep-id for the sidecar, whose user namespace the
/// agent joins, so files keep the user's ids.
/// Secrets appear by name alone (`-e NAME`): their values must be in the
/// environment of the podman that runs it.
std::vector<std::string> create_arguments(const sdk::LaunchSpec& spec,
                                          const sdk::ContainerSpec& container,
                                          const std::string& network,
                                          bool rootless);

}  // namespace b2b::podman
