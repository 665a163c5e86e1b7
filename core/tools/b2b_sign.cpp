// SPDX-License-Identifier: Apache-2.0
// The build's signing tool: makes the development key and signs the
// in-tree plugins before oss-back2base itself exists (oss-back2base embeds
// the key this makes). Not installed; users have "oss-back2base plugin".
//
//   b2b-sign keygen PUBLIC_KEY SECRET_KEY
//   b2b-sign sign SECRET_KEY FILE        (writes FILE.minisig)
#include "core/plugin/minisign.hpp"
#include "core/plugin/signing.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <filesystem>
#include <iostream>
#include <string_view>

namespace {

namespace fs = std::filesystem;
using namespace b2b;
using plugin::SecretKey;

// The build's key is not encrypted: nobody is there to type a password.
SecretKey read_build_key(const fs::path& secret_path) {
  return plugin::parse_secret_key(
      util::read_file(secret_path), [&]() -> std::string {
        throw Error(util::quote(secret_path.string()) +
                    ": encrypted; the build signs with an unencrypted key");
      });
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string_view command = argc == 4 ? argv[1] : "";
    if (command == "keygen") {
      plugin::write_key_pair(plugin::generate_key_pair(), argv[2], argv[3], "");
    } else if (command == "sign") {
      plugin::sign_file(argv[3], read_build_key(argv[2]));
    } else {
      std::cerr << "usage: b2b-sign keygen PUBLIC SECRET | sign SECRET FILE\n";
      return 2;
    }
  } catch (const b2b::Error& e) {
    std::cerr << "b2b-sign: error: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
