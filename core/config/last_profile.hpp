// SPDX-License-Identifier: Apache-2.0
// What each namespace chose last: its profile, for `--profile last` and
// the menu's default, and whether its sessions start with an overview.
// <state>/last-profile.json, {"namespaces": {NS: {"profile": NAME,
// "overview": BOOL}}}, as the Go tool keeps it (its older form, a bare
// profile name per namespace, is read too).
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace b2b::config {

/// The profile remembered for `namespace_name` in `state_dir`, or none.
/// A missing or unreadable file remembers nothing; it is never an error.
std::optional<std::string> remembered_profile(
    const std::filesystem::path& state_dir, const std::string& namespace_name);

/// Remembers `profile` for `namespace_name`, keeping every other
/// namespace and key of the file. Concurrent launches are serialised by a
/// lock beside the file, and the file is replaced whole. Throws `Error`
/// when it cannot be written.
void remember_profile(const std::filesystem::path& state_dir,
                      const std::string& namespace_name,
                      const std::string& profile);

/// Whether `namespace_name` last chose an overview, or none.
std::optional<bool> remembered_overview(const std::filesystem::path& state_dir,
                                        const std::string& namespace_name);

/// Remembers the overview choice as `remember_profile` does the profile.
void remember_overview(const std::filesystem::path& state_dir,
                       const std::string& namespace_name, bool overview);

}  // namespace b2b::config
