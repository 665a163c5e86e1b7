// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/log/log.hpp"
#include "core/plugin/key_files.hpp"
#include "core/plugin/signing.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <ctime>

namespace b2b::cli {
namespace {

namespace fs = std::filesystem;

struct Options {
  std::vector<std::string> files;
  std::string secret_key;
};

int sign_files(app::Context& context, const Options& options) {
  fs::path key_path = options.secret_key.empty()
                          ? plugin::default_secret_key_path(context.paths())
                          : fs::path(options.secret_key);
  plugin::SecretKey key = plugin::load_secret_key(key_path);
  for (const std::string& file : options.files) {
    plugin::sign_file(file, key);
    log::info("signed " + util::quote(file) + " with key " +
              plugin::format_key_id(key.id));
  }
  return 0;
}

}  // namespace

void register_plugin_sign(CLI::App& plugin, app::Context& context) {
  CLI::App* command = plugin.add_subcommand(
      "sign", "Sign plugin files, writing FILE.minisig beside each");
  auto options = std::make_shared<Options>();
  command->add_option("file", options->files, "Plugin files to sign")
      ->required();
  command->add_option("-s,--secret-key", options->secret_key,
                      "The secret key (default "
                      "~/.config/back2base/signing.key); minisign's keys "
                      "work too");
  command->footer(
      "The signature is minisign's, prehashed, with the file's name in its "
      "trusted comment: \"minisign -V\" verifies it.\nExample: "
      "oss-back2base plugin sign build/detector-rust.so");
  command->final_callback([&context, options] {
    context.action = [&context, options] {
      return sign_files(context, *options);
    };
  });
}

}  // namespace b2b::cli
