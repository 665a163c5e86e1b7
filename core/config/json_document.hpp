// SPDX-License-Identifier: Apache-2.0
// A JSON file as its author wrote it: the parsed value and the line each
// part of it starts on, so that a mistake in a configuration file can be
// reported at its line, as the env file's mistakes are.
#pragma once

#include <boost/json/value.hpp>

#include <string>
#include <string_view>
#include <unordered_map>

namespace b2b::config {

class JsonDocument {
 public:
  /// Parses `text`, strict JSON (no comments, no trailing commas). `source`
  /// names it in messages: a path, or "embedded defaults/mcp.json". Throws
  /// `Error` reading "<source>:<line>:<column>: <what>; <what to do>".
  JsonDocument(std::string_view text, std::string source);

  const boost::json::value& root() const { return m_root; }
  const std::string& source() const { return m_source; }

  /// The line the value at `pointer` (RFC 6901: "/profiles/go/servers/1")
  /// starts on; for an object member, the line of its key. 0 when the
  /// document has no such value.
  int line_of(std::string_view pointer) const;

  /// "<source>:<line>" for the value at `pointer`, or the source alone.
  std::string where(std::string_view pointer) const;

 private:
  std::string m_source;
  boost::json::value m_root;
  std::unordered_map<std::string, int> m_lines;
};

/// `base` extended by one reference token, escaped as RFC 6901 says.
std::string json_pointer(std::string_view base, std::string_view token);

/// `base` extended by an array index.
std::string json_pointer(std::string_view base, std::size_t index);

}  // namespace b2b::config
