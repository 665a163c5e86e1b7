// SPDX-License-Identifier: Apache-2.0
#include "core/config/allowlist.hpp"

#include "core/config/config_problems.hpp"
#include "core/config/domain_pattern.hpp"

#include <algorithm>

namespace b2b::config {
namespace {

/// What Claude Code reaches in a session. The session turns off its
/// optional traffic (telemetry, error reports, update checks), so the
/// API is all it needs.
constexpr const char* k_claude_code_domains[] = {"api.anthropic.com"};

void add(std::vector<AllowEntry>& list, const std::string& domain,
         const std::string& origin) {
  auto found = std::find_if(
      list.begin(), list.end(),
      [&](const AllowEntry& entry) { return entry.domain == domain; });
  if (found == list.end()) {
    list.push_back({domain, {origin}});
  } else if (std::find(found->origins.begin(), found->origins.end(), origin) ==
             found->origins.end()) {
    found->origins.push_back(origin);
  }
}

/// The user's entries: separated by commas or white space.
std::vector<std::string> user_domains(const std::string& value) {
  std::vector<std::string> out;
  std::string current;
  for (char c : value + ",") {
    if (c == ',' || c == ' ' || c == '\t') {
      if (!current.empty()) {
        out.push_back(normalise_domain(current));
      }
      current.clear();
    } else {
      current += c;
    }
  }
  return out;
}

}  // namespace

std::vector<AllowEntry> build_allowlist(const McpRegistry& registry,
                                        const std::vector<std::string>& servers,
                                        const Settings& settings) {
  std::vector<AllowEntry> list;
  for (const char* domain : k_claude_code_domains) {
    add(list, domain, "Claude Code");
  }
  for (const std::string& name : servers) {
    if (const McpServer* server = registry.find(name)) {
      for (const std::string& domain : server->egress) {
        add(list, domain, "server " + name);
      }
    }
  }
  std::optional<Setting> user = settings.get("BACK2BASE_ALLOW_DOMAINS");
  if (!user) {
    return list;
  }
  std::string origin = described(*user);
  ConfigProblems problems;
  for (const std::string& domain : user_domains(user->value)) {
    if (std::optional<std::string> why = domain_pattern_problem(domain)) {
      problems.add(origin, *why);
    } else {
      add(list, domain, origin);
    }
  }
  problems.throw_if_any();
  return list;
}

}  // namespace b2b::config
