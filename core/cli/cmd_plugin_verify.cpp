// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/plugin/key_files.hpp"
#include "core/plugin/signing.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace b2b::cli {
namespace {

struct Options {
  std::string file;
  std::string public_key;
};

[[noreturn]] void refuse(const std::string& file, const std::string& why) {
  throw Error("plugin verify: " + util::quote(file) + ": " + why,
              exit_status::k_untrusted_plugin);
}

// The same check the loader makes, over the file as it is now.
int verify_file(app::Context& context, const Options& options) {
  std::vector<plugin::TrustedKey> keys;
  if (!options.public_key.empty()) {
    keys.push_back(
        {plugin::load_public_key(options.public_key), options.public_key});
  } else {
    keys = context.trusted_keys();
  }
  std::string content = util::read_file(options.file);
  std::optional<plugin::Verdict> verdict =
      plugin::verify_beside(util::bytes_of(content), options.file, keys);
  if (!verdict) {
    refuse(options.file, "unsigned: no " +
                             util::quote(options.file + ".minisig") +
                             "; sign it with \"oss-back2base plugin sign\"");
  }
  if (!verdict->accepted()) {
    refuse(options.file, verdict->reason);
  }
  std::cout << options.file << ": signature verified\n"
            << "  signed by key " << plugin::format_key_id(*verdict->key_id)
            << " (" << verdict->signer->source << ")\n"
            << "  trusted comment: " << verdict->trusted_comment << "\n";
  return 0;
}

}  // namespace

void register_plugin_verify(CLI::App& plugin, app::Context& context) {
  CLI::App* command = plugin.add_subcommand(
      "verify", "Check a plugin's signature as the loader would");
  auto options = std::make_shared<Options>();
  command->add_option("file", options->file, "The plugin file")->required();
  command->add_option("-p,--public-key", options->public_key,
                      "Check against this public key only, instead of the "
                      "trusted keys");
  command->footer(
      "Exits 4 when the signature is missing, invalid, by an untrusted key "
      "or made for another file name.\nExample: oss-back2base plugin verify "
      "~/.local/share/back2base/plugins/detector-rust.so");
  command->final_callback([&context, options] {
    context.action = [&context, options] {
      return verify_file(context, *options);
    };
  });
}

}  // namespace b2b::cli
