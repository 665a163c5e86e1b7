// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/login.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace b2b::cli {

void register_login(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "login", "Sign in with your Claude subscription and keep its token");
  auto options = std::make_shared<app::LoginOptions>();
  command->add_flag("--token-stdin", options->token_stdin,
                    "Read the token from standard input instead (for "
                    "scripts)");
  command->add_option("--runtime", options->runtime,
                      "compose, podman, or auto (the first that answers)");
  command->footer(
      "Runs \"claude setup-token\" in a throwaway session (the session\n"
      "image, firewall on) and stores the token it prints in the env file\n"
      "as BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN (0600).\n"
      "Example: oss-back2base login\n"
      "Example: pass show claude-token | oss-back2base login --token-stdin");
  command->final_callback([&context, options] {
    context.action = [&context, options] {
      return app::login(context, *options, std::cin);
    };
  });
}

}  // namespace b2b::cli
