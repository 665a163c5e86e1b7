// SPDX-License-Identifier: Apache-2.0
// A program the host runs for a plugin: an engine's client, mostly.
#pragma once

#include <back2base/sdk/launch_spec.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace b2b::sdk {

/// How a command's standard streams are connected.
enum class Streams {
  /// stdin from /dev/null; stdout and stderr captured into the result.
  capture,
  /// stdin from /dev/null; stdout and stderr both to the user's stderr:
  /// progress, which must not mix with a one-shot answer on stdout. When
  /// stderr is not a terminal, the host keeps it and shows its end only
  /// if the command fails; the result's `err` is empty either way.
  progress,
  /// The user's terminal or pipes, as the tool itself has them: for the
  /// session itself.
  inherit,
  /// stdin and stderr the user's, stdout captured: for a helper that may
  /// ask the user something (a sign-in) and prints its answer. Since 2.1.
  ask,
};

/// One program to run, looked up in PATH.
struct Command {
  std::vector<std::string> argv;
  /// Added to (or replacing in) the tool's own environment for the child
  /// alone. A secret's value goes here, never into `argv`.
  std::vector<EnvVar> environment;
  Streams streams = Streams::capture;
  /// Killed after this long; zero: no limit (a session).
  std::chrono::milliseconds timeout{0};
};

/// What became of a `Command`.
struct CommandResult {
  bool started = false;  ///< false: not found, or could not be run
  std::string reason;    ///< why it did not start
  bool timed_out = false;
  /// The user interrupted the tool (Ctrl-C, SIGTERM, SIGHUP) while the
  /// command ran. The signal reached the command too; `exit_status` is
  /// how it ended.
  bool interrupted = false;
  int exit_status = -1;  ///< its exit status, or 128 + the signal's number
  std::string out;       ///< stdout, when captured
  std::string err;       ///< stderr, when captured
};

}  // namespace b2b::sdk
