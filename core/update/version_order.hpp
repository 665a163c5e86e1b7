// SPDX-License-Identifier: Apache-2.0
// Release versions and their order, as Semantic Versioning 2.0 defines
// it: "1.2.3-rc.1" comes before "1.2.3", and build metadata ("+abc") does
// not count. What `update` uses to tell a newer release from a downgrade.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::update {

struct Version {
  unsigned long major = 0, minor = 0, patch = 0;
  std::vector<std::string> prerelease;  ///< "rc.1" as {"rc", "1"}
  std::string text;                     ///< as written, without a "v"

  /// Precedence only: two versions that differ in build metadata are equal.
  std::strong_ordering operator<=>(const Version& other) const;
  bool operator==(const Version& other) const { return (*this <=> other) == 0; }
};

/// Reads "1.2.3", "v1.2.3", "1.2.3-rc.1+build.5"; nothing for anything
/// else (a missing part, a leading zero, an empty identifier).
std::optional<Version> parse_version(std::string_view text);

}  // namespace b2b::update
