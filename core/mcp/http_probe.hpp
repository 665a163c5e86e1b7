// SPDX-License-Identifier: Apache-2.0
// Asking an MCP server over HTTP whether it is one: a real `initialize`
// request, as Claude Code sends it, with a deadline for the whole
// exchange. Streamable HTTP answers with JSON or with an event stream;
// both are read.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace b2b::mcp {

struct HttpProbe {
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;  ///< expanded
  std::chrono::milliseconds timeout{5000};
  std::string client_version;  ///< sent as clientInfo.version
};

struct ProbeOutcome {
  bool passed = false;
  std::string detail;   ///< what the server said, or why it failed
  int http_status = 0;  ///< 0 when no response came
  double milliseconds = 0;
};

/// Sends `initialize` to `probe.url` and reads the answer. Passes when
/// the reply is a JSON-RPC result with a protocol version. Never throws;
/// every failure (name, connection, TLS, status, timeout, a reply that is
/// not MCP) is in the outcome. Blocks for at most `probe.timeout`. TLS
/// certificates are verified against the system's store.
ProbeOutcome probe_http(const HttpProbe& probe);

/// The first complete event of `stream` (text/event-stream) whose data is
/// a JSON-RPC message with id 1, or an empty string when none is complete
/// yet.
std::string find_initialize_event(const std::string& stream);

}  // namespace b2b::mcp
