// SPDX-License-Identifier: Apache-2.0
// The session's state on the host: <config>/state, the container's
// ~/.claude, seeded from the payload's defaults; the optional data
// directory; and the managed settings an organisation may impose.
#pragma once

#include "core/config/settings.hpp"
#include "core/payload/payload.hpp"

#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace b2b::config {

/// What seeding did, by path relative to the state directory.
struct SeedReport {
  std::vector<std::string> seeded;  ///< copied from the defaults now
  std::vector<std::string> kept;    ///< the user's own, left as they are
};

/// Copies each default of `files` (defaults/mcp.json as .mcp.json,
/// defaults/settings.json, defaults/skills/, defaults/commands/) into
/// `state_dir` the first time it is seen there, and never again: a file
/// the user edited or deleted stays edited or deleted. Which defaults were
/// seeded is remembered in `.back2base-seeded`. Creates `state_dir` 0700.
/// Every write is atomic. Throws `Error` naming the path that failed.
SeedReport seed_state(const std::filesystem::path& state_dir,
                      std::span<const payload::PayloadFile> files);

/// The directories BACK2BASE_DATA_DIR asks for, made if missing (0700):
/// its plans/ and memories/. None when the setting is unset or empty.
/// Throws `Error` naming the directory when it is relative, not a
/// directory, or cannot be made.
std::optional<std::filesystem::path> prepare_data_dir(const Settings& settings);

/// Claude Code's managed settings found on this machine.
struct ManagedSettings {
  std::filesystem::path dir;  ///< where they were looked for
  std::string origin;         ///< "BACK2BASE_MANAGED_SETTINGS_DIR" or
                              ///< "platform default"
  /// What exists of managed-settings.json, managed-settings.d/ and
  /// CLAUDE.md, to be mounted read-only at /etc/claude-code/<name>.
  std::vector<std::filesystem::path> found;
};

/// Looks in BACK2BASE_MANAGED_SETTINGS_DIR, else the platform's directory
/// (/etc/claude-code on Linux). Never throws; what cannot be read is not
/// found.
ManagedSettings probe_managed_settings(const Settings& settings);

}  // namespace b2b::config
