// SPDX-License-Identifier: Apache-2.0
#include "core/app/doctor.hpp"

#include "core/plugin/registry.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <unistd.h>

#include <algorithm>

namespace b2b::app {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  return line.empty() ? "no output" : line;
}

Check check_config_dir(Context& context) {
  const fs::path& dir = context.paths().config_dir;
  std::error_code error;
  if (!fs::exists(dir, error)) {
    return {"config directory", CheckStatus::ok,
            dir.string() + " (created on first use)", ""};
  }
  if (::access(dir.c_str(), W_OK) != 0) {
    return {"config directory", CheckStatus::failed,
            dir.string() + " is not writable",
            "fix its owner or permissions, or set BACK2BASE_CONFIG"};
  }
  return {"config directory", CheckStatus::ok, dir.string(), ""};
}

Check check_policy(Context& context) {
  try {
    const plugin::Policy& policy = context.policy();
    if (policy.source.empty()) {
      return {"plugin policy", CheckStatus::ok,
              "none (" + context.paths().policy_file().string() +
                  " does not exist)",
              ""};
    }
    std::string detail = policy.source + ": unsigned plugins " +
                         (policy.allow_unsigned_plugins ? "may" : "may not") +
                         " be allowed, user keys " +
                         (policy.allow_user_keys ? "count" : "ignored") +
                         ", user plugins " +
                         (policy.allow_user_plugins ? "searched" : "ignored");
    return {"plugin policy", CheckStatus::ok, detail, ""};
  } catch (const Error& e) {
    return {"plugin policy", CheckStatus::failed, e.what(),
            "ask the administrator to fix the file; no plugin loads until "
            "it is readable"};
  }
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
  std::string detail = std::to_string(loaded) + " loaded, from " +
                       std::to_string(context.trusted_keys().size()) +
                       " trusted key(s)";
  if (refused.empty()) {
    return {"plugins", CheckStatus::ok, detail, ""};
  }
  detail += "; refused:";
  for (const std::string& name : refused) {
    detail += " " + name;
  }
  return {"plugins", CheckStatus::warning, detail,
          "\"oss-back2base plugin list\" says why"};
}

Check check_runtime_plugins(Context& context) {
  std::vector<std::string> names;
  for (const auto& runtime : context.plugins().runtimes()) {
    names.push_back(runtime.name);
  }
  if (names.empty()) {
    return {"runtime plugins", CheckStatus::failed, "none loaded",
            "reinstall oss-back2base; \"oss-back2base plugin list\" shows "
            "what was found"};
  }
  std::string detail;
  for (const std::string& name : names) {
    detail += (detail.empty() ? "" : ", ") + name;
  }
  return {"runtime plugins", CheckStatus::ok, detail, ""};
}

// Asks `argv` and reports its first line of output as the detail.
Check check_engine(process::ProcessRunner& runner, std::string name,
                   const std::vector<std::string>& argv, std::string hint) {
  process::ProcessResult result = runner.run(argv, 5s);
  if (result.succeeded()) {
    return {std::move(name), CheckStatus::ok, first_line(result.out), ""};
  }
  std::string detail = !result.started    ? argv[0] + " is not installed"
                       : result.timed_out ? argv[0] + " did not answer in 5s"
                                          : first_line(result.err);
  return {std::move(name), CheckStatus::skipped, detail, std::move(hint)};
}

Check check_compose(process::ProcessRunner& runner) {
  Check v2 = check_engine(runner, "docker compose",
                          {"docker", "compose", "version", "--short"}, "");
  if (v2.status == CheckStatus::ok) {
    v2.detail = "v2 " + v2.detail;
    return v2;
  }
  Check v1 = check_engine(runner, "docker compose",
                          {"docker-compose", "version", "--short"},
                          "install the docker-compose-plugin or "
                          "docker-compose package");
  if (v1.status == CheckStatus::ok) {
    v1.detail = "v1 " + v1.detail;
  }
  return v1;
}

// At least one engine must work; the others are only reported.
Check summarise_engines(const std::vector<Check>& engines) {
  bool docker = engines[0].status == CheckStatus::ok &&
                engines[1].status == CheckStatus::ok;
  bool podman = engines[2].status == CheckStatus::ok;
  if (docker || podman) {
    return {"container engine", CheckStatus::ok,
            docker && podman ? "Docker with Compose, and Podman"
            : docker         ? "Docker with Compose"
                             : "Podman",
            ""};
  }
  return {"container engine", CheckStatus::failed,
          "neither Docker with Compose nor Podman answered",
          "install docker.io and docker-compose, or podman, and start the "
          "engine (sudo systemctl start docker)"};
}

}  // namespace

std::vector<Check> run_doctor(Context& context,
                              process::ProcessRunner& runner) {
  std::vector<Check> checks;
  checks.push_back(check_config_dir(context));
  checks.push_back(check_policy(context));
  if (checks.back().status != CheckStatus::failed) {
    checks.push_back(check_plugins(context));
    checks.push_back(check_runtime_plugins(context));
  }
  std::vector<Check> engines = {
      check_engine(runner, "docker engine",
                   {"docker", "version", "--format", "{{.Server.Version}}"},
                   "start Docker (sudo systemctl start docker), or use "
                   "Podman"),
      check_compose(runner),
      check_engine(runner, "podman",
                   {"podman", "version", "--format", "{{.Client.Version}}"},
                   "install podman to use it instead of Docker"),
  };
  checks.insert(checks.end(), engines.begin(), engines.end());
  checks.push_back(summarise_engines(engines));
  return checks;
}

}  // namespace b2b::app
