// SPDX-License-Identifier: Apache-2.0
#include "core/config/allowlist.hpp"

#include "core/config/config_problems.hpp"
#include "core/config/domain_pattern.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <variant>

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

/// Why a value cannot be allowed.
struct Problem {
  std::string what;
};

/// The host of an endpoint's URL ("https://gw.example:8443/v1" gives
/// "gw.example"), or why it has none the firewall could allow.
std::variant<std::string, Problem> url_host(std::string_view url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) {
    return Problem{util::quote(url) +
                   " is not a URL; give it whole, like "
                   "\"https://gateway.example/\""};
  }
  std::string_view host = url.substr(scheme + 3);
  host = host.substr(0, host.find_first_of("/?#"));
  if (std::size_t at = host.rfind('@'); at != std::string_view::npos) {
    host.remove_prefix(at + 1);
  }
  if (!host.starts_with('[')) {
    host = host.substr(0, host.find(':'));
  }
  std::string name = normalise_domain(host);
  std::optional<std::string> why =
      name.starts_with('*') ? std::optional<std::string>(util::quote(name) +
                                                         " is not a host name")
                            : domain_pattern_problem(name);
  if (why) {
    return Problem{"its host: " + *why};
  }
  return name;
}

}  // namespace

std::vector<AllowEntry> build_allowlist(const McpRegistry& registry,
                                        const std::vector<std::string>& servers,
                                        const Settings& settings) {
  std::vector<AllowEntry> list;
  ConfigProblems problems;
  for (const char* domain : k_claude_code_domains) {
    add(list, domain, "Claude Code");
  }
  // The endpoint Claude Code is sent to instead, when there is one.
  std::optional<Setting> endpoint =
      settings.get("BACK2BASE_ANTHROPIC_BASE_URL");
  if (endpoint && !endpoint->value.empty()) {
    std::variant<std::string, Problem> host = url_host(endpoint->value);
    if (const std::string* name = std::get_if<std::string>(&host)) {
      add(list, *name, described(*endpoint));
    } else {
      problems.add(described(*endpoint), std::get<Problem>(host).what);
    }
  }
  for (const std::string& name : servers) {
    if (const McpServer* server = registry.find(name)) {
      for (const std::string& domain : server->egress) {
        add(list, domain, "server " + name);
      }
    }
  }
  if (std::optional<Setting> user = settings.get("BACK2BASE_ALLOW_DOMAINS")) {
    std::string origin = described(*user);
    for (const std::string& domain : user_domains(user->value)) {
      if (std::optional<std::string> why = domain_pattern_problem(domain)) {
        problems.add(origin, *why);
      } else {
        add(list, domain, origin);
      }
    }
  }
  problems.throw_if_any();
  return list;
}

}  // namespace b2b::config
