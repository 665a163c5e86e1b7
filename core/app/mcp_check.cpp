// SPDX-License-Identifier: Apache-2.0
#include "core/app/mcp_check.hpp"

#include "core/app/build_info.hpp"
#include "core/log/log.hpp"
#include "core/mcp/http_probe.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <future>

namespace b2b::app {
namespace {

const config::Setting* find_value(const std::vector<config::Setting>& values,
                                  std::string_view name) {
  for (const config::Setting& value : values) {
    if (value.name == name) {
      return &value;
    }
  }
  return nullptr;
}

ServerCheck check_one(const config::McpServer& server,
                      const config::Settings& settings,
                      std::chrono::milliseconds timeout) {
  ServerCheck check{server.name, server.transport, Verdict::skipped, "", 0, 0};
  if (server.transport == "stdio") {
    check.detail =
        "a stdio server runs only inside the session image, which "
        "this version cannot start for a test yet";
    return check;
  }
  std::vector<std::string> names = server.variables;
  names.insert(names.end(), server.optional_variables.begin(),
               server.optional_variables.end());
  std::vector<config::Setting> values = settings.tokens_for(names);
  std::string missing;
  for (const std::string& name : server.variables) {
    if (find_value(values, name) == nullptr) {
      missing += (missing.empty() ? "" : ", ") + name;
    }
  }
  if (!missing.empty()) {
    check.detail = "needs " + missing + ", which is not set";
    return check;
  }
  mcp::HttpProbe probe;
  probe.url = expand_variables(server.url, values);
  probe.timeout = timeout;
  probe.client_version = std::string(build_info().version);
  if (const boost::json::value* headers = server.entry.if_contains("headers")) {
    for (const auto& header : headers->get_object()) {
      probe.headers.emplace_back(
          std::string(header.key()),
          expand_variables(header.value().get_string(), values));
    }
  }
  mcp::ProbeOutcome outcome = mcp::probe_http(probe);
  check.verdict = outcome.passed ? Verdict::passed : Verdict::failed;
  check.detail = outcome.detail;
  check.http_status = outcome.http_status;
  check.milliseconds = outcome.milliseconds;
  return check;
}

}  // namespace

std::string_view verdict_name(Verdict verdict) {
  switch (verdict) {
    case Verdict::passed:
      return "passed";
    case Verdict::failed:
      return "failed";
    case Verdict::skipped:
      return "skipped";
  }
  return "unknown";
}

std::vector<ServerCheck> check_servers(const config::McpRegistry& registry,
                                       const config::Settings& settings,
                                       const std::optional<std::string>& only,
                                       std::chrono::milliseconds timeout) {
  std::vector<const config::McpServer*> chosen;
  for (const config::McpServer& server : registry.servers) {
    if (!only || server.name == *only) {
      chosen.push_back(&server);
    }
  }
  if (only && chosen.empty()) {
    std::string near = util::closest_match(*only, registry.names());
    throw Error(
        "--server: no server " + util::quote(*only) + " in " + registry.source +
            (near.empty() ? "" : "; did you mean " + util::quote(near) + "?") +
            "; \"oss-back2base mcp list\" shows them",
        exit_status::k_usage);
  }
  std::vector<std::future<ServerCheck>> running;
  for (const config::McpServer* server : chosen) {
    running.push_back(std::async(std::launch::async, check_one,
                                 std::cref(*server), std::cref(settings),
                                 timeout));
  }
  // On a terminal, how many have answered, while the slowest take their
  // time (up to `timeout`).
  auto ready = [](const std::future<ServerCheck>& check) {
    return check.wait_for(std::chrono::seconds(0)) == std::future_status::ready;
  };
  for (auto waiting = running.begin(); waiting != running.end();) {
    if (ready(*waiting)) {
      ++waiting;
      continue;
    }
    log::progress(
        "mcp test: " +
        std::to_string(std::count_if(running.begin(), running.end(), ready)) +
        " of " + std::to_string(running.size()) + " servers answered");
    waiting->wait_for(std::chrono::milliseconds(100));
  }
  log::progress_end();
  std::vector<ServerCheck> checks;
  for (auto& check : running) {
    checks.push_back(check.get());
  }
  return checks;
}

std::string expand_variables(std::string_view text,
                             const std::vector<config::Setting>& values) {
  std::string out;
  std::size_t at = 0;
  while (true) {
    std::size_t open = text.find("${", at);
    std::size_t close = open == std::string_view::npos ? std::string_view::npos
                                                       : text.find('}', open);
    if (close == std::string_view::npos) {
      out += text.substr(at);
      return out;
    }
    out += text.substr(at, open - at);
    std::string_view inside = text.substr(open + 2, close - open - 2);
    std::size_t dash = inside.find(":-");
    std::string_view name = inside.substr(0, dash);
    const config::Setting* value = find_value(values, name);
    if (value != nullptr) {
      out += value->value;
    } else if (dash != std::string_view::npos) {
      out += inside.substr(dash + 2);
    }
    at = close + 1;
  }
}

}  // namespace b2b::app
