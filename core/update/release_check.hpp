// SPDX-License-Identifier: Apache-2.0
// Asking the release channel what its latest release is, and fetching the
// files a release is made of, each with deadlines and a size cap.
#pragma once

#include "core/update/release_index.hpp"
#include "core/update/version_order.hpp"

#include <chrono>
#include <cstddef>
#include <string>

namespace b2b::config {
class Settings;
}

namespace b2b::update {

/// How long a download may take: `idle` without a byte ends it, and
/// `total` is the most the whole may take.
struct Deadlines {
  std::chrono::milliseconds idle{30000};
  std::chrono::milliseconds total{std::chrono::minutes(15)};
};

/// The release index this build reads: BACK2BASE_UPDATE_URL, else the
/// one it was built with. Throws `Error` when there is neither.
std::string release_index_url(const config::Settings& settings);

/// The deadlines BACK2BASE_UPDATE_TIMEOUT (idle seconds) sets. Throws
/// `Error` for a value that is not a number of seconds.
Deadlines update_deadlines(const config::Settings& settings);

/// GETs `url`, following up to five redirects, and returns the body; more
/// than `limit` bytes, an error status, a cut-off body or a deadline
/// passed throws `Error` naming `url` and what happened. With a `label`,
/// a terminal sees the download's progress under that name.
std::string download(const std::string& url, std::size_t limit,
                     const Deadlines& deadlines, std::string_view label = {});

enum class Standing { newer, same, older };

struct Availability {
  Version running;
  ReleaseIndex latest;
  Standing standing = Standing::same;  ///< the latest, against the running
  /// The latest's checksum list, its signature checked; empty when it is
  /// the running version.
  std::string signed_list;
};

/// Reads the index at `index_url` and compares its release with
/// `running_version`. A release other than the running one counts only
/// once its checksum list, fetched with its signature, checks out against
/// `release_key` (verify_checksum_list): a server cannot make the tool
/// name, or install, what was never released. Throws `Error`.
Availability check_release(const std::string& index_url,
                           std::string_view running_version,
                           std::string_view release_key,
                           const Deadlines& deadlines);

}  // namespace b2b::update
