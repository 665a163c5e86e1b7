// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/plan.hpp"
#include "core/cli/commands.hpp"
#include "core/config/mcp_registry.hpp"
#include "core/config/profiles.hpp"
#include "core/util/json_output.hpp"
#include "core/util/strings.hpp"
#include "core/util/table.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace b2b::cli {
namespace {

namespace json = boost::json;

struct Row {
  const config::McpServer* server;
  std::vector<std::pair<std::string, bool>> variables;  ///< name, is set
  std::vector<std::string> profiles;                    ///< that name it
  bool core = false;  ///< in every profile as a core server
};

std::string joined(const std::vector<std::string>& list,
                   std::string_view empty) {
  return list.empty() ? std::string(empty) : util::join(list);
}

int list_servers(app::Context& context, bool json_output) {
  config::McpRegistry registry = config::load_registry(context.paths());
  config::ProfileSet profiles =
      config::load_profiles(context.paths(), app::known_servers(registry));
  std::vector<Row> rows;
  for (const config::McpServer& server : registry.servers) {
    Row row{&server,
            {},
            profiles.including(server.name),
            std::find(profiles.core.begin(), profiles.core.end(),
                      server.name) != profiles.core.end()};
    std::vector<config::Setting> set =
        context.settings().tokens_for(server.variables);
    for (const std::string& name : server.variables) {
      bool present = std::any_of(set.begin(), set.end(),
                                 [&](const auto& s) { return s.name == name; });
      row.variables.emplace_back(name, present);
    }
    rows.push_back(std::move(row));
  }

  if (json_output) {
    json::array servers;
    for (const Row& row : rows) {
      json::array variables;
      for (const auto& [name, set] : row.variables) {
        variables.push_back({{"name", name}, {"set", set}});
      }
      json::array egress;
      for (const std::string& domain : row.server->egress) {
        egress.emplace_back(domain);
      }
      json::array in;
      for (const std::string& name : row.profiles) {
        in.emplace_back(name);
      }
      servers.push_back({{"name", row.server->name},
                         {"transport", row.server->transport},
                         {"display", row.server->display()},
                         {"description", row.server->description},
                         {"package", row.server->package},
                         {"variables", variables},
                         {"egress", egress},
                         {"profiles", in},
                         {"core", row.core},
                         {"yours", row.server->own}});
    }
    std::cout << util::pretty_json({{"source", registry.source},
                                    {"from_defaults", registry.from_defaults},
                                    {"servers", servers}});
    return 0;
  }

  std::cout << "registry: " << registry.source << "\n";
  std::vector<std::vector<std::string>> table = {
      {"NAME", "TRANSPORT", "COMMAND/URL", "VARIABLES", "EGRESS", "PROFILES"}};
  for (const Row& row : rows) {
    std::vector<std::string> variables;
    for (const auto& [name, set] : row.variables) {
      variables.push_back(name + (set ? " (set)" : " (not set)"));
    }
    table.push_back(
        {row.server->name, row.server->transport, row.server->display(),
         joined(variables, "-"), joined(row.server->egress, "-"),
         row.core
             ? "all (core)"
             : joined(row.profiles, row.server->own ? "all (yours)" : "none")});
  }
  for (const std::string& line : util::table_lines(table)) {
    std::cout << line << "\n";
  }
  return 0;
}

}  // namespace

void register_mcp_list(CLI::App& mcp, app::Context& context) {
  CLI::App* command =
      mcp.add_subcommand("list", "List the registry's MCP servers");
  auto json_output = std::make_shared<bool>(false);
  command->add_flag("--json", *json_output, "Print JSON");
  command->footer(
      "Shows each server's transport, command or URL, the variables it needs\n"
      "and whether they are set, the domains it reaches, and its profiles.\n"
      "Example: oss-back2base mcp list --json");
  command->final_callback([&context, json_output] {
    context.action = [&context, json_output] {
      return list_servers(context, *json_output);
    };
  });
}

}  // namespace b2b::cli
