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

#include <ctime>
#include <filesystem>
#include <iostream>
#include <string_view>

namespace {

namespace fs = std::filesystem;
using namespace b2b;

void keygen(const fs::path& public_path, const fs::path& secret_path) {
  plugin::KeyPair pair = plugin::generate_key_pair();
  util::create_directories(secret_path.parent_path(), 0700);
  util::write_file_atomic(secret_path,
                          plugin::format_secret_key(pair.secret_key, ""), 0600);
  util::write_file_atomic(public_path,
                          plugin::format_public_key(pair.public_key), 0644);
}

void sign(const fs::path& secret_path, const fs::path& file) {
  plugin::SecretKey key = plugin::parse_secret_key(
      util::read_file(secret_path), [&]() -> std::string {
        throw Error(util::quote(secret_path.string()) +
                    ": encrypted; the build signs with an unencrypted key");
      });
  std::string content = util::read_file(file);
  plugin::Signature signature =
      plugin::sign(util::bytes_of(content), key,
                   plugin::default_trusted_comment(file.filename().string(),
                                                   std::time(nullptr)));
  util::write_file_atomic(file.string() + ".minisig",
                          plugin::format_signature(signature), 0644);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    std::string_view command = argc == 4 ? argv[1] : "";
    if (command == "keygen") {
      keygen(argv[2], argv[3]);
    } else if (command == "sign") {
      sign(argv[2], argv[3]);
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
