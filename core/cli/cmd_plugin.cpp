// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace b2b::cli {

void register_plugin(CLI::App& app, app::Context& context) {
  CLI::App* plugin =
      app.add_subcommand("plugin", "List, sign, verify and trust plugins");
  plugin->require_subcommand(0, 1);
  plugin->footer("Example: oss-back2base plugin list");
  register_plugin_list(*plugin, context);
  register_plugin_keygen(*plugin, context);
  register_plugin_sign(*plugin, context);
  register_plugin_verify(*plugin, context);
  register_plugin_trust(*plugin, context);
  // "oss-back2base plugin" alone shows what the group holds.
  plugin->final_callback([plugin, &context] {
    if (plugin->get_subcommands().empty()) {
      context.action = [plugin] {
        std::cout << plugin->help();
        return 0;
      };
    }
  });
}

}  // namespace b2b::cli
