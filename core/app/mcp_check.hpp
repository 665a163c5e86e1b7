// SPDX-License-Identifier: Apache-2.0
// `mcp test`: every server of the registry (or one) asked whether it
// answers, all at once, each with a deadline.
#pragma once

#include "core/config/mcp_registry.hpp"
#include "core/config/settings.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace b2b::app {

enum class Verdict { passed, failed, skipped };

std::string_view verdict_name(Verdict verdict);

struct ServerCheck {
  std::string name;
  std::string transport;
  Verdict verdict = Verdict::skipped;
  std::string detail;  ///< what it answered, or why it failed or was skipped
  int http_status = 0;
  double milliseconds = 0;
};

/// Tests each server of `registry` (or only `only`), in parallel, in
/// registry order in the result. An HTTP server gets a real `initialize`
/// with its headers' variables filled in from `settings`; one whose
/// variables are not set is skipped, as is every stdio server (it runs
/// only inside the session image). Throws `Error` when `only` names no
/// server, with a suggestion for a near miss.
std::vector<ServerCheck> check_servers(const config::McpRegistry& registry,
                                       const config::Settings& settings,
                                       const std::optional<std::string>& only,
                                       std::chrono::milliseconds timeout);

/// `text` with each ${NAME} replaced by `values`' NAME and each
/// ${NAME:-default} by NAME's value or the default.
std::string expand_variables(std::string_view text,
                             const std::vector<config::Setting>& values);

}  // namespace b2b::app
