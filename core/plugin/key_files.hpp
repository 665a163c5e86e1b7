// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/paths.hpp"
#include "core/plugin/minisign.hpp"

#include <filesystem>

namespace b2b::plugin {

/// Where `plugin keygen` puts a key pair, and `plugin sign` looks for the
/// secret key, unless told otherwise.
std::filesystem::path default_secret_key_path(const config::Paths& paths);
std::filesystem::path default_public_key_path(const config::Paths& paths);

/// Reads the public key file at `path`. Throws `Error` naming the file.
PublicKey load_public_key(const std::filesystem::path& path);

/// Reads the secret key file at `path`, asking for its password when it is
/// encrypted. Throws `Error` naming the file.
SecretKey load_secret_key(const std::filesystem::path& path);

}  // namespace b2b::plugin
