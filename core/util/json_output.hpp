// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/value.hpp>

#include <string>

namespace b2b::util {

/// `value` as JSON indented by two spaces, ending with a newline: what every
/// `--json` flag prints.
std::string pretty_json(const boost::json::value& value);

}  // namespace b2b::util
