// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/update.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace b2b::cli {

void register_update(CLI::App& app, app::Context& context) {
  CLI::App* command =
      app.add_subcommand("update", "Install the latest release over this copy");
  auto options = std::make_shared<app::UpdateOptions>();
  command->add_flag("--check", options->check_only,
                    "Only say whether a newer release is out");
  command->add_flag("--allow-downgrade", options->allow_downgrade,
                    "Install the latest release even if it is older than "
                    "this one");
  // The daily notice's background check; not for people.
  command->add_flag("--record", options->record)->group("");
  command->footer(
      "Checks the release's files against its signed checksum list, keeps\n"
      "the previous version until the new one runs, and leaves a copy\n"
      "installed by dpkg or Homebrew to them. BACK2BASE_UPDATE_URL names\n"
      "another release index.\n"
      "Example: oss-back2base update --check");
  command->final_callback([&context, options] {
    context.action = [&context, options] {
      return app::update(context, *options);
    };
  });
}

}  // namespace b2b::cli
