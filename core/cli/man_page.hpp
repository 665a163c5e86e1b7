// SPDX-License-Identifier: Apache-2.0
// The man page, oss-back2base(1), written in roff from the command tree
// and the list of settings, so that it documents what the binary accepts.
#pragma once

#include "core/cli/command_tree.hpp"

#include <string>
#include <string_view>

namespace b2b::cli {

/// The page for `root`, dated `date` ("2026-12-04"), of `version`.
std::string man_page(const CommandDoc& root, std::string_view version,
                     std::string_view date);

}  // namespace b2b::cli
