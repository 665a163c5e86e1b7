// SPDX-License-Identifier: Apache-2.0
// `doctor`: what this machine has and lacks for a session, each finding
// with what to do about it.
#pragma once

#include "core/app/context.hpp"
#include "core/process/process_runner.hpp"

#include <string>
#include <vector>

namespace b2b::app {

enum class CheckStatus { ok, warning, failed, skipped };

struct Check {
  std::string name;
  CheckStatus status = CheckStatus::ok;
  std::string detail;
  std::string hint;  ///< what to do; empty when nothing need be done
};

/// Runs every check in order. Asks the container engines through `runner`,
/// each with a short timeout; never changes anything on the machine.
std::vector<Check> run_doctor(Context& context, process::ProcessRunner& runner);

}  // namespace b2b::app
