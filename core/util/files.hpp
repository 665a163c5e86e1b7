// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace b2b::util {

/// The whole content of `path`. Throws `Error` naming the file and the
/// system's reason when it cannot be read.
std::string read_file(const std::filesystem::path& path);

/// The content of `path`, or no value when the file does not exist. Other
/// failures throw `Error`, as `read_file` does.
std::optional<std::string> read_file_if_exists(
    const std::filesystem::path& path);

/// Writes `content` to `path` through a temporary file in the same
/// directory, flushed and renamed into place, so that a reader sees the old
/// file or the new one and never half of one. `mode` applies to the new
/// file. Throws `Error` and leaves `path` untouched on failure.
void write_file_atomic(const std::filesystem::path& path,
                       std::string_view content, unsigned mode);

/// Creates `path` with `content` and `mode` only if nothing is there:
/// written to a temporary file and linked into place, so it appears whole
/// and an existing file is never replaced, however many try at once.
/// Returns false when `path` already existed. Throws `Error` otherwise.
bool create_file_exclusive(const std::filesystem::path& path,
                           std::string_view content, unsigned mode);

/// Creates `dir` and its missing parents; the ones it creates get `mode`.
/// Throws `Error` naming the directory on failure.
void create_directories(const std::filesystem::path& dir, unsigned mode);

}  // namespace b2b::util
