// SPDX-License-Identifier: Apache-2.0
// `completion SHELL` and the hidden `man`: both written from the command
// tree as this binary parses it.
#include "core/app/build_info.hpp"
#include "core/app/context.hpp"
#include "core/app/exit_status.hpp"
#include "core/app/help_topics.hpp"
#include "core/app/plan.hpp"
#include "core/cli/command_tree.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/completion_scripts.hpp"
#include "core/cli/man_page.hpp"
#include "core/config/mcp_registry.hpp"
#include "core/config/profiles.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace b2b::cli {
namespace {

CompletionWords completion_words(app::Context& context) {
  CompletionWords words;
  words.profiles = {std::string(config::k_auto_profile),
                    std::string(config::k_last_profile)};
  const config::Paths& paths = context.paths();
  config::ProfileSet profiles = config::load_profiles(
      paths, app::known_servers(config::load_registry(paths)));
  for (const std::string& name : profiles.names()) {
    words.profiles.push_back(name);
  }
  words.runtimes = {"auto"};
  for (const auto& runtime : context.plugins().runtimes()) {
    words.runtimes.push_back(runtime.name);
  }
  words.topics = app::help_topics();
  return words;
}

int print_completion(app::Context& context, const CLI::App& root,
                     const std::string& shell) {
  CommandDoc tree = document_commands(root);
  CompletionWords words = completion_words(context);
  if (shell == "bash") {
    std::cout << bash_completion(tree, words);
  } else if (shell == "zsh") {
    std::cout << zsh_completion(tree, words);
  } else if (shell == "fish") {
    std::cout << fish_completion(tree, words);
  } else {
    throw Error("completion: no completion for " + util::quote(shell) +
                    "; the shells are bash, zsh and fish",
                exit_status::k_usage);
  }
  return 0;
}

}  // namespace

void register_completion(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "completion", "Print the shell completion script for bash, zsh or fish");
  auto shell = std::make_shared<std::string>();
  command->add_option("shell", *shell, "bash, zsh or fish")->required();
  command->footer(
      "Packages install the scripts; for a copy of your own:\n"
      "Example: oss-back2base completion bash >> ~/.bashrc\n"
      "Example: oss-back2base completion fish > "
      "~/.config/fish/completions/oss-back2base.fish");
  command->final_callback([&context, &app, shell] {
    context.action = [&context, &app, shell] {
      return print_completion(context, app, *shell);
    };
  });

  // The man page, for the build to install; not a command for people.
  CLI::App* man = app.add_subcommand("man", "Print the man page")->group("");
  man->final_callback([&context, &app] {
    context.action = [&app] {
      const app::BuildInfo& info = app::build_info();
      std::cout << man_page(document_commands(app), info.version,
                            info.date.substr(0, 10));
      return 0;
    };
  });
}

}  // namespace b2b::cli
