// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/plugin/key_files.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/password.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace b2b::cli {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::string public_key;
  std::string secret_key;
  bool without_password = false;
  bool force = false;
};

std::string new_password() {
  std::string password = util::read_password("Password: ");
  if (password.empty()) {
    throw Error(
        "plugin keygen: the password is empty; choose one, or pass "
        "-W for a key without a password");
  }
  if (::isatty(0) == 1 &&
      util::read_password("Password (again): ") != password) {
    throw Error("plugin keygen: the passwords differ; nothing was written");
  }
  return password;
}

int keygen(app::Context& context, const Options& options) {
  fs::path secret_path = options.secret_key.empty()
                             ? plugin::default_secret_key_path(context.paths())
                             : fs::path(options.secret_key);
  fs::path public_path = options.public_key.empty()
                             ? plugin::default_public_key_path(context.paths())
                             : fs::path(options.public_key);
  for (const fs::path& path : {secret_path, public_path}) {
    if (!options.force && fs::exists(path)) {
      throw Error("plugin keygen: " + util::quote(path.string()) +
                  " already exists; pass --force to replace it (plugins "
                  "signed with the old key will need signing again)");
    }
  }
  std::string password = options.without_password ? "" : new_password();

  plugin::KeyPair pair = plugin::generate_key_pair();
  plugin::write_key_pair(pair, public_path, secret_path, password);

  std::cout << "key " << plugin::format_key_id(pair.public_key.id) << "\n"
            << "  public key: " << public_path.string() << "\n"
            << "  secret key: " << secret_path.string() << "\n"
            << "Sign a plugin:   oss-back2base plugin sign FILE.so\n"
            << "Trust the key:   oss-back2base plugin trust "
            << public_path.string() << "\n";
  return 0;
}

}  // namespace

void register_plugin_keygen(CLI::App& plugin, app::Context& context) {
  CLI::App* command = plugin.add_subcommand(
      "keygen", "Create a minisign key pair for signing plugins");
  auto options = std::make_shared<Options>();
  command->add_option("-p,--public-key", options->public_key,
                      "Where to write the public key "
                      "(default ~/.config/back2base/signing.pub)");
  command->add_option("-s,--secret-key", options->secret_key,
                      "Where to write the secret key "
                      "(default ~/.config/back2base/signing.key)");
  command->add_flag("-W,--without-password", options->without_password,
                    "Do not encrypt the secret key with a password");
  command->add_flag("-f,--force", options->force, "Replace existing key files");
  command->footer(
      "The files are minisign's: \"minisign -S -s KEY\" signs with the "
      "secret key, and \"minisign -V -p PUB\" verifies with the public "
      "key.\nExample: oss-back2base plugin keygen -W -s ci.key -p ci.pub");
  command->final_callback([&context, options] {
    context.action = [&context, options] { return keygen(context, *options); };
  });
}

}  // namespace b2b::cli
