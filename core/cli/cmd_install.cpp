// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/install.hpp"
#include "core/cli/check_report.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace b2b::cli {
namespace {

int install(app::Context& context, bool json) {
  auto runner = process::make_system_runner();
  return report_checks(app::run_install(context, *runner), json, "install");
}

}  // namespace

void register_install(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "install",
      "Prepare for the first session: payload, env file, state, image");
  auto json = std::make_shared<bool>(false);
  command->add_flag("--json", *json, "Print JSON");
  command->footer(
      "Safe to run again: an existing env file and the state's files are "
      "never changed. Exits 1 when a step fails.\nExample: oss-back2base "
      "install");
  command->final_callback([&context, json] {
    context.action = [&context, json] { return install(context, *json); };
  });
}

}  // namespace b2b::cli
