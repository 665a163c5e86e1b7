// SPDX-License-Identifier: Apache-2.0
#include "core/launch/session_spec.hpp"

#include "core/config/state.hpp"
#include "core/launch/claude_sessions.hpp"

#include <sys/stat.h>

#include <cstdlib>
#include <thread>

namespace b2b::launch {
namespace fs = std::filesystem;

namespace {

constexpr const char* k_agent_home = "/home/agent";
constexpr const char* k_docker_socket = "/var/run/docker.sock";

bool present(const fs::path& path) {
  std::error_code error;
  return fs::exists(path, error);
}

bool is_socket(const std::string& path) {
  struct stat info {};
  return !path.empty() && ::stat(path.c_str(), &info) == 0 &&
         S_ISSOCK(info.st_mode);
}

void add_env(sdk::ContainerSpec& container, std::string name, std::string value,
             bool secret = false) {
  container.environment.push_back({std::move(name), std::move(value), secret});
}

void add_mount(sdk::ContainerSpec& container, const fs::path& source,
               std::string target, bool read_only) {
  container.mounts.push_back({source.string(), std::move(target), read_only});
}

std::string setting_or(const config::Settings& settings, std::string_view name,
                       std::string fallback = "") {
  std::string value = settings.value(name).value_or("");
  return value.empty() ? fallback : value;
}

std::string join(const std::vector<std::string>& items, char separator) {
  std::string out;
  for (const std::string& item : items) {
    out += (out.empty() ? "" : std::string(1, separator)) + item;
  }
  return out;
}

// The sidecar: it alone may change the rules, and needs no more than that,
// its resolver's port, and the ids it drops to.
sdk::ContainerSpec firewall_container(const SessionInputs& in,
                                      const std::string& project) {
  sdk::ContainerSpec c;
  c.name = project + "-firewall";
  c.entrypoint = {"/usr/bin/tini", "--", "/opt/back2base/firewall/sidecar.sh"};
  c.cap_drop = {"ALL"};
  c.cap_add = {"NET_ADMIN", "NET_RAW", "NET_BIND_SERVICE", "SETUID", "SETGID"};
  c.security_opt = {"no-new-privileges"};
  add_mount(c, in.dir.session(), "/run/back2base/session", true);
  add_mount(c, in.dir.firewall(), "/run/back2base/firewall", false);
  if (!in.firewall) {
    add_env(c, "DISABLE_FIREWALL", "1");
  }
  return c;
}

// What of the user's machine the agent sees: the workspace, its state, and
// the user's tool configuration that exists, read-only. Never a private
// key: SSH goes through the user's agent socket.
void add_agent_mounts(sdk::ContainerSpec& c, const SessionInputs& in,
                      const config::Settings& settings) {
  add_mount(c, in.workspace, "/workspace", false);
  for (const char* part : {".git/hooks", ".git/config"}) {
    if (present(in.workspace / part)) {
      add_mount(c, in.workspace / part, std::string("/workspace/") + part,
                true);
    }
  }
  for (const ExtraDir& dir : in.extra_dirs) {
    add_mount(c, dir.source, dir.target, dir.read_only);
  }
  add_mount(c, in.state_dir, std::string(k_agent_home) + "/.claude", false);
  // Each project's transcripts apart, though every one is /workspace.
  add_mount(c, sessions_dir(in.state_dir, in.namespace_name),
            std::string(k_agent_home) + "/.claude/projects/-workspace", false);
  add_mount(c, in.dir.session(), "/run/back2base/session", true);
  add_mount(c, in.dir.firewall(), "/run/back2base/firewall", true);
  add_mount(c, in.dir.session() / "resolv.conf", "/etc/resolv.conf", true);
  if (in.command == AgentCommand::login) {
    add_mount(c, in.dir.login(), "/run/back2base/login", false);
  }

  const std::string home = k_agent_home;
  for (const char* dotfile : {".gitconfig", ".ssh/known_hosts", ".ssh/config",
                              ".aws", ".kube", ".config/gh"}) {
    if (!in.home.empty() && present(in.home / dotfile)) {
      add_mount(c, in.home / dotfile, home + "/" + dotfile, true);
    }
  }
  if (in.docker_socket && is_socket(k_docker_socket)) {
    add_mount(c, k_docker_socket, k_docker_socket, false);
  }
  const char* ssh_agent = std::getenv("SSH_AUTH_SOCK");
  if (ssh_agent != nullptr && is_socket(ssh_agent)) {
    add_mount(c, ssh_agent, "/run/back2base/ssh-agent.sock", false);
    add_env(c, "SSH_AUTH_SOCK", "/run/back2base/ssh-agent.sock");
  }
  config::ManagedSettings managed = config::probe_managed_settings(settings);
  for (const fs::path& found : managed.found) {
    add_mount(c, found, "/etc/claude-code/" + found.filename().string(), true);
  }
  if (std::optional<fs::path> data = config::prepare_data_dir(settings)) {
    add_mount(c, *data / "plans", home + "/.claude/plans", false);
    add_mount(c, *data / "memories", home + "/.claude/memories", false);
  }
}

std::vector<std::string> claude_arguments(const SessionInputs& in,
                                          const config::Settings& settings) {
  std::vector<std::string> args;
  std::string model = setting_or(settings, "BACK2BASE_MODEL");
  if (!model.empty()) {
    args.insert(args.end(), {"--model", model});
  }
  for (const ExtraDir& dir : in.extra_dirs) {
    args.insert(args.end(), {"--add-dir", dir.target});
  }
  args.insert(args.end(), in.arguments.begin(), in.arguments.end());
  return args;
}

sdk::ContainerSpec agent_container(const SessionInputs& in,
                                   const std::string& project,
                                   const config::Settings& settings) {
  sdk::ContainerSpec c;
  c.name = project + "-agent";
  // Its root step needs these to take the host user's ids (SETPCAP to
  // empty the bounding set when that user is root); then it drops them
  // all, for good.
  c.cap_drop = {"ALL"};
  c.cap_add = {"CHOWN", "SETUID", "SETGID", "SETPCAP"};
  c.security_opt = {"no-new-privileges"};
  c.workdir = "/workspace";
  c.tty = in.terminal;
  c.interactive = in.terminal;
  add_agent_mounts(c, in, settings);

  add_env(c, "BACK2BASE_HOST_UID", std::to_string(in.uid));
  add_env(c, "BACK2BASE_HOST_GID", std::to_string(in.gid));
  add_env(c, "BACK2BASE_NAMESPACE", in.namespace_name);
  add_env(c, "BACK2BASE_PROFILE", join(in.profiles, '+'));
  std::string base_url = setting_or(settings, "BACK2BASE_ANTHROPIC_BASE_URL");
  if (!base_url.empty()) {
    add_env(c, "ANTHROPIC_BASE_URL", base_url);
  }
  std::string tz = setting_or(settings, "TZ");
  if (!tz.empty()) {
    add_env(c, "TZ", tz);
  }
  if (!in.firewall) {
    add_env(c, "DISABLE_FIREWALL", "1");
  }
  if (in.command == AgentCommand::shell) {
    add_env(c, "BACK2BASE_SHELL", "1");
  }
  if (in.command == AgentCommand::login) {
    add_env(c, "BACK2BASE_LOGIN", "1");
  }
  if (in.overview) {
    add_env(c, "BACK2BASE_OVERVIEW", "1");
  }
  for (const sdk::Credential& credential : in.credentials) {
    add_env(c, credential.variable, credential.value, true);
  }
  for (const sdk::EnvVar& token : in.server_tokens) {
    add_env(c, token.name, token.value, true);
  }
  c.command = in.command == AgentCommand::claude
                  ? claude_arguments(in, settings)
                  : in.arguments;
  return c;
}

// No more CPUs than the machine has: Docker refuses a limit beyond them,
// and on a smaller machine the default means "all of them".
std::string cpu_limit(const std::string& asked) {
  unsigned cpus = std::thread::hardware_concurrency();
  char* end = nullptr;
  double value = std::strtod(asked.c_str(), &end);
  if (asked.empty() || cpus == 0 || end == asked.c_str() || *end != '\0' ||
      value <= cpus) {
    return asked;
  }
  return std::to_string(cpus);
}

}  // namespace

sdk::LaunchSpec make_session_spec(const SessionInputs& in,
                                  const config::Settings& settings,
                                  std::string_view tool_version) {
  sdk::LaunchSpec spec;
  spec.project = "b2b-" + in.dir.id;
  spec.session_dir = in.dir.root.string();
  spec.image = in.image.tag;
  spec.payload_hash = in.image.hash;
  spec.firewall = firewall_container(in, spec.project);
  spec.agent = agent_container(in, spec.project, settings);
  spec.cpu_limit = cpu_limit(setting_or(settings, "BACK2BASE_CPU_LIMIT"));
  spec.memory_limit = setting_or(settings, "BACK2BASE_MEMORY_LIMIT");
  spec.networks = in.networks;
  spec.labels = {{"org.back2base.namespace", in.namespace_name},
                 {"org.back2base.workspace", in.workspace.string()},
                 {"org.back2base.session", in.dir.id},
                 {"org.back2base.version", std::string(tool_version)}};
  return spec;
}

}  // namespace b2b::launch
