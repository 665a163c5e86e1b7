// SPDX-License-Identifier: Apache-2.0
// `install`: everything a first launch needs, done ahead of it.
#pragma once

#include "core/app/context.hpp"
#include "core/app/doctor.hpp"
#include "core/process/process_runner.hpp"

#include <vector>

namespace b2b::app {

/// Checks the container runtime, extracts the payload, creates the env
/// file from its template if there is none (0600), seeds the state,
/// prepares BACK2BASE_DATA_DIR, and reports on the image. Each step is a
/// check in the result; a failed step does not stop the ones that do not
/// depend on it. Nothing the user wrote is changed.
std::vector<Check> run_install(Context& context,
                               process::ProcessRunner& runner);

}  // namespace b2b::app
