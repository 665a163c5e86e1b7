// SPDX-License-Identifier: Apache-2.0
#include "create_flags.hpp"

namespace b2b::podman {
namespace {

void add(std::vector<std::string>& argv, const std::string& flag,
         const std::string& value) {
  argv.push_back(flag);
  argv.push_back(value);
}

std::string volume(const sdk::Mount& mount) {
  return mount.source + ":" + mount.target + (mount.read_only ? ":ro" : "");
}

}  // namespace

std::vector<std::string> create_arguments(const sdk::LaunchSpec& spec,
                                          const sdk::ContainerSpec& container,
                                          const std::string& network,
                                          bool rootless) {
  std::vector<std::string> argv = {"podman", "create", "--name",
                                   container.name};
  for (const auto& [name, value] : spec.labels) {
    add(argv, "--label", name + "=" + value);
  }
  if (!network.empty()) {
    add(argv, "--network", network);
  } else {
    for (const std::string& joined : spec.networks) {
      add(argv, "--network", joined);
    }
  }
  // Rootless, the agent's files must be the user's (keep-id), and it may
  // mount /sys in the sidecar's network namespace only from the user
  // namespace that owns it: so the sidecar takes keep-id, as root inside
  // it, and the agent joins its user namespace with its network one.
  if (rootless && network.starts_with("container:")) {
    add(argv, "--userns", network);
  } else if (rootless) {
    add(argv, "--userns", "keep-id");
    if (container.user.empty()) {
      add(argv, "--user", "0:0");
    }
  }
  for (const std::string& cap : container.cap_drop) {
    add(argv, "--cap-drop", cap);
  }
  for (const std::string& cap : container.cap_add) {
    add(argv, "--cap-add", cap);
  }
  for (const std::string& option : container.security_opt) {
    add(argv, "--security-opt", option);
  }
  const bool agent = &container == &spec.agent;
  if (agent && !spec.cpu_limit.empty()) {
    add(argv, "--cpus", spec.cpu_limit);
  }
  if (agent && !spec.memory_limit.empty()) {
    add(argv, "--memory", spec.memory_limit);
  }
  for (const sdk::Mount& mount : container.mounts) {
    add(argv, "--volume", volume(mount));
  }
  for (const sdk::EnvVar& variable : container.environment) {
    add(argv, "--env",
        variable.secret ? variable.name : variable.name + "=" + variable.value);
  }
  if (!container.user.empty()) {
    add(argv, "--user", container.user);
  }
  if (!container.workdir.empty()) {
    add(argv, "--workdir", container.workdir);
  }
  if (container.interactive) {
    argv.push_back("--interactive");
  }
  if (container.tty) {
    argv.push_back("--tty");
  }
  // The entrypoint's program by --entrypoint, its arguments after the
  // image and before the command, as both engines take them.
  if (!container.entrypoint.empty()) {
    add(argv, "--entrypoint", container.entrypoint.front());
  }
  argv.push_back(spec.image);
  if (!container.entrypoint.empty()) {
    argv.insert(argv.end(), container.entrypoint.begin() + 1,
                container.entrypoint.end());
  }
  argv.insert(argv.end(), container.command.begin(), container.command.end());
  return argv;
}

}  // namespace b2b::podman
