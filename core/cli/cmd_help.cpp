// SPDX-License-Identifier: Apache-2.0
// `help [TOPIC|COMMAND...]`: a topic's text, or a command's --help.
#include "core/app/context.hpp"
#include "core/app/exit_status.hpp"
#include "core/app/help_topics.hpp"
#include "core/cli/commands.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace b2b::cli {
namespace {

int show_help(app::Context& context, CLI::App& root,
              const std::vector<std::string>& words) {
  if (words.size() == 1) {
    if (std::string text = app::help_topic(context, words[0]); !text.empty()) {
      std::cout << text;
      return 0;
    }
  }
  CLI::App* command = &root;
  for (const std::string& word : words) {
    CLI::App* sub = nullptr;
    try {
      sub = command->get_subcommand(word);
    } catch (const CLI::OptionNotFound&) {
    }
    if (sub == nullptr || sub->get_group().empty()) {
      std::vector<std::string> names = app::help_topics();
      for (const CLI::App* each : command->get_subcommands({})) {
        if (!each->get_group().empty()) {
          names.push_back(each->get_name());
        }
      }
      std::string suggestion = util::closest_match(word, names);
      throw Error(
          "help: no topic or command " + util::quote(word) +
              (suggestion.empty()
                   ? "; the topics are " + util::join(app::help_topics())
                   : "; did you mean " + util::quote(suggestion) + "?"),
          exit_status::k_usage);
    }
    command = sub;
  }
  // Not command->help(), which shows the help of the command chosen on
  // the command line: `help` itself.
  std::string name = root.get_name();
  for (const std::string& word : words) {
    name += " " + word;
  }
  std::cout << command->get_formatter()->make_help(command, name,
                                                   CLI::AppFormatMode::Normal);
  return 0;
}

}  // namespace

void register_help(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "help", "Explain a topic (" + util::join(app::help_topics()) +
                  ") or show a command's help");
  // The words themselves are taken out before parsing (app/run.cpp);
  // this is what --help and the completions say of them.
  command->add_option("topic", context.help_words,
                      "A topic, or a command's words");
  command->footer(
      "Example: oss-back2base help firewall\n"
      "Example: oss-back2base help plugin sign");
  command->final_callback([&context, &app] {
    context.action = [&context, &app] {
      return show_help(context, app, context.help_words);
    };
  });
}

}  // namespace b2b::cli
