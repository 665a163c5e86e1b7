// SPDX-License-Identifier: Apache-2.0
// Every exit status the tool chooses itself. When a session ran, its own
// status is passed through instead.
#pragma once

namespace b2b::exit_status {

inline constexpr int k_success = 0;
/// Anything that went wrong and has no code of its own.
inline constexpr int k_failure = 1;
/// A flag, argument or value the tool cannot accept.
inline constexpr int k_usage = 2;
/// A word where a command was expected that names no command.
inline constexpr int k_unknown_command = 3;
/// A plugin, or a file checked as one, that failed its trust check.
inline constexpr int k_untrusted_plugin = 4;
/// Stopped by SIGINT, as shells report it (128 + 2).
inline constexpr int k_interrupted = 130;

}  // namespace b2b::exit_status
