// SPDX-License-Identifier: Apache-2.0
// `doctor`: what this machine has and lacks for a session, each finding
// with the fix to apply.
#pragma once

#include "core/app/context.hpp"
#include "core/process/process_runner.hpp"
#include "core/util/error.hpp"

#include <string>
#include <vector>

namespace b2b::app {

enum class CheckStatus { pass, warn, fail };

struct Check {
  std::string name;
  CheckStatus status = CheckStatus::pass;
  std::string detail;
  std::string fix;  ///< what to do; empty when nothing need be done
};

/// `make()`, or, when it throws, a failed check `name` carrying the
/// error and `fix`: a check that cannot even be made is a failure.
template <class Make>
Check check_or_fail(const char* name, const char* fix, Make&& make) {
  try {
    return make();
  } catch (const std::exception& e) {
    return {name, CheckStatus::fail, e.what(), fix};
  }
}

/// The text of `status`: "pass", "warn" or "fail".
std::string_view status_name(CheckStatus status);

/// Whether Docker with Compose or Podman answers, asked through `runner`
/// with short timeouts: one check, failed when neither does.
Check check_container_runtime(process::ProcessRunner& runner);

/// Runs every check in order. Never changes anything on the machine.
std::vector<Check> run_doctor(Context& context, process::ProcessRunner& runner);

}  // namespace b2b::app
