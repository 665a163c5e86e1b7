// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string_view>

namespace b2b::update {

/// The public key this build's releases are signed with (the one given to
/// CMake, or the build tree's development key), in the minisign base64
/// form. Only `update` trusts it, and only for checksum lists.
std::string_view release_public_key();

}  // namespace b2b::update
