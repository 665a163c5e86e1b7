// SPDX-License-Identifier: Apache-2.0
// The files one session hands its containers, in a directory of its own
// under the data directory: what the sidecar and the agent read
// (session/), and what the sidecar writes for the agent and for
// `oss-back2base firewall log` (firewall/). See back2base-container's
// README for each file.
#pragma once

#include "core/config/allowlist.hpp"
#include "core/config/mcp_registry.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace b2b::launch {

struct SessionDir {
  /// "<namespace>-<yyyymmdd-hhmmss-mmm>-<random>", lowercase; the ids of
  /// a namespace sort in the order their sessions started.
  std::string id;
  std::filesystem::path root;  ///< <data>/sessions/<id>
  std::filesystem::path session() const { return root / "session"; }
  std::filesystem::path firewall() const { return root / "firewall"; }
  /// Where `login`'s agent leaves the token it was given.
  std::filesystem::path login() const { return root / "login"; }
};

/// Where a new session of `namespace_name` would have its directory,
/// without making it: for `plan`.
SessionDir planned_session_dir(const std::filesystem::path& data_dir,
                               const std::string& namespace_name);

/// Makes a new, empty session directory for `namespace_name` (0700) under
/// `data_dir`/sessions, and removes the oldest of that namespace beyond the
/// last `keep`. Throws `Error` naming the directory.
SessionDir make_session_dir(const std::filesystem::path& data_dir,
                            const std::string& namespace_name,
                            std::size_t keep = 5);

/// Writes what the containers read: the allowlist, the session's MCP
/// configuration, and the agent's resolv.conf. Throws `Error`.
void write_session_files(const SessionDir& dir,
                         const std::vector<config::AllowEntry>& allowlist,
                         const config::McpRegistry& registry,
                         const std::vector<std::string>& servers);

/// The newest session directory of `namespace_name`, if any.
std::optional<SessionDir> latest_session(const std::filesystem::path& data_dir,
                                         const std::string& namespace_name);

}  // namespace b2b::launch
