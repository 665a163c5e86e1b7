// SPDX-License-Identifier: Apache-2.0
// The numbered profile menu an interactive launch shows when the user named
// no profile: auto first, then every profile in file order, the one the
// namespace used last marked and chosen by Enter. Without a terminal the
// launch never asks.
#pragma once

#include "core/config/profile_selection.hpp"
#include "core/config/profiles.hpp"

#include <iosfwd>
#include <optional>
#include <string>

namespace b2b::app {

/// Whether a launch should ask: nobody named a profile (`request` is the
/// default) and both stdin and stderr are a terminal (`interactive`).
bool should_ask_for_profile(const config::ProfileRequest& request,
                            bool interactive);

/// Shows the menu on `out` and reads the choice from `in`: a number, a
/// profile's name, or Enter (or end of input) for the default, which is
/// `remembered` while it is still a profile, else auto. An answer that is
/// none of these is said so, with a suggestion for a near miss, and asked
/// again; after three, throws `Error` (exit status 2).
config::ProfileRequest ask_for_profile(
    std::istream& in, std::ostream& out, const config::ProfileSet& profiles,
    const std::optional<std::string>& remembered);

}  // namespace b2b::app
