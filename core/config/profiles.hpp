// SPDX-License-Identifier: Apache-2.0
// Tool profiles: named sets of MCP servers, each for a kind of work, read
// from profiles.json (the payload's, or the user's copy in the state
// directory, which replaces it whole).
#pragma once

#include "core/config/json_document.hpp"
#include "core/config/paths.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::config {

struct Profile {
  std::string name;
  std::string description;
  std::vector<std::string> servers;  ///< as listed, core servers aside
  std::optional<std::string> model;  ///< pinned model, if any
};

struct ProfileSet {
  std::string source;             ///< the file it was read from, for messages
  std::vector<std::string> core;  ///< servers every profile loads
  std::vector<Profile> profiles;  ///< in file order

  const Profile* find(std::string_view name) const;
  std::vector<std::string> names() const;
  /// The profiles that load `server`: all of them for a core server.
  std::vector<std::string> including(std::string_view server) const;
};

/// The names that select a profile but are not one.
inline constexpr std::string_view k_auto_profile = "auto";
inline constexpr std::string_view k_last_profile = "last";
/// What `auto` falls back to when no detector matches.
inline constexpr std::string_view k_fallback_profile = "general";

/// Reads `document` as profiles.json: {"core": [...], "profiles": {NAME:
/// {"description", "servers", "model"?}}}. A server name must be one of
/// `known_servers`. Throws `Error` listing every problem, each with its
/// file and line: unknown or missing keys, wrong types, bad or reserved
/// profile names, unknown servers (with a suggestion for a near miss).
ProfileSet parse_profiles(const JsonDocument& document,
                          const std::vector<std::string>& known_servers);

/// `<state>/profiles.json` when the user has one, else the payload's.
ProfileSet load_profiles(const Paths& paths,
                         const std::vector<std::string>& known_servers);

}  // namespace b2b::config
