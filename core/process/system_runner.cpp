// SPDX-License-Identifier: Apache-2.0
// The real runner: a captured command of command_runner.cpp, which owns
// the one way this tool starts a process.
#include "core/process/command_runner.hpp"
#include "core/process/process_runner.hpp"

namespace b2b::process {
namespace {

class SystemRunner final : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv,
                    std::chrono::milliseconds timeout) override {
    sdk::CommandResult done;
    run_command({argv, {}, sdk::Streams::capture, timeout}, done);
    ProcessResult result;
    result.started = done.started;
    result.timed_out = done.timed_out;
    result.exit_code = done.exit_status;
    result.out = std::move(done.out);
    result.err = std::move(done.err);
    result.reason = std::move(done.reason);
    return result;
  }
};

}  // namespace

std::unique_ptr<ProcessRunner> make_system_runner() {
  return std::make_unique<SystemRunner>();
}

}  // namespace b2b::process
