// SPDX-License-Identifier: Apache-2.0
// Which profiles a session uses and so which MCP servers it loads: the
// one the user named, the one remembered for the namespace ("last"), or
// every profile the detectors matched ("auto", the default), united.
#pragma once

#include "core/config/mcp_registry.hpp"
#include "core/config/profiles.hpp"
#include "core/config/settings.hpp"

#include <optional>
#include <string>
#include <vector>

namespace b2b::config {

/// A profile name as asked for, and who asked.
struct ProfileRequest {
  std::string name;    ///< "auto", "last" or a profile
  std::string origin;  ///< "--profile", "environment", "<env file>:<line>",
                       ///< "default"
};

/// The request from `--profile` (`flag`, when given), else the
/// BACK2BASE_PROFILE setting. Throws `Error` naming where an unknown name
/// came from, with the valid names and a suggestion for a near miss.
ProfileRequest profile_request(const std::optional<std::string>& flag,
                               const Settings& settings,
                               const ProfileSet& profiles);

/// "last" made concrete: the `remembered` profile while it still exists,
/// else "auto". Any other request is returned as it is.
ProfileRequest resolve_last(const ProfileRequest& request,
                            const std::optional<std::string>& remembered,
                            const ProfileSet& profiles);

/// A server the choice names that the session will not have, and why.
struct DroppedServer {
  std::string name;
  std::string reason;
};

struct ProfileChoice {
  ProfileRequest request;
  std::vector<std::string> profiles;  ///< united, in file order
  std::string reason;                 ///< how they were chosen
  /// Core servers, then each profile's, then the user's own servers
  /// (added to the registry by hand and named by no profile), each once.
  std::vector<std::string> servers;
  std::vector<DroppedServer> dropped;        ///< named but not in the registry
  std::vector<std::string> unknown_matches;  ///< detected, no such profile
  std::optional<std::string> model;          ///< none: Claude Code's default
  std::string model_origin;
};

/// Chooses for `request`, which is "auto" or a profile ("last" resolved).
/// For "auto", `detected` holds the profiles the detectors matched: those
/// that exist are united in file order; none gives "general" (or the core
/// servers alone when the profiles have no "general"). The model is
/// BACK2BASE_MODEL, else the first pinned one among the profiles.
ProfileChoice choose_profiles(const ProfileRequest& request,
                              const ProfileSet& profiles,
                              const McpRegistry& registry,
                              const std::vector<std::string>& detected,
                              const Settings& settings);

}  // namespace b2b::config
