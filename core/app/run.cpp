// SPDX-License-Identifier: Apache-2.0
#include "core/app/run.hpp"

#include "core/app/build_info.hpp"
#include "core/app/context.hpp"
#include "core/app/update.hpp"
#include "core/cli/commands.hpp"
#include "core/log/log.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <iostream>
#include <iterator>

namespace b2b::app {
namespace {

constexpr const char* k_description =
    "Start Claude Code in a container behind an outbound firewall, with "
    "this repository mounted at /workspace.";

void add_global_flags(CLI::App& app, Context& context) {
  app.add_flag("-v,--verbose", context.verbosity,
               "Say more: -v for progress, -vv for every setting and plugin "
               "decision");
  app.add_flag("-q,--quiet", context.quiet, "Print errors only");
  app.add_flag("--allow-unsigned-plugins", context.allow_unsigned_plugins,
               "Load plugins that have no signature, with a warning (or set "
               "BACK2BASE_ALLOW_UNSIGNED_PLUGINS=1); never where the "
               "administrator's policy forbids it");
  app.add_flag("--no-update-check", context.no_update_check,
               "Skip the daily look for a new release (or set "
               "BACK2BASE_NO_UPDATE_CHECK=1)");
}

void configure_log(const Context& context) {
  log::Level level = log::Level::warning;
  if (context.quiet) {
    level = log::Level::error;
  } else if (context.verbosity >= 2) {
    level = log::Level::debug;
  } else if (context.verbosity == 1) {
    level = log::Level::info;
  }
  log::configure(level, log::colour_wanted(STDERR_FILENO));
}

// The command the user chose: the root, or the last subcommand selected.
const CLI::App& chosen_command(const CLI::App& app) {
  const CLI::App* at = &app;
  while (!at->get_subcommands().empty()) {
    at = at->get_subcommands().back();
  }
  return *at;
}

std::string command_path(const CLI::App& command) {
  std::string path = command.get_name();
  for (const CLI::App* up = command.get_parent(); up != nullptr;
       up = up->get_parent()) {
    path = up->get_name() + " " + path;
  }
  return path;
}

// Every flag `command` takes, its parents' included, as typed: "--json".
std::vector<std::string> flag_names(const CLI::App& command) {
  std::vector<std::string> names;
  for (const CLI::App* at = &command; at != nullptr; at = at->get_parent()) {
    for (const CLI::Option* option : at->get_options()) {
      for (const std::string& name : option->get_lnames()) {
        names.push_back("--" + name);
      }
    }
  }
  return names;
}

// Words left over after parsing: a misspelt command where a command was
// expected, a misspelt flag, else an argument the command does not take.
// Never a prompt.
[[noreturn]] void reject_extra_words(const CLI::App& app,
                                     const std::vector<std::string>& extras) {
  const CLI::App& command = chosen_command(app);
  const std::string path = command_path(command);
  const std::string& word = extras.front();
  const std::string help = util::quote(path + " --help");
  if (word.starts_with("-")) {
    std::string flag = word.substr(0, word.find('='));
    std::string suggestion = util::closest_match(flag, flag_names(command));
    throw Error(path + ": unknown flag " + util::quote(flag) +
                    (suggestion.empty()
                         ? "; run " + help + " to see its flags"
                         : "; did you mean " + util::quote(suggestion) + "?"),
                exit_status::k_usage);
  }
  std::vector<std::string> names;
  for (const CLI::App* sub : command.get_subcommands({})) {
    names.push_back(sub->get_name());
  }
  if (names.empty()) {
    throw Error(path + ": unexpected argument " + util::quote(word) + "; run " +
                    help + " to see what it takes",
                exit_status::k_usage);
  }
  std::string suggestion = util::closest_match(word, names);
  throw Error(
      "unknown command " + util::quote(word) +
          (suggestion.empty() ? "; run " + help + " to see the commands"
                              : "; did you mean " +
                                    util::quote(path + " " + suggestion) + "?"),
      exit_status::k_unknown_command);
}

void print_error(const Error& error) {
  for (const std::string& line : util::split(error.what(), '\n')) {
    log::error(line);
  }
}

std::string lowercase_first(std::string text) {
  if (!text.empty()) {
    text[0] =
        static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  }
  return text;
}

std::string version_line() {
  const BuildInfo& info = build_info();
  return "oss-back2base " + std::string(info.version);
}

// `help plugin sign` is help's words, not the plugin command: CLI11 would
// take a command's name wherever it stands, so the words after `help` are
// taken out before it parses. (Not in `-p help`: a prompt.)
std::vector<std::string> take_help_words(const CLI::App& app,
                                         std::vector<std::string>& arguments) {
  auto at = arguments.begin();
  while (at != arguments.end() && at->starts_with("-")) {
    const CLI::Option* option =
        app.get_option_no_throw(at->substr(0, at->find('=')));
    const bool value_follows = option != nullptr &&
                               option->get_expected_min() > 0 &&
                               at->find('=') == std::string::npos;
    ++at;
    if (value_follows && at != arguments.end()) {
      ++at;
    }
  }
  if (at == arguments.end() || *at != "help") {
    return {};
  }
  auto is_word = [](const std::string& a) { return !a.starts_with("-"); };
  auto first = std::find_if(at + 1, arguments.end(), is_word);
  std::vector<std::string> words;
  std::copy_if(first, arguments.end(), std::back_inserter(words), is_word);
  arguments.erase(first, arguments.end());
  return words;
}

}  // namespace

int run(int argc, char** argv) {
  Context context(config::Environment::from_process());
  log::configure(log::Level::warning, log::colour_wanted(STDERR_FILENO));

  CLI::App app(k_description, "oss-back2base");
  app.allow_extras();
  app.fallthrough();
  app.set_version_flag("--version", version_line());
  app.footer("Run \"oss-back2base COMMAND --help\" for a command's flags.");
  add_global_flags(app, context);
  std::function<int()> launch = cli::register_launch(app, context);
  cli::register_build(app, context);
  cli::register_firewall(app, context);
  cli::register_housekeeping(app, context);
  cli::register_version(app, context);
  cli::register_update(app, context);
  cli::register_install(app, context);
  cli::register_login(app, context);
  cli::register_status(app, context);
  cli::register_doctor(app, context);
  cli::register_plugin(app, context);
  cli::register_plan(app, context);
  cli::register_mcp(app, context);
  cli::register_help(app, context);
  cli::register_completion(app, context);

  try {
    std::vector<std::string> arguments(argv + 1, argv + argc);
    context.help_words = take_help_words(app, arguments);
    std::reverse(arguments.begin(), arguments.end());  // as CLI11 takes them
    app.parse(arguments);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      return app.exit(e);  // --help and --version
    }
    const std::string path = command_path(chosen_command(app));
    log::error(path + ": " + lowercase_first(e.what()) + "; run " +
               util::quote(path + " --help"));
    return exit_status::k_usage;
  }

  configure_log(context);
  try {
    std::vector<std::string> extras = app.remaining(true);
    if (!extras.empty()) {
      reject_extra_words(app, extras);
    }
    const auto chosen = app.get_subcommands();
    notice_update(context, chosen.empty() ? "" : chosen.front()->get_name(),
                  context.no_update_check);
    int status = context.action ? context.action() : launch();
    // Out without unwinding: the plugins' objects are destroyed, as the
    // SDK promises, but their libraries are left for the exit to unmap,
    // which the kernel does faster than the loader (2 to 3 ms of a plan);
    // and a detector still running past its deadline keeps its code.
    context.finish_plugins();
    std::cout.flush();
    std::exit(status);
  } catch (const Error& e) {
    print_error(e);
    return e.exit_code();
  } catch (const std::exception& e) {
    log::error(std::string("unexpected failure: ") + e.what() +
               "; please report it");
    return exit_status::k_failure;
  }
}

}  // namespace b2b::app
