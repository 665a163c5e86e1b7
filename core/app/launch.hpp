// SPDX-License-Identifier: Apache-2.0
// The main job: a Claude Code session in the sandbox, as the design's
// eight steps; and the image steps on their own (`build`, `rebuild`).
#pragma once

#include "core/app/context.hpp"
#include "core/app/plan.hpp"
#include "core/config/overview_choice.hpp"
#include "core/launch/credentials.hpp"
#include "core/launch/session_spec.hpp"

#include <optional>
#include <string>
#include <vector>

namespace b2b::app {

struct LaunchOptions {
  PlanOptions plan;                     ///< --profile, --repo, --namespace
  std::optional<std::string> prompt;    ///< -p: one answer, then exit
  std::vector<std::string> dirs;        ///< -d, as typed
  std::vector<std::string> networks;    ///< --network
  std::optional<std::string> runtime;   ///< --runtime
  bool no_firewall = false;             ///< --no-firewall
  bool docker_socket = false;           ///< --docker-socket
  bool yes = false;                     ///< -y: ask nothing
  std::optional<bool> overview;         ///< --overview, --no-overview
  /// `resume [ID]`: the session to resume; empty: the newest.
  std::optional<std::string> resume;
  launch::AgentCommand command = launch::AgentCommand::claude;
  std::vector<std::string> arguments;   ///< after the command's own flags
};

/// Steps 1 to 5 and 7 of a launch: everything but the engine. With
/// `dry_run` (for `plan`) nothing is written and what would stop a launch
/// is recorded instead of thrown, where the rest can go on without it.
struct PreparedSession {
  Plan plan;
  std::optional<launch::CredentialChoice> auth;
  std::string auth_problem;  ///< why there is no credential (dry run)
  config::OverviewChoice overview;
  launch::ImagePlan image;
  launch::SessionDir dir;
  std::optional<sdk::LaunchSpec> spec;  ///< none without a namespace
};

PreparedSession prepare_session(Context& context, const LaunchOptions& options,
                                bool dry_run);

/// What a session that ran leaves for its caller.
struct SessionEnd {
  launch::SessionDir dir;
};

/// Runs a session and returns its exit status (130 when interrupted),
/// telling `end`, when given, where its files are. Throws `Error` for what
/// stops it before it starts.
int launch_session(Context& context, const LaunchOptions& options,
                   SessionEnd* end = nullptr);

/// Builds the session image for this version: when it is missing or
/// stale, or always with `no_cache` (`rebuild`). Throws `Error`.
void build_session_image(Context& context,
                         const std::optional<std::string>& runtime,
                         bool no_cache);

}  // namespace b2b::app
