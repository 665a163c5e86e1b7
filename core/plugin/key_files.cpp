// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/key_files.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/password.hpp"
#include "core/util/strings.hpp"

namespace b2b::plugin {

std::filesystem::path default_secret_key_path(const config::Paths& paths) {
  return paths.config_dir / "signing.key";
}

std::filesystem::path default_public_key_path(const config::Paths& paths) {
  return paths.config_dir / "signing.pub";
}

PublicKey load_public_key(const std::filesystem::path& path) {
  std::string text = util::read_file(path);  // its errors name the file
  try {
    return parse_public_key(text);
  } catch (const Error& e) {
    throw Error(util::quote(path.string()) + ": " + e.what());
  }
}

SecretKey load_secret_key(const std::filesystem::path& path) {
  std::string text = util::read_file(path);
  try {
    return parse_secret_key(text, [&] {
      return util::read_password("Password for " + path.string() + ": ");
    });
  } catch (const Error& e) {
    throw Error(util::quote(path.string()) + ": " + e.what());
  }
}

}  // namespace b2b::plugin
