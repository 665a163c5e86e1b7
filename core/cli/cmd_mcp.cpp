// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace b2b::cli {

void register_mcp(CLI::App& app, app::Context& context) {
  CLI::App* mcp = app.add_subcommand(
      "mcp", "List and test the MCP servers in the registry");
  mcp->require_subcommand(0, 1);
  mcp->footer("Example: oss-back2base mcp test --server github");
  register_mcp_list(*mcp, context);
  register_mcp_test(*mcp, context);
  // "oss-back2base mcp" alone shows what the group holds.
  mcp->final_callback([mcp, &context] {
    if (mcp->get_subcommands().empty()) {
      context.action = [mcp] {
        std::cout << mcp->help();
        return 0;
      };
    }
  });
}

}  // namespace b2b::cli
