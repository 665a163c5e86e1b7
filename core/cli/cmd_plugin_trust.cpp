// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/log/log.hpp"
#include "core/plugin/key_files.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <iostream>

namespace b2b::cli {
namespace {

int trust_key(app::Context& context, const std::string& key_file) {
  plugin::PublicKey key = plugin::load_public_key(key_file);
  const std::string id = plugin::format_key_id(key.id);
  const auto& known = context.trusted_keys();
  auto same = std::find_if(known.begin(), known.end(), [&](const auto& k) {
    return k.key.id == key.id && k.key.key == key.key;
  });
  if (same != known.end()) {
    std::cout << "key " << id << " is already trusted (" << same->source
              << ")\n";
    return 0;
  }
  auto clash = std::find_if(known.begin(), known.end(),
                            [&](const auto& k) { return k.key.id == key.id; });
  if (clash != known.end()) {
    throw Error("plugin trust: key ID " + id +
                " is already taken by "
                "another key (" +
                clash->source +
                "); nothing was changed: "
                "ask the author for a new key pair");
  }
  const config::Paths& paths = context.paths();
  std::filesystem::path target = paths.user_keys_dir / (id + ".pub");
  util::create_directories(paths.user_keys_dir, 0700);
  util::write_file_atomic(target, plugin::format_public_key(key), 0644);
  std::cout << "trusted key " << id << ": plugins it signs now load\n"
            << "  saved as " << target.string() << "\n";
  if (!context.policy().allow_user_keys) {
    log::warning("plugin trust: the administrator's policy " +
                 util::quote(context.policy().source) +
                 " ignores user keys, so this key has no effect until an "
                 "administrator adds it to " +
                 util::quote(paths.managed_keys_dir().string()));
  }
  return 0;
}

}  // namespace

void register_plugin_trust(CLI::App& plugin, app::Context& context) {
  CLI::App* command = plugin.add_subcommand(
      "trust", "Trust a public key: plugins it signs will load");
  auto key_file = std::make_shared<std::string>();
  command->add_option("keyfile", *key_file, "A minisign public key file (.pub)")
      ->required();
  command->footer(
      "The key is copied to ~/.config/back2base/trusted-keys/. To stop "
      "trusting it, delete that file.\nExample: oss-back2base plugin trust "
      "vendor.pub");
  command->final_callback([&context, key_file] {
    context.action = [&context, key_file] {
      return trust_key(context, *key_file);
    };
  });
}

}  // namespace b2b::cli
