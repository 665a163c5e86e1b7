// SPDX-License-Identifier: Apache-2.0
// Where this machine's Docker is, found the way the docker client finds
// it, without running the client: which engine it talks to, and where
// its Compose v2 plugin is.
#pragma once

#include <string>

namespace b2b::compose {

inline constexpr const char* k_default_socket = "/var/run/docker.sock";

/// Whether the docker client would use the default socket: no DOCKER_HOST,
/// no DOCKER_CONTEXT, and no current context in its config file.
bool uses_default_socket();

/// Why nothing accepts a connection on the Unix socket `path`, or an
/// empty string when something does.
std::string socket_problem(const std::string& path);

/// The Compose v2 plugin's path, or an empty string: in DOCKER_CONFIG's
/// (or ~/.docker's) cli-plugins, then the system's plugin directories.
std::string compose_plugin();

}  // namespace b2b::compose
