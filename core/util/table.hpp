// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <vector>

namespace b2b::util {

/// `rows` as lines of aligned columns, two spaces apart, without trailing
/// spaces: what every text listing prints.
std::vector<std::string> table_lines(
    const std::vector<std::vector<std::string>>& rows);

}  // namespace b2b::util
