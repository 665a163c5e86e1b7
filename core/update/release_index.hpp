// SPDX-License-Identifier: Apache-2.0
// What a release channel publishes, and how this tool checks it:
//
//   <index URL>             {"version": "0.2.0",
//                            "checksums": "0.2.0/checksums.txt"}
//   .../checksums.txt       "<sha256>  oss-back2base_linux_x86_64.tar.gz"
//                           lines, as sha256sum writes them
//   .../checksums.txt.minisig
//                           the list's minisign signature by the release
//                           key, its trusted comment carrying
//                           "file:checksums.txt" and "version:0.2.0"
//   .../oss-back2base_<os>_<arch>.tar.gz, beside the list
//
// The index is not signed: it only says where to look. What is installed
// is what the signed list says, for the version the signature names, so a
// server that lies about the version or serves an older list is caught.
#pragma once

#include "core/update/version_order.hpp"

#include <span>
#include <string>
#include <string_view>

namespace b2b::update {

struct ReleaseIndex {
  Version version;
  std::string checksums_url;  ///< absolute
  std::string signature_url;  ///< the list's URL + ".minisig"
};

/// Reads the index fetched from `index_url`; relative URLs in it are read
/// against `index_url`. Throws `Error` naming `index_url` and what is
/// wrong.
ReleaseIndex parse_release_index(std::string_view text,
                                 std::string_view index_url);

/// "oss-back2base_linux_x86_64.tar.gz" for "linux/x86_64".
std::string artifact_name(std::string_view platform);

/// Checks that `signature` (a .minisig) signs `list` with the key
/// `release_key` (minisign base64), for the file checksums.txt of release
/// `version`. Throws `Error` saying which check failed.
void verify_checksum_list(std::string_view list, std::string_view signature,
                          std::string_view release_key, const Version& version);

/// The SHA-256, in lowercase hex, that `list` gives the file `name`.
/// Throws `Error` when the list has no line for it.
std::string listed_checksum(std::string_view list, std::string_view name);

/// The SHA-256 of `data`, in lowercase hex.
std::string sha256_hex(std::span<const unsigned char> data);

}  // namespace b2b::update
