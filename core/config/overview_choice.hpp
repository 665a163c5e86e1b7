// SPDX-License-Identifier: Apache-2.0
// Whether an interactive session starts with an overview of the
// repository: a read-only Claude pass whose summary the session's
// CLAUDE.md carries. `--overview` and `--no-overview` decide, and are
// remembered for the namespace; without them the namespace's last choice
// stands; a namespace that never chose gets BACK2BASE_OVERVIEW.
#pragma once

#include "core/config/settings.hpp"

#include <optional>
#include <string>

namespace b2b::config {

struct OverviewChoice {
  bool on = false;
  std::string reason;  ///< "--overview", "remembered for this namespace"
};

/// The choice for a session; `interactive` is false for `-p`, `shell` and
/// `resume`, which never get one. Throws `Error` for a BACK2BASE_OVERVIEW
/// that is neither on nor off, naming where it was set.
OverviewChoice choose_overview(std::optional<bool> flag,
                               std::optional<bool> remembered,
                               const Settings& settings, bool interactive);

}  // namespace b2b::config
