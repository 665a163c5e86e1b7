// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace b2b::app {

/// What was built, stamped by CMake at configure time.
struct BuildInfo {
  std::string_view version;   ///< "0.1.0"
  std::string_view commit;    ///< short git commit, or "unknown"
  std::string_view date;      ///< UTC, ISO 8601
  std::string_view platform;  ///< "linux/x86_64"
  /// Where `update` looks for releases; empty for a build with no channel.
  std::string_view release_index_url;
};

const BuildInfo& build_info();

}  // namespace b2b::app
