// SPDX-License-Identifier: Apache-2.0
// One HTTP exchange, over TCP or TLS, with deadlines and a cap on what is
// read: what `mcp test` asks an MCP server and what `update` fetches. The
// only part of the tool that speaks HTTP, and the only file that includes
// Asio, Beast and OpenSSL.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace b2b::net {

/// An http:// or https:// URL split for a request. No user or password
/// part: credentials travel in headers, never in a URL that gets logged.
struct Url {
  bool tls = false;
  std::string host;    ///< without the brackets of an IPv6 literal
  std::string port;    ///< "443" when the URL names none
  std::string target;  ///< "/path?query", at least "/"
};

/// Reads `text`, or nothing when it is not an http(s) URL we can use.
std::optional<Url> parse_url(std::string_view text);

/// `reference` (absolute, "/rooted" or "relative/to/base") read against
/// `base`, as a browser would; for the files a release index names and for
/// redirects. Query and fragment of `base` are dropped.
std::string resolve_url(std::string_view base, std::string_view reference);

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  /// Sent to the URL's own host only, not to another a redirect names.
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  /// The whole exchange, redirects included.
  std::chrono::milliseconds timeout{5000};
  /// No byte for this long ends the exchange too; zero: only `timeout`.
  std::chrono::milliseconds idle_timeout{0};
  /// A longer answer is an error, not read past.
  std::size_t body_limit = 1 << 20;
  /// Redirects followed; never from https to http.
  int max_redirects = 0;
  /// Asked as the body arrives; true ends the exchange there, as complete
  /// (an event stream stays open after the event that was wanted).
  std::function<bool(std::string_view content_type, const std::string& body)>
      enough;
  /// Told the body's bytes so far and, when the server said, its length;
  /// for a progress line.
  std::function<void(std::size_t received, std::optional<std::uint64_t> length)>
      progress;
};

struct HttpResponse {
  /// Empty when an answer came whole; else why not, with the stage it
  /// failed at: "cannot connect to 127.0.0.1:8080: Connection refused".
  std::string error;
  int status = 0;  ///< 0 when no status line came
  std::string reason;
  std::string content_type;
  std::string body;
  std::string url;  ///< where the answer came from, after redirects
  double milliseconds = 0;
  bool complete() const { return error.empty(); }
};

/// Sends `request` and reads the answer. Never throws; every failure
/// (a URL it cannot use, name, connection, TLS, timeout, an answer cut
/// short or over the limit) is in `error`. Blocks for at most
/// `request.timeout`. TLS certificates are checked against the system's
/// store and the URL's host name.
HttpResponse fetch(const HttpRequest& request);

}  // namespace b2b::net
