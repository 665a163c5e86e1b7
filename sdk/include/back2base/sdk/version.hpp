// SPDX-License-Identifier: Apache-2.0
#pragma once

/// The SDK's ABI version. A plugin records the version it was built
/// against in its descriptor; the host refuses a plugin whose major differs
/// from its own, and one whose minor is newer than its own (the plugin may
/// rely on something this host does not have). Bump the major for any change
/// to a type or interface in this directory that is not a pure addition.
#define B2B_SDK_VERSION_MAJOR 2
/// See `B2B_SDK_VERSION_MAJOR`. Bump for additions old plugins do not see.
#define B2B_SDK_VERSION_MINOR 1
// 2.1: AuthProvider::configured(); Streams::ask.

namespace b2b::sdk {

/// The major ABI version of these headers, for use in C++ code.
inline constexpr unsigned k_abi_major = B2B_SDK_VERSION_MAJOR;
/// The minor ABI version of these headers, for use in C++ code.
inline constexpr unsigned k_abi_minor = B2B_SDK_VERSION_MINOR;

}  // namespace b2b::sdk
