// SPDX-License-Identifier: Apache-2.0
// What the firewall's allowlist accepts: host names ("api.github.com") and
// wildcards over a domain ("*.githubusercontent.com"), never addresses or
// networks, because the sidecar follows names through DNS and an address
// written down today is someone else's tomorrow.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace b2b::config {

/// `pattern` as the allowlist keeps it: lowercase, without a trailing dot.
std::string normalise_domain(std::string_view pattern);

/// Why the normalised `pattern` cannot be an allowlist entry, said so that
/// the user knows what to write instead; none when it can.
std::optional<std::string> domain_pattern_problem(std::string_view pattern);

}  // namespace b2b::config
