// SPDX-License-Identifier: Apache-2.0
#include "core/app/plan.hpp"

#include "core/config/last_profile.hpp"
#include "core/log/log.hpp"
#include "core/util/error.hpp"
#include "core/workspace/workspace_scan.hpp"

#include <algorithm>
#include <chrono>

namespace b2b::app {
namespace {

using Clock = std::chrono::steady_clock;

/// How long a detector may take before the launch goes on without it.
constexpr std::chrono::milliseconds k_detector_deadline{1500};

DetectionReport detect(Context& context, const std::filesystem::path& root) {
  DetectionReport report;
  report.ran = true;
  auto detectors = context.plugins().detectors();
  auto start = Clock::now();
  auto scan = std::make_shared<workspace::WorkspaceScan>(root);
  report.outcomes =
      workspace::run_detectors(detectors, scan, k_detector_deadline);
  report.milliseconds =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  report.entries = scan->size();
  report.truncated = scan->truncated();
  for (const workspace::DetectorOutcome& outcome : report.outcomes) {
    if (!outcome.problem.empty()) {
      log::warning("detector " + outcome.detector + ": " + outcome.problem +
                   "; ignored it");
    }
  }
  if (report.truncated) {
    log::info("workspace: stopped reading after " +
              std::to_string(report.entries) +
              " entries; detection saw only those");
  }
  return report;
}

std::vector<std::string> detected_profiles(const DetectionReport& report) {
  std::vector<std::string> out;
  for (const workspace::DetectorOutcome& outcome : report.outcomes) {
    for (const sdk::Detection& match : outcome.matches) {
      if (std::find(out.begin(), out.end(), match.profile) == out.end()) {
        out.push_back(match.profile);
      }
    }
  }
  return out;
}

ServerPlan plan_server(const config::McpServer& server,
                       const config::Settings& settings) {
  ServerPlan plan{server, {}, true, ""};
  std::vector<config::Setting> set = settings.tokens_for(server.variables);
  std::string missing;
  for (const std::string& name : server.variables) {
    bool present = std::any_of(set.begin(), set.end(),
                               [&](const auto& s) { return s.name == name; });
    plan.variables.emplace_back(name, present);
    if (!present) {
      missing += (missing.empty() ? "" : ", ") + name;
    }
  }
  if (!missing.empty()) {
    plan.loaded = false;
    plan.note = "needs " + missing + "; set it in the env file";
  }
  return plan;
}

}  // namespace

std::vector<std::string> Plan::loaded_servers() const {
  std::vector<std::string> out;
  for (const ServerPlan& plan : servers) {
    if (plan.loaded) {
      out.push_back(plan.server.name);
    }
  }
  return out;
}

std::vector<std::string> known_servers(const config::McpRegistry& registry) {
  std::vector<std::string> names = registry.names();
  for (const std::string& name : config::default_registry().names()) {
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      names.push_back(name);
    }
  }
  return names;
}

Plan make_plan(Context& context, process::ProcessRunner& runner,
               const PlanOptions& options) {
  Plan plan;
  const config::Settings& settings = context.settings();
  const config::Paths& paths = context.paths();

  // The workspace and its namespace, which remembers the last profile.
  plan.workspace = config::resolve_workspace_root(
      options.repo, settings, runner, std::filesystem::current_path());
  try {
    plan.namespace_name = config::resolve_namespace(
        plan.workspace.path, options.namespace_name, settings, runner, false);
  } catch (const Error& e) {
    plan.namespace_problem = e.what();
  }

  // The registry and the profiles, the user's where they have their own.
  config::McpRegistry registry = config::load_registry(paths);
  config::ProfileSet profiles =
      config::load_profiles(paths, known_servers(registry));
  plan.registry_source = registry.source;
  plan.profiles_source = profiles.source;

  // The profile: asked for, remembered, or detected.
  config::ProfileRequest request =
      config::profile_request(options.profile, settings, profiles);
  std::optional<std::string> remembered;
  if (plan.namespace_name) {
    remembered =
        config::remembered_profile(paths.state_dir, plan.namespace_name->name);
  }
  request = config::resolve_last(request, remembered, profiles);
  if (request.name == config::k_auto_profile) {
    plan.detection = detect(context, plan.workspace.path);
  }
  plan.choice = config::choose_profiles(
      request, profiles, registry, detected_profiles(plan.detection), settings);

  // The servers, and the firewall that lets them reach what they need.
  for (const std::string& name : plan.choice.servers) {
    plan.servers.push_back(plan_server(*registry.find(name), settings));
  }
  plan.allowlist =
      config::build_allowlist(registry, plan.loaded_servers(), settings);
  plan.registry = std::move(registry);
  return plan;
}

}  // namespace b2b::app
