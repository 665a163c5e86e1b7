// SPDX-License-Identifier: Apache-2.0
// The back2base-container tree, compiled into the binary, and its copy on
// disk: extracted when missing or different, never half-written, and never
// trusted once it differs from what this binary carries.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>

namespace b2b::payload {

/// One file of the payload. A file that starts with "#!" is executable.
struct PayloadFile {
  std::string_view path;  ///< relative, with "/": "defaults/mcp.json"
  std::span<const std::uint8_t> bytes;
};

/// The payload this binary was built with, sorted by path.
std::span<const PayloadFile> embedded_payload();

/// The text of the payload file at `path` ("defaults/profiles.json").
/// Throws `Error` when this binary lacks it: a broken build.
std::string_view embedded_text(std::string_view path);

/// The mode a payload file is written with: 0755 for a script, else 0644.
unsigned mode_of(const PayloadFile& file);

/// The content hash of `files`: BLAKE2b-256 over each path, mode and
/// content, in hex. Images are labelled with it.
std::string payload_hash(std::span<const PayloadFile> files);

/// The same hash over the tree at `dir` as it is on disk, or an empty
/// string when it is missing or holds anything but directories and regular
/// files.
std::string tree_hash(const std::filesystem::path& dir);

enum class Extraction {
  current,    ///< the tree on disk was already the payload
  extracted,  ///< there was none; now there is
  replaced,   ///< it differed (an older version, or edited); replaced
};

/// Makes the tree at `target` exactly `files`. The new tree is written
/// beside it and swapped in with one rename, under a lock, so that any
/// number of processes may call this at once and none sees a tree half
/// written. Throws `Error` naming `target` when it is not a directory or
/// cannot be written; a file in its place is never removed.
Extraction ensure_extracted(const std::filesystem::path& target,
                            std::span<const PayloadFile> files);

}  // namespace b2b::payload
