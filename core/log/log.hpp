// SPDX-License-Identifier: Apache-2.0
// The tool's voice on stderr: quiet on success, one line per message, shaped
// `oss-back2base: <level>: <where>: <what>[; <what was done>]`.
#pragma once

#include <back2base/sdk/host.hpp>

#include <string>
#include <string_view>

namespace b2b::log {

using Level = sdk::LogLevel;

/// Shows messages up to `threshold` from now on; colours the level tag when
/// `colour` is set. Safe to call at any time, from any thread.
void configure(Level threshold, bool colour);

/// True when a message at `level` would be shown.
bool enabled(Level level);

/// Writes one message at `level` to stderr, after redaction.
void write(Level level, std::string_view message);

/// Writes a line about a long step the user is waiting for ("building
/// the session image"), untagged; shown unless -q, like a warning.
void notice(std::string_view message);

/// On a terminal, shows `message` in place of the last progress line
/// ("downloading x.tar.gz: 4.2 of 9.8 MB"), for a long step; nothing in a
/// pipe or under -q. The next message, or progress_end(), replaces it.
void progress(std::string_view message);

/// Clears the progress line, if one is shown.
void progress_end();

inline void error(std::string_view message) {
  write(Level::error, message);
}
inline void warning(std::string_view message) {
  write(Level::warning, message);
}
inline void info(std::string_view message) {
  write(Level::info, message);
}
inline void debug(std::string_view message) {
  write(Level::debug, message);
}

/// Whether output to `fd` should be coloured: a terminal, `NO_COLOR` unset
/// or empty, and `TERM` not "dumb".
bool colour_wanted(int fd);

/// Remembers `secret` so that no later message shows it: each occurrence is
/// replaced with "[redacted]". Values shorter than four characters are not
/// remembered, since hiding them would garble ordinary words.
void add_secret(std::string_view secret);

/// `text` with every remembered secret replaced.
std::string redact(std::string_view text);

}  // namespace b2b::log
