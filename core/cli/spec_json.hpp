// SPDX-License-Identifier: Apache-2.0
// A LaunchSpec as `plan` shows it: everything, secrets by name only.
#pragma once

#include <back2base/sdk/launch_spec.hpp>
#include <boost/json/object.hpp>

#include <iosfwd>

namespace b2b::cli {

/// The spec as JSON; a secret's value is null, with "secret": true.
boost::json::object spec_json(const sdk::LaunchSpec& spec);

/// The spec as text, a container a paragraph; a secret as "NAME (secret)".
void print_spec(std::ostream& out, const sdk::LaunchSpec& spec);

}  // namespace b2b::cli
