// SPDX-License-Identifier: Apache-2.0
#include "core/app/help_topics.hpp"

#include "core/app/context.hpp"
#include "core/app/plan.hpp"
#include "core/config/allowlist.hpp"
#include "core/config/mcp_registry.hpp"
#include "core/config/profiles.hpp"
#include "core/config/settings.hpp"
#include "core/plugin/discovery.hpp"
#include "core/util/strings.hpp"

namespace b2b::app {
namespace {

std::string profiles_topic(Context& context) {
  const config::Paths& paths = context.paths();
  config::McpRegistry registry = config::load_registry(paths);
  config::ProfileSet profiles =
      config::load_profiles(paths, known_servers(registry));
  std::string out =
      "Profiles: which MCP servers a session loads, by the kind of work.\n"
      "\n"
      "  --profile NAME, or BACK2BASE_PROFILE, picks one. \"auto\" (the\n"
      "  default) lets the detector plugins look at the workspace and\n"
      "  unites the profiles they match (" +
      std::string(config::k_fallback_profile) +
      " when none does); \"last\" is\n"
      "  the one this project used last. An interactive session asks,\n"
      "  unless -y. \"oss-back2base plan\" shows the choice and why.\n"
      "\n"
      "Every profile loads: " +
      (profiles.core.empty() ? "nothing more" : util::join(profiles.core)) +
      "\n\n";
  for (const config::Profile& profile : profiles.profiles) {
    out += "  " + profile.name + ": " + profile.description + "\n    " +
           (profile.servers.empty() ? "no other server"
                                    : util::join(profile.servers)) +
           (profile.model ? "; model " + *profile.model : "") + "\n";
  }
  out += "\nRead from " + profiles.source +
         "; a profiles.json of your own in the state directory replaces "
         "it.\n";
  return out;
}

std::string firewall_topic(Context& context) {
  config::McpRegistry registry = config::load_registry(context.paths());
  std::string base;
  for (const config::AllowEntry& entry :
       config::build_allowlist(registry, {}, context.settings())) {
    base += "  " + entry.domain + "  (" + util::join(entry.origins) + ")\n";
  }
  return "The firewall: what a session may reach.\n"
         "\n"
         "A sidecar container owns the session's network namespace and its\n"
         "rules; the agent shares the namespace but has no capability to\n"
         "change them. Outbound traffic over IPv4 and IPv6 is refused\n"
         "(rejected, so tools fail fast) unless it goes to an address that\n"
         "an allowed name resolved to. The agent's only resolver is the\n"
         "sidecar's, which answers allowed names only. The agent starts\n"
         "only once the rules are in place and a self-test from its side\n"
         "of them has passed.\n"
         "\n"
         "Allowed: Claude Code's own hosts, the hosts the session's MCP\n"
         "servers declare, and BACK2BASE_ALLOW_DOMAINS (comma-separated;\n"
         "\"*.example.com\" allows every name under example.com). Here,\n"
         "before any server:\n" +
         base +
         "\n"
         "  oss-back2base plan             the whole allowlist, and why\n"
         "  oss-back2base firewall log     what the last session refused\n"
         "  --network NAME                 also join an engine network\n"
         "  --no-firewall, DISABLE_FIREWALL=1\n"
         "                                 no firewall at all, loudly\n";
}

std::string plugins_topic(Context& context) {
  std::string dirs;
  for (const plugin::PluginDirectory& dir :
       plugin::plugin_directories(context.paths(), context.policy())) {
    dirs += "  " + dir.path.string() + "  (" + dir.origin + ")\n";
  }
  return "Plugins: container runtimes, workspace detectors, auth providers.\n"
         "\n"
         "Each is a shared object with a detached minisign signature beside\n"
         "it (X.so.minisig), checked before a byte of it is loaded: by the\n"
         "key this build was made with, a key in\n"
         "~/.config/back2base/trusted-keys/, or one the administrator put\n"
         "in /etc/back2base/trusted-keys/. The signature must name the\n"
         "file, so one plugin cannot pose as another. An unsigned plugin\n"
         "loads only with --allow-unsigned-plugins, never where\n"
         "/etc/back2base/policy.json forbids it.\n"
         "\n"
         "Searched here, first match wins:\n" +
         dirs +
         "\n"
         "  oss-back2base plugin list          what was found, and each "
         "verdict\n"
         "  oss-back2base plugin keygen        a key of your own\n"
         "  oss-back2base plugin sign FILE     sign (as minisign -S "
         "does)\n"
         "  oss-back2base plugin trust KEY     trust an author's key\n"
         "\n"
         "Writing one: the SDK is installed with the tool "
         "(find_package(back2base-sdk)); its README says how.\n";
}

std::string env_topic(Context& context) {
  std::string out =
      "Settings: each from a flag, else the environment, else the env "
      "file,\nelse its default. The env file is " +
      context.paths().env_file().string() +
      "\n(KEY=value lines, 0600; \"oss-back2base install\" writes it with "
      "every\nsetting commented out). Credentials and tokens are read from "
      "the\nenvironment only under their BACK2BASE_ name.\n\n";
  for (const config::SettingSpec& spec : config::known_settings()) {
    out += "  " + std::string(spec.name);
    if (spec.environment_name != nullptr &&
        std::string_view(spec.environment_name) != spec.name) {
      out += " (environment: " + std::string(spec.environment_name) + ")";
    }
    out += "\n    " + std::string(spec.description);
    if (*spec.default_value != '\0') {
      out += std::string("; default ") + spec.default_value;
    }
    out += "\n";
  }
  out +=
      "\n\"oss-back2base -vv status\" shows each effective value and "
      "where it\ncame from.\n";
  return out;
}

}  // namespace

const std::vector<std::string>& help_topics() {
  static const std::vector<std::string> topics = {"env", "firewall", "plugins",
                                                  "profiles"};
  return topics;
}

std::string help_topic(Context& context, std::string_view topic) {
  if (topic == "env") {
    return env_topic(context);
  }
  if (topic == "firewall") {
    return firewall_topic(context);
  }
  if (topic == "plugins") {
    return plugins_topic(context);
  }
  if (topic == "profiles") {
    return profiles_topic(context);
  }
  return "";
}

}  // namespace b2b::app
