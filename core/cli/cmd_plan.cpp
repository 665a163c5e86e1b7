// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"
#include "core/app/launch.hpp"
#include "core/app/plan.hpp"
#include "core/cli/commands.hpp"
#include "core/cli/spec_json.hpp"
#include "core/util/json_output.hpp"
#include "core/util/strings.hpp"
#include "core/util/table.hpp"

#include <CLI/CLI.hpp>
#include <boost/json.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>

namespace b2b::cli {
namespace {

namespace json = boost::json;

std::string confidence(double value) {
  char text[16];
  std::snprintf(text, sizeof text, "%.2f", value);
  return text;
}

json::object detection_json(const app::DetectionReport& d) {
  json::array detectors;
  for (const workspace::DetectorOutcome& outcome : d.outcomes) {
    json::array matches;
    for (const sdk::Detection& match : outcome.matches) {
      matches.push_back({{"profile", match.profile},
                         {"confidence", match.confidence},
                         {"evidence", util::json_strings(match.evidence)}});
    }
    detectors.push_back(
        {{"detector", outcome.detector},
         {"matches", matches},
         {"problem", outcome.problem.empty() ? json::value(nullptr)
                                             : json::value(outcome.problem)}});
  }
  return {{"ran", d.ran},
          {"entries", d.entries},
          {"truncated", d.truncated},
          {"milliseconds", d.milliseconds},
          {"detectors", detectors}};
}

// The profile in effect and why: the detectors' evidence for each profile
// that was united.
json::object profile_json(const config::ProfileChoice& c,
                          const app::DetectionReport& d) {
  json::array evidence;
  for (const workspace::DetectorOutcome& outcome : d.outcomes) {
    for (const sdk::Detection& match : outcome.matches) {
      if (std::find(c.profiles.begin(), c.profiles.end(), match.profile) !=
          c.profiles.end()) {
        evidence.push_back({{"profile", match.profile},
                            {"detector", outcome.detector},
                            {"confidence", match.confidence},
                            {"paths", util::json_strings(match.evidence)}});
      }
    }
  }
  json::array dropped;
  for (const config::DroppedServer& server : c.dropped) {
    dropped.push_back({{"name", server.name}, {"reason", server.reason}});
  }
  return {{"requested", c.request.name},
          {"origin", c.request.origin},
          {"matched", util::json_strings(c.profiles)},
          {"reason", c.reason},
          {"evidence", evidence},
          {"unknown_matches", util::json_strings(c.unknown_matches)},
          {"dropped_servers", dropped}};
}

// The provider and the variables it sets, never their values.
json::object auth_json(const app::PreparedSession& prepared) {
  if (!prepared.auth) {
    return {{"provider", nullptr}, {"problem", prepared.auth_problem}};
  }
  json::array variables;
  for (const sdk::Credential& credential : prepared.auth->credentials) {
    variables.emplace_back(credential.variable);
  }
  return {
      {"provider", prepared.auth->provider},
      {"resolved", prepared.auth->resolved},
      {"variables", variables},
      {"also_configured", util::json_strings(prepared.auth->also_configured)}};
}

json::array servers_json(const std::vector<app::ServerPlan>& servers) {
  json::array out;
  for (const app::ServerPlan& plan : servers) {
    json::array variables;
    for (const auto& [name, set] : plan.variables) {
      variables.push_back({{"name", name}, {"set", set}});
    }
    out.push_back({{"name", plan.server.name},
                   {"transport", plan.server.transport},
                   {"display", plan.server.display()},
                   {"variables", variables},
                   {"egress", util::json_strings(plan.server.egress)},
                   {"loaded", plan.loaded},
                   {"note", plan.note}});
  }
  return out;
}

void print_json(const app::PreparedSession& prepared) {
  const app::Plan& plan = prepared.plan;
  json::array allowlist;
  for (const config::AllowEntry& entry : plan.allowlist) {
    allowlist.push_back({{"domain", entry.domain},
                         {"origins", util::json_strings(entry.origins)}});
  }
  json::object out{
      {"workspace",
       {{"path", plan.workspace.path.string()},
        {"origin", plan.workspace.origin}}},
      {"namespace", plan.namespace_name
                        ? json::value({{"name", plan.namespace_name->name},
                                       {"origin", plan.namespace_name->origin}})
                        : json::value({{"name", nullptr},
                                       {"problem", plan.namespace_problem}})},
      {"detection", detection_json(plan.detection)},
      {"profile", profile_json(plan.choice, plan.detection)},
      {"model",
       {{"name", plan.choice.model ? json::value(*plan.choice.model)
                                   : json::value(nullptr)},
        {"origin", plan.choice.model_origin}}},
      {"profiles_source", plan.profiles_source},
      {"registry_source", plan.registry_source},
      {"servers", servers_json(plan.servers)},
      {"allowlist", allowlist},
      {"auth", auth_json(prepared)},
      {"overview",
       {{"on", prepared.overview.on}, {"reason", prepared.overview.reason}}},
      {"image",
       {{"tag", prepared.image.tag},
        {"hash", prepared.image.hash},
        {"base", prepared.image.base}}},
      {"spec", prepared.spec ? json::value(spec_json(*prepared.spec))
                             : json::value(nullptr)}};
  std::cout << util::pretty_json(out);
}

void print_detection(const app::DetectionReport& d) {
  if (!d.ran) {
    return;
  }
  char took[32];
  std::snprintf(took, sizeof took, "%.1f ms", d.milliseconds);
  std::cout << "detection: " << d.entries << " entries"
            << (d.truncated ? " (stopped at the cap)" : "") << " in " << took
            << "\n";
  std::vector<std::vector<std::string>> rows;
  for (const workspace::DetectorOutcome& outcome : d.outcomes) {
    if (!outcome.problem.empty()) {
      rows.push_back({"  " + outcome.detector, "ignored: " + outcome.problem});
    } else if (outcome.matches.empty()) {
      rows.push_back({"  " + outcome.detector, "no match"});
    }
    for (const sdk::Detection& match : outcome.matches) {
      rows.push_back({"  " + outcome.detector,
                      match.profile + " " + confidence(match.confidence),
                      util::join(match.evidence)});
    }
  }
  for (const std::string& line : util::table_lines(rows)) {
    std::cout << line << "\n";
  }
}

void print_text(const app::PreparedSession& prepared) {
  const app::Plan& plan = prepared.plan;
  std::cout << "workspace: " << plan.workspace.path.string() << " ("
            << plan.workspace.origin << ")\n";
  if (plan.namespace_name) {
    std::cout << "namespace: " << plan.namespace_name->name << " ("
              << plan.namespace_name->origin << ")\n";
  } else {
    std::cout << "namespace: none: " << plan.namespace_problem << "\n";
  }
  print_detection(plan.detection);
  const config::ProfileChoice& choice = plan.choice;
  std::cout << "profile:   "
            << (choice.profiles.empty() ? "(none)"
                                        : util::join(choice.profiles))
            << " (" << choice.reason << ")\n";
  for (const std::string& name : choice.unknown_matches) {
    std::cout << "  a detector matched " << name << ", which "
              << plan.profiles_source << " lacks; ignored\n";
  }
  std::cout << "model:     "
            << (choice.model ? *choice.model + " (" + choice.model_origin + ")"
                             : choice.model_origin)
            << "\n"
            << "servers:   from " << plan.registry_source << "\n";
  std::vector<std::vector<std::string>> rows;
  for (const app::ServerPlan& server : plan.servers) {
    rows.push_back({"  " + server.server.name, server.server.transport,
                    server.server.display(),
                    server.loaded ? "" : "not loaded: " + server.note});
  }
  for (const config::DroppedServer& server : choice.dropped) {
    rows.push_back(
        {"  " + server.name, "-", "-", "not loaded: " + server.reason});
  }
  for (const std::string& line : util::table_lines(rows)) {
    std::cout << line << "\n";
  }
  std::cout << "allowlist:\n";
  rows.clear();
  for (const config::AllowEntry& entry : plan.allowlist) {
    rows.push_back({"  " + entry.domain, util::join(entry.origins)});
  }
  for (const std::string& line : util::table_lines(rows)) {
    std::cout << line << "\n";
  }
  std::cout << "auth:      "
            << (!prepared.auth ? "none: " + prepared.auth_problem
                : prepared.auth->resolved
                    ? prepared.auth->provider
                    : prepared.auth->provider +
                          " (set up; plan asks it for no credential, so "
                          "its variables are not shown)")
            << "\n";
  if (plan.namespace_name) {
    std::cout << "overview:  " << (prepared.overview.on ? "on" : "off") << " ("
              << prepared.overview.reason << ")\n";
  }
  if (prepared.spec) {
    print_spec(std::cout, *prepared.spec);
  }
}

struct PlanFlags {
  app::LaunchOptions options;
  bool json = false;
};

}  // namespace

void register_plan(CLI::App& app, app::Context& context) {
  CLI::App* command = app.add_subcommand(
      "plan", "Show what a launch would do here, changing nothing");
  auto flags = std::make_shared<PlanFlags>();
  add_session_flags(*command, flags->options);
  command->add_flag("--json", flags->json, "Print JSON");
  command->footer(
      "Detects the workspace, chooses profiles, servers and the firewall's\n"
      "allowlist exactly as a launch would, and prints them.\n"
      "Example: oss-back2base plan --profile go --json");
  command->final_callback([&context, flags] {
    context.action = [&context, flags] {
      app::PreparedSession prepared =
          app::prepare_session(context, flags->options, true);
      if (flags->json) {
        print_json(prepared);
      } else {
        print_text(prepared);
      }
      return 0;
    };
  });
}

}  // namespace b2b::cli
