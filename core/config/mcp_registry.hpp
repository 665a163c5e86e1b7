// SPDX-License-Identifier: Apache-2.0
// The MCP registry: every server a session may load, in Claude Code's
// .mcp.json format with three keys of ours per server ("egress", the
// domains it must reach; "package", where the image gets it; and
// "description"). The user's registry is <state>/.mcp.json; a session
// gets a filtered copy without our keys, and the registry itself is never
// rewritten.
#pragma once

#include "core/config/json_document.hpp"
#include "core/config/paths.hpp"

#include <boost/json/object.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::config {

struct McpServer {
  std::string name;
  std::string transport;  ///< "stdio", "http" or "sse"
  std::string command;    ///< stdio
  std::vector<std::string> args;
  std::string url;                              ///< http and sse
  std::vector<std::string> egress;              ///< normalised domain patterns
  std::vector<std::string> variables;           ///< ${NAME}s without a default
  std::vector<std::string> optional_variables;  ///< ${NAME:-default}s
  std::string package;  ///< "npm:NAME@VERSION", if given
  std::string description;
  bool own = false;           ///< not one of the payload's: the user added it
  int line = 0;               ///< where it starts in its file
  boost::json::object entry;  ///< as written, without our keys

  /// What `mcp list` shows: the URL, or the command and its first
  /// argument that is not a flag.
  std::string display() const;
};

struct McpRegistry {
  std::string source;              ///< the file, for messages
  bool from_defaults = false;      ///< the payload's, not the user's
  std::vector<McpServer> servers;  ///< in file order

  const McpServer* find(std::string_view name) const;
  std::vector<std::string> names() const;
};

/// Reads `document` as a registry. Claude Code's own keys are checked as
/// far as a launch depends on them (transport, command, URL, the types of
/// args, env and headers) and otherwise passed through; our keys are
/// checked strictly. Throws `Error` listing every problem with its line.
McpRegistry parse_registry(const JsonDocument& document, bool from_defaults);

/// The payload's default registry.
McpRegistry default_registry();

/// `<state>/.mcp.json` when it exists, else the payload's default. A
/// server of the user's file that the default lacks is marked `own`.
McpRegistry load_registry(const Paths& paths);

/// Claude Code's MCP configuration for a session that loads `names` (each
/// in `registry`): {"mcpServers": {...}} without our keys.
boost::json::object session_config(const McpRegistry& registry,
                                   const std::vector<std::string>& names);

/// Writes `session_config` to `path` (0600, atomically). Never touches
/// the registry's own file.
void write_session_config(const std::filesystem::path& path,
                          const McpRegistry& registry,
                          const std::vector<std::string>& names);

/// The names of the ${NAME} placeholders in `text`, and with
/// `defaulted`, of the ${NAME:-default} ones instead.
std::vector<std::string> placeholder_names(std::string_view text,
                                           bool defaulted = false);

}  // namespace b2b::config
