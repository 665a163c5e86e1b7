// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/doctor.hpp"
#include "core/cli/check_report.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

namespace b2b::cli {
namespace {

int doctor(app::Context& context, bool json) {
  auto runner = process::make_system_runner();
  return report_checks(app::run_doctor(context, *runner), json, "doctor");
}

}  // namespace

void register_doctor(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "doctor",
      "Check this machine: runtime, payload, env file, credential, plugins, "
      "managed settings, firewall");
  auto json = std::make_shared<bool>(false);
  command->add_flag("--json", *json, "Print JSON");
  command->footer(
      "Exits 1 when a check fails.\nExample: oss-back2base doctor --json");
  command->final_callback([&context, json] {
    context.action = [&context, json] { return doctor(context, *json); };
  });
}

}  // namespace b2b::cli
