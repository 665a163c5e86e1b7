// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/mcp_check.hpp"
#include "core/cli/commands.hpp"
#include "core/config/mcp_registry.hpp"
#include "core/util/json_output.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <cstdio>
#include <iostream>

namespace b2b::cli {
namespace {

namespace json = boost::json;

struct TestFlags {
  std::optional<std::string> server;
  double timeout_seconds = 5;
  bool json = false;
};

int test_servers(app::Context& context, const TestFlags& flags) {
  config::McpRegistry registry = config::load_registry(context.paths());
  auto timeout = std::chrono::milliseconds(
      static_cast<long>(flags.timeout_seconds * 1000));
  std::vector<app::ServerCheck> checks =
      app::check_servers(registry, context.settings(), flags.server, timeout);
  int counts[3] = {0, 0, 0};
  for (const app::ServerCheck& check : checks) {
    ++counts[static_cast<int>(check.verdict)];
  }

  if (flags.json) {
    json::array results;
    for (const app::ServerCheck& check : checks) {
      results.push_back(
          {{"name", check.name},
           {"transport", check.transport},
           {"status", app::verdict_name(check.verdict)},
           {"detail", check.detail},
           {"http_status", check.http_status == 0
                               ? json::value(nullptr)
                               : json::value(check.http_status)},
           {"milliseconds", check.verdict == app::Verdict::skipped
                                ? json::value(nullptr)
                                : json::value(check.milliseconds)}});
    }
    std::cout << util::pretty_json({{"source", registry.source},
                                    {"results", results},
                                    {"summary",
                                     {{"passed", counts[0]},
                                      {"failed", counts[1]},
                                      {"skipped", counts[2]}}}});
  } else {
    for (const app::ServerCheck& check : checks) {
      std::string took;
      if (check.verdict != app::Verdict::skipped) {
        char text[32];
        std::snprintf(text, sizeof text, " (%.0f ms)", check.milliseconds);
        took = text;
      }
      std::string verdict(app::verdict_name(check.verdict));
      verdict.resize(7, ' ');
      std::cout << verdict << "  " << check.name << " (" << check.transport
                << "): " << check.detail << took << "\n";
    }
    std::cout << counts[0] << " passed, " << counts[1] << " failed, "
              << counts[2] << " skipped\n";
  }
  return counts[1] == 0 ? 0 : 1;
}

}  // namespace

void register_mcp_test(CLI::App& mcp, app::Context& context) {
  CLI::App* command = mcp.add_subcommand(
      "test", "Ask each MCP server to initialize, all at once");
  auto flags = std::make_shared<TestFlags>();
  command->add_option("--server", flags->server, "Test this server only");
  command
      ->add_option("--timeout", flags->timeout_seconds,
                   "Seconds to wait for each server")
      ->check(CLI::Range(0.1, 600.0))
      ->capture_default_str();
  command->add_flag("--json", flags->json, "Print JSON");
  command->footer(
      "An HTTP server gets a real MCP initialize request; a stdio server is\n"
      "reported skipped, with the reason. Exits 1 when any server failed.\n"
      "Example: oss-back2base mcp test --server context7");
  command->final_callback([&context, flags] {
    context.action = [&context, flags] {
      return test_servers(context, *flags);
    };
  });
}

}  // namespace b2b::cli
