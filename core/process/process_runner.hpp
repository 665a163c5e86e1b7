// SPDX-License-Identifier: Apache-2.0
// Running other programs (docker, podman, git). An interface, so that logic
// that asks an engine something is tested without the engine.
#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace b2b::process {

struct ProcessResult {
  bool started = false;    ///< false: the program was not found or not run
  bool timed_out = false;  ///< killed after the deadline
  int exit_code = -1;      ///< the exit status, or 128 + signal
  std::string out;         ///< what it wrote to stdout
  std::string err;         ///< what it wrote to stderr
  std::string reason;      ///< why it did not start, when it did not
  bool succeeded() const { return started && !timed_out && exit_code == 0; }
};

class ProcessRunner {
 public:
  virtual ~ProcessRunner() = default;

  /// Runs `argv` (looked up in PATH) with stdin from /dev/null, capturing
  /// its output, and kills it if it runs past `timeout`. Blocks until it
  /// ends. Never throws for a program that fails; the result says so.
  virtual ProcessResult run(const std::vector<std::string>& argv,
                            std::chrono::milliseconds timeout) = 0;
};

/// The runner that starts real processes.
std::unique_ptr<ProcessRunner> make_system_runner();

}  // namespace b2b::process
