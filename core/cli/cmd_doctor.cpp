// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/doctor.hpp"
#include "core/cli/commands.hpp"
#include "core/util/json_output.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace b2b::cli {
namespace {

using app::Check;
using app::CheckStatus;

std::string_view status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::ok:
      return "ok";
    case CheckStatus::warning:
      return "warn";
    case CheckStatus::failed:
      return "fail";
    case CheckStatus::skipped:
      return "skip";
  }
  return "?";
}

std::size_t count(const std::vector<Check>& checks, CheckStatus status) {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(),
                    [&](const Check& c) { return c.status == status; }));
}

void print_text(const std::vector<Check>& checks) {
  for (const Check& check : checks) {
    std::string tag = "[" + std::string(status_name(check.status)) + "]";
    std::cout << tag << std::string(7 - tag.size(), ' ') << check.name << ": "
              << check.detail;
    if (!check.hint.empty() && check.status != CheckStatus::ok) {
      std::cout << "\n       -> " << check.hint;
    }
    std::cout << "\n";
  }
  std::cout << "\ndoctor: " << count(checks, CheckStatus::ok) << " ok, "
            << count(checks, CheckStatus::warning) << " warnings, "
            << count(checks, CheckStatus::failed) << " failures, "
            << count(checks, CheckStatus::skipped) << " skipped\n";
}

void print_json(const std::vector<Check>& checks) {
  boost::json::array out;
  for (const Check& check : checks) {
    boost::json::object entry{{"name", check.name},
                              {"status", status_name(check.status)},
                              {"detail", check.detail}};
    if (!check.hint.empty()) {
      entry["fix_hint"] = check.hint;
    }
    out.push_back(std::move(entry));
  }
  std::cout << util::pretty_json(boost::json::object{{"checks", out}});
}

int doctor(app::Context& context, bool json) {
  auto runner = process::make_system_runner();
  std::vector<Check> checks = app::run_doctor(context, *runner);
  if (json) {
    print_json(checks);
  } else {
    print_text(checks);
  }
  return count(checks, CheckStatus::failed) == 0 ? 0 : 1;
}

}  // namespace

void register_doctor(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "doctor", "Check this machine: plugins, keys, policy, engines");
  auto json = std::make_shared<bool>(false);
  command->add_flag("--json", *json, "Print JSON");
  command->footer(
      "Exits 1 when a check fails.\nExample: oss-back2base doctor --json");
  command->final_callback([&context, json] {
    context.action = [&context, json] { return doctor(context, *json); };
  });
}

}  // namespace b2b::cli
