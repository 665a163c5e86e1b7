// SPDX-License-Identifier: Apache-2.0
#include "core/app/build_info.hpp"
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/util/json_output.hpp"

#include <back2base/sdk/version.hpp>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

namespace b2b::cli {
namespace {

int show_version(bool json) {
  const app::BuildInfo& info = app::build_info();
  std::string sdk =
      std::to_string(sdk::k_abi_major) + "." + std::to_string(sdk::k_abi_minor);
  if (json) {
    boost::json::object out;
    out["version"] = info.version;
    out["commit"] = info.commit;
    out["build_date"] = info.date;
    out["platform"] = info.platform;
    out["sdk_abi"] = sdk;
    std::cout << util::pretty_json(out);
    return 0;
  }
  std::cout << "oss-back2base " << info.version << " (" << info.commit
            << ") built " << info.date << " [" << info.platform << "]\n"
            << "plugin SDK " << sdk << "\n";
  return 0;
}

}  // namespace

void register_version(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "version", "Show the version, commit, build date and plugin SDK");
  auto json = std::make_shared<bool>(false);
  command->add_flag("--json", *json, "Print JSON");
  command->footer("Example: oss-back2base version --json");
  command->final_callback([&context, json] {
    context.action = [json] { return show_version(*json); };
  });
}

}  // namespace b2b::cli
