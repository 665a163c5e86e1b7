// SPDX-License-Identifier: Apache-2.0
#include "core/app/doctor.hpp"

#include "core/app/plan.hpp"
#include "core/config/mcp_registry.hpp"
#include "core/config/profiles.hpp"
#include "core/config/settings.hpp"
#include "core/config/state.hpp"
#include "core/launch/credentials.hpp"
#include "core/payload/payload.hpp"
#include "core/plugin/guard.hpp"
#include "core/plugin/registry.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace b2b::app {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "no output" : line;
}

// The first line `argv` prints, or why there is none.
struct Answer {
  bool ok = false;
  std::string text;
};

Answer ask(process::ProcessRunner& runner,
           const std::vector<std::string>& argv) {
  process::ProcessResult result = runner.run(argv, 5s);
  if (result.succeeded()) {
    return {true, first_line(result.out)};
  }
  return {false, !result.started    ? argv[0] + " is not installed"
                 : result.timed_out ? argv[0] + " did not answer in 5s"
                                    : first_line(result.err)};
}

Check check_config_dir(Context& context) {
  const fs::path& dir = context.paths().config_dir;
  std::error_code error;
  if (!fs::exists(dir, error)) {
    return {"config directory", CheckStatus::pass,
            dir.string() + " (made by install or the first launch)", ""};
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    return {"config directory", CheckStatus::fail,
            dir.string() + " is not writable",
            "fix its owner or permissions, or set BACK2BASE_CONFIG"};
  }
  return {"config directory", CheckStatus::pass, dir.string(), ""};
}

Check check_env_file(Context& context) {
  const fs::path file = context.paths().env_file();
  struct stat info {};
  if (::stat(file.c_str(), &info) != 0) {
    if (errno != ENOENT) {
      return {"env file", CheckStatus::fail,
              file.string() + ": " + std::strerror(errno),
              "fix its permissions or those of its directory"};
    }
    return {"env file", CheckStatus::warn, file.string() + " does not exist",
            "run \"oss-back2base install\" to create it from the template"};
  }
  try {
    context.settings();
  } catch (const Error& e) {
    return {"env file", CheckStatus::fail, e.what(),
            "fix what it names; the file is read as Docker Compose reads "
            "env files"};
  }
  if ((info.st_mode & 077) != 0) {
    return {"env file", CheckStatus::warn,
            file.string() + " has mode " +
                util::octal_mode(info.st_mode & 07777) + ": others can read it",
            "run \"chmod 600 " + file.string() + "\""};
  }
  return {"env file", CheckStatus::pass, file.string() + " (0600)", ""};
}

Check check_policy(Context& context) {
  const plugin::Policy& policy = context.policy();
  if (policy.source.empty()) {
    return {"plugin policy", CheckStatus::pass,
            "none (" + context.paths().policy_file().string() + " is absent)",
            ""};
  }
  return {"plugin policy", CheckStatus::pass,
          policy.source + ": unsigned plugins " +
              (policy.allow_unsigned_plugins ? "may" : "may not") +
              " be allowed, user keys " +
              (policy.allow_user_keys ? "count" : "ignored") +
              ", user plugins " +
              (policy.allow_user_plugins ? "searched" : "ignored"),
          ""};
}

Check check_plugins(Context& context) {
  std::size_t loaded = 0;
  std::vector<std::string> refused;
  for (const plugin::PluginRecord& record : context.plugins().records()) {
    if (record.status == plugin::Status::loaded) {
      ++loaded;
    } else if (record.status == plugin::Status::refused) {
      refused.push_back(record.path.filename().string());
    }
  }
  std::string detail = std::to_string(loaded) + " loaded and verified, " +
                       std::to_string(context.trusted_keys().size()) +
                       " trusted key(s)";
  if (context.plugins().runtimes().empty()) {
    return {"plugins", CheckStatus::fail, detail + "; no runtime plugin",
            "reinstall oss-back2base; \"oss-back2base plugin list\" shows "
            "what was found"};
  }
  if (!refused.empty()) {
    return {"plugins", CheckStatus::warn,
            detail + "; refused: " + util::join(refused),
            "\"oss-back2base plugin list\" says why"};
  }
  return {"plugins", CheckStatus::pass, detail, ""};
}

// The credential a session would use, asked as a launch asks.
Check check_credentials(Context& context) {
  const std::string env_file = context.paths().env_file().string();
  launch::CredentialChoice choice;
  try {
    choice = launch::resolve_credentials(launch::ordered_providers(
        context.plugins().auth_providers(), context.settings()));
  } catch (const Error& e) {
    return {"credential", CheckStatus::fail, e.what(),
            "fix the provider's settings in " + env_file};
  }
  if (choice.provider.empty()) {
    return {"credential", CheckStatus::fail, "none configured",
            launch::how_to_get_a_credential(env_file)};
  }
  std::string used = choice.provider;
  for (const sdk::Credential& credential : choice.credentials) {
    used += (used == choice.provider ? ": " : ", ") + credential.variable +
            " = " + config::redacted(credential.value);
  }
  if (!choice.also_configured.empty()) {
    return {"credential", CheckStatus::warn,
            used + "; also configured: " + util::join(choice.also_configured),
            "remove the ones you do not mean to use, or order them with "
            "BACK2BASE_AUTH; the first wins"};
  }
  return {"credential", CheckStatus::pass, used, ""};
}

Check check_payload(Context& context) {
  const fs::path dir = context.paths().payload_dir();
  std::string on_disk = payload::tree_hash(dir);
  std::string wanted = payload::payload_hash(payload::embedded_payload());
  if (on_disk == wanted) {
    return {"payload", CheckStatus::pass,
            dir.string() + " (" + wanted.substr(0, 12) + ")", ""};
  }
  return {"payload", CheckStatus::warn,
          dir.string() + (on_disk.empty() ? " is not extracted"
                                          : " differs from this version's"),
          "run \"oss-back2base install\" (a launch also refreshes it)"};
}

// The registry and the profiles a launch reads, checked whole: a mistake
// in either stops every launch, so doctor names it first.
Check check_profiles(Context& context) {
  config::McpRegistry registry = config::load_registry(context.paths());
  config::ProfileSet profiles =
      config::load_profiles(context.paths(), known_servers(registry));
  return {"profiles", CheckStatus::pass,
          std::to_string(profiles.profiles.size()) + " profiles from " +
              profiles.source + ", " + std::to_string(registry.servers.size()) +
              " servers from " + registry.source,
          ""};
}

Check check_managed_settings(Context& context) {
  config::ManagedSettings managed =
      config::probe_managed_settings(context.settings());
  if (managed.found.empty()) {
    return {"managed settings", CheckStatus::pass,
            "none in " + managed.dir.string(), ""};
  }
  std::vector<std::string> names;
  for (const fs::path& path : managed.found) {
    names.push_back(path.filename().string());
  }
  return {"managed settings", CheckStatus::pass,
          util::join(names) + " from " + managed.dir.string() +
              ", mounted read-only at /etc/claude-code",
          ""};
}

// The firewall sidecar programs the kernel's netfilter for both families.
Check check_firewall_prerequisites() {
  std::error_code error;
  bool netfilter = fs::exists("/proc/sys/net/netfilter", error);
  bool ipv6 = fs::exists("/proc/sys/net/ipv6", error);
  if (netfilter) {
    return {"firewall prerequisites", CheckStatus::pass,
            std::string("netfilter available") +
                (ipv6 ? ", IPv6 too" : "; IPv6 is off, so only IPv4 rules"),
            ""};
  }
  return {"firewall prerequisites", CheckStatus::fail,
          "this kernel has no netfilter, so the firewall cannot work",
          "use a kernel with netfilter (iptables) support"};
}

}  // namespace

std::string_view status_name(CheckStatus status) {
  switch (status) {
    case CheckStatus::pass:
      return "pass";
    case CheckStatus::warn:
      return "warn";
    case CheckStatus::fail:
      return "fail";
  }
  return "?";
}

Check check_container_runtime(process::ProcessRunner& runner) {
  Answer docker =
      ask(runner, {"docker", "version", "--format", "{{.Server.Version}}"});
  Answer compose = ask(runner, {"docker", "compose", "version", "--short"});
  std::string compose_text = "Compose v2 " + compose.text;
  if (!compose.ok) {
    compose = ask(runner, {"docker-compose", "version", "--short"});
    compose_text = "Compose v1 " + compose.text;
  }
  Answer podman =
      ask(runner, {"podman", "version", "--format", "{{.Client.Version}}"});
  std::string docker_text =
      docker.ok
          ? "Docker " + docker.text +
                (compose.ok ? " with " + compose_text : " without Compose")
          : "Docker: " + docker.text;
  std::string podman_text =
      podman.ok ? "Podman " + podman.text : "Podman: " + podman.text;
  std::string detail = docker_text + "; " + podman_text;
  if ((docker.ok && compose.ok) || podman.ok) {
    return {"container runtime", CheckStatus::pass, detail, ""};
  }
  return {"container runtime", CheckStatus::fail, detail,
          "install docker.io and docker-compose (and start Docker: sudo "
          "systemctl start docker), or install podman"};
}

std::vector<Check> run_doctor(Context& context,
                              process::ProcessRunner& runner) {
  auto check = [](const char* name, auto&& make) {
    return check_or_fail(name, "fix what it names", make);
  };
  std::vector<Check> checks;
  checks.push_back(
      check("config directory", [&] { return check_config_dir(context); }));
  checks.push_back(check_container_runtime(runner));
  checks.push_back(check("payload", [&] { return check_payload(context); }));
  checks.push_back(check("env file", [&] { return check_env_file(context); }));
  checks.push_back(
      check("plugin policy", [&] { return check_policy(context); }));
  if (checks.back().status == CheckStatus::pass) {
    checks.push_back(check("plugins", [&] { return check_plugins(context); }));
    checks.push_back(
        check("credential", [&] { return check_credentials(context); }));
  }
  checks.push_back(check("profiles", [&] { return check_profiles(context); }));
  checks.push_back(check("managed settings",
                         [&] { return check_managed_settings(context); }));
  checks.push_back(check_firewall_prerequisites());
  return checks;
}

}  // namespace b2b::app
