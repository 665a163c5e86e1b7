// SPDX-License-Identifier: Apache-2.0
// The daily word that a newer release is out. A command never waits for
// the network: it reads what the last check found, and when that is a
// day old it starts the next check in the background, whose answer (or
// failure) the next command reads. At most one line a day, on stderr.
#pragma once

#include "core/update/version_order.hpp"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace b2b::update {

/// What the last check found, kept in <data>/update-check.json.
struct CheckRecord {
  std::int64_t checked_at = 0;  ///< Unix time of the last check begun
  std::string latest;           ///< the latest release; empty if unknown
  std::string error;            ///< why the last check failed, if it did
  std::int64_t noticed_at = 0;  ///< when the notice was last shown
};

/// The record in `file`; an empty one when it is missing or unreadable
/// (a damaged record costs one check, never a command).
CheckRecord read_check_record(const std::filesystem::path& file);

/// Replaces `file` with `record` in one rename. Throws `Error`.
void write_check_record(const std::filesystem::path& file,
                        const CheckRecord& record);

/// Whether the record is a day old (or from the future: a clock set back)
/// and a new check should begin.
bool check_due(const CheckRecord& record, std::int64_t now);

/// The notice to show now, if the record knows of a release newer than
/// `running` and none was shown in the last day; `upgrade` says what to
/// type, asked only then. Sets `record.noticed_at` when it returns one.
std::optional<std::string> due_notice(
    CheckRecord& record, const Version& running,
    const std::function<std::string()>& upgrade, std::int64_t now);

/// Starts `executable update --check --record` in a session of its own,
/// its standard streams on /dev/null, and returns without waiting. False
/// if it could not be started.
bool start_background_check(const std::filesystem::path& executable);

}  // namespace b2b::update
