// SPDX-License-Identifier: Apache-2.0
// `update`, and the daily notice every other command may show first.
#pragma once

#include <string_view>

namespace b2b::app {

class Context;

struct UpdateOptions {
  bool check_only = false;       ///< report, change nothing
  bool allow_downgrade = false;  ///< install an older latest release
  /// The background check of the daily notice: record what was found
  /// (or why nothing was), print nothing.
  bool record = false;
};

/// Finds the latest release and, unless `check_only`, installs it over
/// this copy. Throws `Error`.
int update(Context& context, const UpdateOptions& options);

/// Before `command` runs: the notice of a newer release (at most one line
/// a day, on stderr, only on a terminal), and the next check started in
/// the background when the last is a day old. Never blocks on the
/// network and never fails a command; skipped for `version`, `update`,
/// `help`, `completion` and `man`, and when `disabled` (--no-update-check) or
/// BACK2BASE_NO_UPDATE_CHECK=1.
void notice_update(Context& context, std::string_view command, bool disabled);

}  // namespace b2b::app
