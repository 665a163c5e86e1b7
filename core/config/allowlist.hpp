// SPDX-License-Identifier: Apache-2.0
// The session's firewall allowlist and where each entry came from: what
// Claude Code itself needs (its API, and the host of
// BACK2BASE_ANTHROPIC_BASE_URL when it is sent elsewhere), what the loaded
// MCP servers declare, and what the user adds in BACK2BASE_ALLOW_DOMAINS.
#pragma once

#include "core/config/mcp_registry.hpp"
#include "core/config/settings.hpp"

#include <string>
#include <vector>

namespace b2b::config {

struct AllowEntry {
  std::string domain;                ///< "api.github.com", "*.example.com"
  std::vector<std::string> origins;  ///< "Claude Code", "server github",
                                     ///< "BACK2BASE_ALLOW_DOMAINS (env:4)"
};

/// The allowlist for a session loading `servers` (names in `registry`),
/// in that order: Claude Code's own, the servers', the user's; an entry
/// named twice is listed once with both origins. Throws `Error` naming
/// the setting's origin and the value, for every problem at once, when
/// BACK2BASE_ALLOW_DOMAINS holds something that is not a host name or a
/// "*.domain", or BACK2BASE_ANTHROPIC_BASE_URL is not a URL whose host is
/// a name.
std::vector<AllowEntry> build_allowlist(const McpRegistry& registry,
                                        const std::vector<std::string>& servers,
                                        const Settings& settings);

}  // namespace b2b::config
