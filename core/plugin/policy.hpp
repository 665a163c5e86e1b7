// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <filesystem>
#include <string>

namespace b2b::plugin {

/// What an administrator allows on this machine, from policy.json in the
/// managed directory. Without the file, everything below is allowed.
struct Policy {
  /// Whether `--allow-unsigned-plugins` may take effect at all.
  bool allow_unsigned_plugins = true;
  /// Whether keys in the user's trusted-keys directory count.
  bool allow_user_keys = true;
  /// Whether plugins outside the install directory are looked for.
  bool allow_user_plugins = true;
  /// The file the policy came from; empty when there is none.
  std::string source;
};

/// Reads the policy at `file`; a missing file gives the defaults. Throws
/// `Error` listing every problem in the file, one per line, each with its
/// line number, when the file cannot be read or is not a valid policy: an
/// administrator's intent that cannot be read is never guessed at.
Policy load_policy(const std::filesystem::path& file);

}  // namespace b2b::plugin
