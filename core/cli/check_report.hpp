// SPDX-License-Identifier: Apache-2.0
// How doctor and install show their findings: one line each, or JSON.
#pragma once

#include "core/app/doctor.hpp"

#include <vector>

namespace b2b::cli {

/// Prints `checks` as text (or as {"checks": [...]} with `json`) to stdout
/// and returns the exit status: 1 when any failed, else 0.
int report_checks(const std::vector<app::Check>& checks, bool json,
                  std::string_view command);

}  // namespace b2b::cli
