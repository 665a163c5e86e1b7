// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/status.hpp"
#include "core/cli/commands.hpp"
#include "core/util/json_output.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <iostream>

namespace b2b::cli {
namespace {

boost::json::array containers_json(const app::StatusReport& r) {
  boost::json::array out;
  for (const sdk::EngineObject& c : r.containers) {
    out.push_back({{"name", c.name},
                   {"session", c.session},
                   {"namespace", c.namespace_name},
                   {"status", c.status}});
  }
  return out;
}

void print_json(const app::StatusReport& r) {
  boost::json::array managed;
  for (const auto& path : r.managed.found) {
    managed.push_back(boost::json::string(path.string()));
  }
  boost::json::object out{
      {"config_dir", r.paths.config_dir.string()},
      {"state_dir", r.paths.state_dir.string()},
      {"state_seeded", r.state_seeded},
      {"data_home", r.paths.data_dir.string()},
      {"env_file",
       {{"path", r.paths.env_file().string()},
        {"exists", r.env_file_exists},
        {"mode", r.env_file_exists
                     ? boost::json::value(util::octal_mode(r.env_file_mode))
                     : boost::json::value(nullptr)}}},
      {"payload",
       {{"path", r.paths.payload_dir().string()},
        {"state", app::payload_state(r)},
        {"hash", r.payload_hash},
        {"extracted_hash", r.extracted_hash.empty()
                               ? boost::json::value(nullptr)
                               : boost::json::value(r.extracted_hash)}}},
      {"data_dir", r.data_dir ? boost::json::value(*r.data_dir)
                              : boost::json::value(nullptr)},
      {"managed_settings",
       {{"dir", r.managed.dir.string()}, {"found", managed}}},
      {"workspace", r.workspace.string()},
      {"namespace",
       {{"name", r.namespace_name.empty()
                     ? boost::json::value(nullptr)
                     : boost::json::value(r.namespace_name)},
        {"origin", r.namespace_origin}}},
      {"auth",
       {{"configured", util::json_strings(r.auth_configured)},
        {"problem", r.auth_problem.empty()
                        ? boost::json::value(nullptr)
                        : boost::json::value(r.auth_problem)}}},
      {"image",
       {{"tag", r.image_tag},
        {"state", r.image_state},
        {"detail", r.image_detail}}},
      {"containers", containers_json(r)}};
  std::cout << util::pretty_json(out);
}

void print_text(const app::StatusReport& r) {
  std::string env = r.env_file_exists
                        ? " (" + util::octal_mode(r.env_file_mode) + ")"
                        : " (missing: \"oss-back2base install\" makes it)";
  std::string payload(app::payload_state(r));
  std::cout << "config:   " << r.paths.config_dir.string() << "\n"
            << "env file: " << r.paths.env_file().string() << env << "\n"
            << "state:    " << r.paths.state_dir.string()
            << (r.state_seeded ? "" : " (not seeded yet)") << "\n"
            << "payload:  " << r.paths.payload_dir().string() << " (" << payload
            << ", " << r.payload_hash.substr(0, 12) << ")\n"
            << "data dir: " << r.data_dir.value_or("not set") << "\n"
            << "managed:  ";
  if (r.managed.found.empty()) {
    std::cout << "none in " << r.managed.dir.string() << "\n";
  } else {
    for (const auto& path : r.managed.found) {
      std::cout << path.string() << " ";
    }
    std::cout << "\n";
  }
  std::cout << "project:  " << r.workspace.string() << ", namespace "
            << (r.namespace_name.empty()
                    ? "unusable: " + r.namespace_origin
                    : r.namespace_name + " (from " + r.namespace_origin + ")")
            << "\n"
            << "image:    " << r.image_tag << " (" << r.image_state << "; "
            << r.image_detail << ")\n"
            << "auth:     ";
  if (!r.auth_problem.empty()) {
    std::cout << r.auth_problem << "\n";
  } else if (r.auth_configured.empty()) {
    std::cout << "none set up; run \"oss-back2base login\"\n";
  } else {
    std::cout << r.auth_configured.front();
    if (r.auth_configured.size() > 1) {
      std::vector<std::string> rest(r.auth_configured.begin() + 1,
                                    r.auth_configured.end());
      std::cout << " (set up too, not used: " << util::join(rest) << ")";
    }
    std::cout << "\n";
  }
  if (r.containers.empty()) {
    std::cout << "sessions: none running\n";
  }
  for (const sdk::EngineObject& c : r.containers) {
    std::cout << "session:  " << c.session << " (" << c.namespace_name
              << "): " << c.name << ", " << c.status << "\n";
  }
}

int status(app::Context& context, bool json) {
  auto runner = process::make_system_runner();
  app::StatusReport report = app::collect_status(context, *runner);
  if (json) {
    print_json(report);
  } else {
    print_text(report);
  }
  return 0;
}

}  // namespace

void register_status(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "status", "Show paths, the env file, the payload and the image");
  auto json = std::make_shared<bool>(false);
  command->add_flag("--json", *json, "Print JSON");
  command->footer("Changes nothing.\nExample: oss-back2base status --json");
  command->final_callback([&context, json] {
    context.action = [&context, json] { return status(context, *json); };
  });
}

}  // namespace b2b::cli
