// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>

#include <string>
#include <vector>

namespace b2b::util {

/// `value` as JSON indented by two spaces, ending with a newline: what every
/// `--json` flag prints.
std::string pretty_json(const boost::json::value& value);

/// `items` as a JSON array of strings.
boost::json::array json_strings(const std::vector<std::string>& items);

}  // namespace b2b::util
