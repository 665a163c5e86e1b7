// SPDX-License-Identifier: Apache-2.0
#include "core/config/settings.hpp"

#include "core/log/log.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <cctype>

namespace b2b::config {
namespace {

// clang-format off
constexpr SettingSpec k_settings[] = {
  // Credentials for Claude: one of these. Only these BACK2BASE_ names are
  // read, and they reach the session under the names Claude Code knows.
  {"BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN", "", true, nullptr,
   "Claude subscription token from \"claude setup-token\" (or "
   "\"oss-back2base login\"); the session sees CLAUDE_CODE_OAUTH_TOKEN"},
  {"BACK2BASE_ANTHROPIC_API_KEY", "", true, nullptr,
   "Anthropic API key; the session sees ANTHROPIC_API_KEY"},
  {"BACK2BASE_ANTHROPIC_AUTH_TOKEN", "", true, nullptr,
   "Bearer token for an Anthropic-compatible gateway; the session sees "
   "ANTHROPIC_AUTH_TOKEN"},
  {"BACK2BASE_ANTHROPIC_BASE_URL", "", false, nullptr,
   "URL of that gateway; the session sees ANTHROPIC_BASE_URL, and its host "
   "joins the firewall's allowlist"},
  {"BACK2BASE_AUTH_COMMAND", "", false, nullptr,
   "A command (run with sh -c, on this machine) that prints a short-lived "
   "credential: the value alone, or JSON {\"token\": ..., \"expires_at\": "
   "RFC 3339 or Unix seconds, or \"expires_in\": seconds}; kept until "
   "shortly before it expires"},
  {"BACK2BASE_AUTH_COMMAND_VARIABLE", "ANTHROPIC_AUTH_TOKEN", false, nullptr,
   "What that credential is to Claude Code: ANTHROPIC_AUTH_TOKEN (a "
   "gateway's bearer token), ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN"},
  {"BACK2BASE_AUTH_COMMAND_TIMEOUT", "60", false, nullptr,
   "Seconds the command may take (a sign-in in a browser included)"},
  {"BACK2BASE_AUTH", "", false, nullptr,
   "The auth providers to ask, in order, comma-separated; the first with a "
   "credential wins; default: oauth-token, api-key, custom-endpoint, "
   "command"},
  // The session.
  {"BACK2BASE_PROFILE", "auto", false, nullptr,
   "Tool profile: auto, last, or a profile name (full, go, python, "
   "frontend, infra, research, documentation, general, minimal)"},
  {"BACK2BASE_MODEL", "", false, nullptr,
   "Claude model for every session, over a profile's pinned model"},
  {"BACK2BASE_RUNTIME", "auto", false, nullptr,
   "Container runtime: auto, compose or podman"},
  {"BACK2BASE_COMPOSE", "auto", false, nullptr,
   "Which Compose the compose runtime drives: auto (v2, the docker plugin, "
   "where installed, else v1), v2, or v1 (docker-compose)"},
  {"MEMORY_NAMESPACE", "", false, nullptr,
   "Per-project identity for memory and the last profile; default: the "
   "git origin's name, else the directory's"},
  {"REPO_PATH", "", false, nullptr,
   "Repository mounted at /workspace; default: the git root above the "
   "current directory, else the current directory"},
  {"BACK2BASE_DATA_DIR", "", false, nullptr,
   "Directory whose plans/ and memories/ persist across sessions"},
  {"BACK2BASE_OVERVIEW", "0", false, nullptr,
   "1 to start interactive sessions with an overview of the repository, "
   "in a namespace that has not chosen with --overview or --no-overview"},
  // The container.
  {"BACK2BASE_BASE_IMAGE", "debian:bookworm-slim", false, nullptr,
   "Base image the session image is built on"},
  {"BACK2BASE_EXTRA_CA_CERTS", "", false, nullptr,
   "PEM file of extra CA certificates to trust in the image (for "
   "TLS-intercepting proxies)"},
  {"BACK2BASE_CPU_LIMIT", "4.0", false, nullptr,
   "CPUs the session may use"},
  {"BACK2BASE_MEMORY_LIMIT", "8g", false, nullptr,
   "Memory the session may use"},
  {"BACK2BASE_CLAUDE_HEAP_MB", "1024", false, nullptr,
   "Node.js heap for Claude Code, in MiB"},
  {"TZ", "", false, "BACK2BASE_TZ",
   "Time zone inside the session (\"Europe/Paris\"); default: UTC"},
  {"BACK2BASE_MANAGED_SETTINGS_DIR", "", false, nullptr,
   "Claude Code managed settings to mount read-only; default: "
   "/etc/claude-code (Linux), /Library/Application Support/ClaudeCode "
   "(macOS)"},
  {"BACK2BASE_ALLOW_DOMAINS", "", false, nullptr,
   "More host names the firewall lets a session reach, comma-separated; "
   "\"*.example.com\" allows every name under example.com"},
  {"BACK2BASE_NETWORKS", "", false, nullptr,
   "Engine networks a session joins as well, comma-separated, to reach "
   "services the user runs there (names still need the allowlist)"},
  {"DISABLE_FIREWALL", "0", false, nullptr,
   "1 to start without the outbound firewall: the agent can reach anything"},
  // Plugins and updates.
  {"BACK2BASE_ALLOW_UNSIGNED_PLUGINS", "0", false, nullptr,
   "1 to load plugins without a signature, with a warning, where the "
   "administrator's policy allows it"},
  {"BACK2BASE_NO_UPDATE_CHECK", "0", false, nullptr,
   "1 to skip the daily check for a new release"},
  {"BACK2BASE_UPDATE_URL", "", false, nullptr,
   "Release index that update and the daily check read; default: the "
   "one this build was made for"},
  {"BACK2BASE_UPDATE_TIMEOUT", "30", false, nullptr,
   "Seconds a download may go without a byte before update gives up"},
  // Tokens for MCP servers: each reaches a session only when its profile
  // loads a server that needs it. From the shell, use the BACK2BASE_ name.
  // A token named by a server the user added works the same way without
  // being listed here.
  {"GITHUB_TOKEN", "", true, "BACK2BASE_GITHUB_TOKEN",
   "GitHub token for the github MCP server"},
  {"CONTEXT7_API_KEY", "", true, "BACK2BASE_CONTEXT7_API_KEY",
   "Context7 key for the context7 MCP server"},
  {"BRAVE_API_KEY", "", true, "BACK2BASE_BRAVE_API_KEY",
   "Brave Search key for the brave-search MCP server"},
  {"CF_AIG_TOKEN", "", true, "BACK2BASE_CF_AIG_TOKEN",
   "Cloudflare AI Gateway token"},
  {"CUSTOM_API_HEADER", "", true, "BACK2BASE_CUSTOM_API_HEADER",
   "Extra HTTP header for an Anthropic-compatible gateway (\"Name: value\")"},
  {"AWS_PROFILE", "default", false, "BACK2BASE_AWS_PROFILE",
   "AWS profile for tools in the session that use the mounted ~/.aws"},
  {"AWS_REGION", "us-east-1", false, "BACK2BASE_AWS_REGION",
   "AWS region for tools in the session that use the mounted ~/.aws"},
};
// clang-format on

// Whether a key's values are hidden: a known setting says; any other key
// is hidden unless it plainly is not a credential, since a value shown
// once in a log cannot be taken back.
bool is_secret(const SettingSpec* spec) {
  return spec == nullptr || spec->secret;
}

// The name a setting is read under from the process environment: its own
// for the known ones that say so, else the BACK2BASE_ form, so that a bare
// variable exported for another tool is never picked up.
std::string environment_name_of(std::string_view name,
                                const SettingSpec* spec) {
  if (spec != nullptr) {
    return spec->environment_name != nullptr ? spec->environment_name
                                             : spec->name;
  }
  return name.starts_with("BACK2BASE_") ? std::string(name)
                                        : "BACK2BASE_" + std::string(name);
}

std::string_view origin_name(Origin origin) {
  switch (origin) {
    case Origin::flag:
      return "flag";
    case Origin::environment:
      return "environment";
    case Origin::file:
      return "env file";
    case Origin::default_value:
      return "default";
  }
  return "?";
}

}  // namespace

std::span<const SettingSpec> known_settings() {
  return k_settings;
}

const SettingSpec* find_setting(std::string_view name) {
  for (const SettingSpec& spec : k_settings) {
    if (name == spec.name) {
      return &spec;
    }
  }
  return nullptr;
}

std::string described(const Setting& setting) {
  switch (setting.origin) {
    case Origin::flag:
      return setting.where;
    case Origin::environment:
      return setting.where + " (environment)";
    case Origin::file:
      return setting.name + " (" + setting.where + ")";
    case Origin::default_value:
      break;
  }
  return setting.name + " (default)";
}

std::string redacted(std::string_view secret) {
  return "[redacted, " + std::to_string(secret.size()) + " characters]";
}

Settings::Settings(const Environment& environment, EnvFile file, Flags flags)
    : m_environment(environment),
      m_file(std::move(file)),
      m_flags(std::move(flags)) {
  // Every value that may be secret, from every source, whether it wins or
  // not: a shadowed one can still turn up in an error or a child's output.
  for (const SettingSpec& spec : k_settings) {
    if (spec.secret) {
      const std::string shell_name = environment_name_of(spec.name, &spec);
      for (std::string_view name :
           {std::string_view(spec.name), std::string_view(shell_name)}) {
        if (std::optional<std::string> value = m_environment.get(name)) {
          log::add_secret(*value);
        }
      }
    }
  }
  for (const EnvEntry& entry : m_file.entries()) {
    const SettingSpec* spec = find_setting(entry.key);
    bool alias = std::any_of(
        std::begin(k_settings), std::end(k_settings), [&](const auto& s) {
          return s.secret && s.environment_name != nullptr &&
                 entry.key == s.environment_name;
        });
    if (alias || is_secret(spec)) {
      log::add_secret(entry.value);
    }
  }
  for (const auto& [name, flag] : m_flags) {
    if (is_secret(find_setting(name))) {
      log::add_secret(flag.value);
    }
  }
}

std::optional<Setting> Settings::get(std::string_view name) const {
  const SettingSpec* spec = find_setting(name);
  return lookup(name, environment_name_of(name, spec), spec);
}

std::vector<Setting> Settings::tokens_for(
    std::span<const std::string> needed) const {
  std::vector<Setting> tokens;
  for (const std::string& name : needed) {
    std::optional<Setting> token =
        lookup(name, "BACK2BASE_" + name, find_setting(name));
    if (token && !token->value.empty()) {
      token->secret = true;
      log::add_secret(token->value);
      tokens.push_back(std::move(*token));
    }
  }
  return tokens;
}

std::optional<Setting> Settings::lookup(std::string_view name,
                                        std::string_view shell_name,
                                        const SettingSpec* spec) const {
  Setting setting;
  setting.name = std::string(name);
  setting.secret = is_secret(spec);

  if (auto flag = m_flags.find(name); flag != m_flags.end()) {
    setting.value = flag->second.value;
    setting.origin = Origin::flag;
    setting.where = flag->second.flag;
    return setting;
  }
  if (std::optional<std::string> value = m_environment.get(shell_name)) {
    setting.value = *value;
    setting.origin = Origin::environment;
    setting.where = std::string(shell_name);
    return setting;
  }
  // The env file is back2base's own: a token may be set there under either
  // name.
  const EnvEntry* entry = m_file.find(name);
  if (entry == nullptr && shell_name != name) {
    entry = m_file.find(shell_name);
  }
  if (entry != nullptr) {
    setting.value = entry->value;
    setting.origin = Origin::file;
    setting.where = m_file.path().string() + ":" + std::to_string(entry->line);
    return setting;
  }
  if (spec != nullptr && *spec->default_value != '\0') {
    setting.value = spec->default_value;
    setting.origin = Origin::default_value;
    setting.where = "default";
    return setting;
  }
  return std::nullopt;
}

std::optional<std::string> Settings::value(std::string_view name) const {
  std::optional<Setting> setting = get(name);
  if (!setting) {
    return std::nullopt;
  }
  return setting->value;
}

bool Settings::flag(std::string_view name) const {
  std::string text = value(name).value_or("");
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text == "1" || text == "true" || text == "yes" || text == "on";
}

std::vector<Setting> Settings::effective() const {
  std::vector<Setting> all;
  for (const SettingSpec& spec : k_settings) {
    if (std::optional<Setting> setting = get(spec.name)) {
      all.push_back(std::move(*setting));
    }
  }
  for (const EnvEntry& entry : m_file.entries()) {
    bool known = std::any_of(all.begin(), all.end(), [&](const Setting& s) {
      return s.name == entry.key;
    });
    bool alias = std::any_of(std::begin(k_settings), std::end(k_settings),
                             [&](const auto& spec) {
                               return spec.environment_name != nullptr &&
                                      entry.key == spec.environment_name;
                             });
    if (!known && !alias && find_setting(entry.key) == nullptr) {
      all.push_back(*get(entry.key));
    }
  }
  return all;
}

void Settings::log_effective() const {
  if (!log::enabled(log::Level::debug)) {
    return;
  }
  for (const Setting& setting : effective()) {
    std::string shown =
        setting.secret ? redacted(setting.value) : util::quote(setting.value);
    log::debug(
        "setting " + setting.name + " = " + shown + " (" +
        std::string(origin_name(setting.origin)) +
        (setting.origin == Origin::default_value ? "" : ": " + setting.where) +
        ")");
  }
}

}  // namespace b2b::config
