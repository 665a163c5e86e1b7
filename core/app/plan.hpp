// SPDX-License-Identifier: Apache-2.0
// `plan`: what a launch would do, worked out the way a launch works it out,
// with nothing changed on disk. It is the tool's own explanation of a
// session, and the cheapest way to test the steps before the run.
#pragma once

#include "core/app/context.hpp"
#include "core/config/allowlist.hpp"
#include "core/config/namespace.hpp"
#include "core/config/profile_selection.hpp"
#include "core/config/workspace_root.hpp"
#include "core/process/process_runner.hpp"
#include "core/workspace/detection.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace b2b::app {

struct PlanOptions {
  std::optional<std::string> profile;  ///< --profile
  std::optional<std::string> repo;     ///< --repo
  std::optional<std::string> namespace_name;  ///< --namespace
};

/// The one walk of the workspace and what each detector made of it.
struct DetectionReport {
  bool ran = false;  ///< only "auto" asks the detectors
  std::size_t entries = 0;
  bool truncated = false;
  double milliseconds = 0;  ///< the walk and every detector
  std::vector<workspace::DetectorOutcome> outcomes;
};

/// One server the chosen profiles name, and whether the session gets it.
struct ServerPlan {
  config::McpServer server;
  std::vector<std::pair<std::string, bool>> variables;  ///< name, is set
  bool loaded = true;
  std::string note;  ///< why it is not loaded
};

struct Plan {
  config::WorkspaceRoot workspace;
  std::optional<config::Namespace> namespace_name;
  std::string namespace_problem;  ///< why there is none
  std::string profiles_source;
  std::string registry_source;
  DetectionReport detection;
  config::ProfileChoice choice;
  config::McpRegistry registry;
  std::vector<ServerPlan> servers;
  std::vector<config::AllowEntry> allowlist;

  /// The names of the servers the session loads.
  std::vector<std::string> loaded_servers() const;
};

/// Works out the plan; asks git through `runner`. Throws `Error` for what
/// would stop a launch: a bad profile name, a broken profiles.json or
/// registry, a bad BACK2BASE_ALLOW_DOMAINS, a missing workspace.
Plan make_plan(Context& context, process::ProcessRunner& runner,
               const PlanOptions& options);

/// The servers named by core or any profile, and the user's own: what a
/// profile may name.
std::vector<std::string> known_servers(const config::McpRegistry& registry);

}  // namespace b2b::app
