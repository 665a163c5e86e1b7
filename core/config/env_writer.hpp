// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace b2b::config {

/// `value` written so that the env file parser reads it back exactly: bare
/// when it is plain, else in single quotes, else in double quotes with
/// escapes.
std::string env_quote(std::string_view value);

/// Sets `key` to `value` in the env file at `path`: its last assignment is
/// replaced where it stands, and every other line, comments and order
/// included, is kept; a key not there yet is appended. The file is written
/// whole through a temporary file and a rename, mode 0600, its directory
/// made 0700 if missing. Throws `Error`, changing nothing, when the file
/// has a line it cannot read or cannot be written.
void set_env_value(const std::filesystem::path& path, std::string_view key,
                   std::string_view value);

}  // namespace b2b::config
