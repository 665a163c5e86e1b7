// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/plugin/registry.hpp"
#include "core/util/json_output.hpp"
#include "core/util/table.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace b2b::cli {
namespace {

using plugin::PluginRecord;
using plugin::Status;

std::string_view status_name(Status status) {
  switch (status) {
    case Status::loaded:
      return "loaded";
    case Status::refused:
      return "refused";
    case Status::shadowed:
      return "shadowed";
  }
  return "unknown";
}

std::string abi_of(const PluginRecord& record) {
  return std::to_string(record.abi_major) + "." +
         std::to_string(record.abi_minor);
}

boost::json::object to_json(const PluginRecord& record) {
  boost::json::object out;
  out["path"] = record.path.string();
  out["origin"] = record.origin;
  out["status"] = status_name(record.status);
  out["reason"] = record.reason;
  if (record.descriptor_read) {
    out["kind"] = plugin::kind_name(record.kind);
    out["name"] = record.name;
    out["version"] = record.version;
    out["summary"] = record.summary;
  }
  if (record.abi_major != 0) {
    out["sdk_abi"] = abi_of(record);
  }
  if (record.signer.empty()) {
    out["signer"] = nullptr;
  } else {
    out["signer"] = {{"key_id", record.signer},
                     {"source", record.signer_source}};
  }
  out["unsigned_override"] = record.unsigned_override;
  return out;
}

// One row of the table, then the plugin's purpose or the reason it was not
// loaded on a line of its own.
void print_table(const std::vector<PluginRecord>& records) {
  std::vector<std::vector<std::string>> rows = {
      {"KIND", "NAME", "VERSION", "VERDICT", "SIGNER", "PATH"}};
  for (const PluginRecord& r : records) {
    auto known = [&](const std::string& text) {
      return r.descriptor_read ? text : std::string("-");
    };
    rows.push_back({known(std::string(plugin::kind_name(r.kind))),
                    known(r.name), known(r.version),
                    std::string(status_name(r.status)),
                    r.unsigned_override ? "unsigned"
                    : r.signer.empty()  ? "-"
                                        : r.signer,
                    r.path.string()});
  }
  std::vector<std::string> lines = util::table_lines(rows);
  for (std::size_t r = 0; r < lines.size(); ++r) {
    std::cout << lines[r] << "\n";
    if (r > 0) {
      const PluginRecord& record = records[r - 1];
      const std::string& note =
          record.status == Status::loaded ? record.summary : record.reason;
      std::cout << "    " << note << "\n";
    }
  }
}

int list_plugins(app::Context& context, bool json) {
  const std::vector<PluginRecord>& records = context.plugins().records();
  if (json) {
    boost::json::array plugins;
    for (const PluginRecord& record : records) {
      plugins.push_back(to_json(record));
    }
    std::cout << util::pretty_json(boost::json::object{{"plugins", plugins}});
  } else if (records.empty()) {
    std::cout << "no plugins found\n";
  } else {
    print_table(records);
  }
  return 0;
}

}  // namespace

void register_plugin_list(CLI::App& plugin, app::Context& context) {
  CLI::App* command = plugin.add_subcommand(
      "list", "List every plugin found, with its verdict: loaded, or why not");
  auto json = std::make_shared<bool>(false);
  command->add_flag("--json", *json, "Print JSON");
  command->footer(
      "Plugins are looked for in each directory of BACK2BASE_PLUGIN_PATH, "
      "then ~/.local/share/back2base/plugins, then the install's plugin "
      "directory.\nExample: oss-back2base plugin list --json");
  command->final_callback([&context, json] {
    context.action = [&context, json] { return list_plugins(context, *json); };
  });
}

}  // namespace b2b::cli
