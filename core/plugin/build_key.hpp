// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace b2b::plugin {

/// The public key of the build that made this binary (a development key
/// made in the build tree, or the release key given to CMake), in the
/// minisign base64 form. The in-tree plugins are signed with it.
std::string_view build_public_key();

}  // namespace b2b::plugin
