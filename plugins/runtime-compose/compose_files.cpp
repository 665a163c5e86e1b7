// SPDX-License-Identifier: Apache-2.0
#include "compose_files.hpp"

#include <boost/json.hpp>

namespace b2b::compose {
namespace {

namespace json = boost::json;

// Compose replaces "$NAME" and "${NAME}" in every value with the variable
// from its own environment; "$$" is its one way to write "$". Every string
// goes through here, so a prompt or a path is passed on as it was typed.
json::string literal(std::string_view text) {
  json::string out;
  for (char c : text) {
    out.push_back(c);
    if (c == '$') {
      out.push_back('$');
    }
  }
  return out;
}

json::array strings(const std::vector<std::string>& items) {
  json::array out;
  for (const std::string& item : items) {
    out.emplace_back(literal(item));
  }
  return out;
}

// What does not change from one launch to the next: the image, the
// entrypoint and the privileges.
json::object shared_service(const sdk::LaunchSpec& spec,
                            const sdk::ContainerSpec& container) {
  json::object service{{"image", literal(spec.image)},
                       {"cap_drop", strings(container.cap_drop)},
                       {"cap_add", strings(container.cap_add)},
                       {"security_opt", strings(container.security_opt)}};
  if (!container.entrypoint.empty()) {
    service["entrypoint"] = strings(container.entrypoint);
  }
  if (!container.workdir.empty()) {
    service["working_dir"] = literal(container.workdir);
  }
  return service;
}

json::object launch_service(const sdk::LaunchSpec& spec,
                            const sdk::ContainerSpec& container) {
  json::array volumes;
  for (const sdk::Mount& mount : container.mounts) {
    volumes.push_back({{"type", "bind"},
                       {"source", literal(mount.source)},
                       {"target", literal(mount.target)},
                       {"read_only", mount.read_only}});
  }
  json::array environment;
  for (const sdk::EnvVar& variable : container.environment) {
    environment.emplace_back(
        literal(variable.secret ? variable.name
                                : variable.name + "=" + variable.value));
  }
  json::object labels;
  for (const auto& [name, value] : spec.labels) {
    labels[name] = literal(value);
  }
  json::object service{{"container_name", literal(container.name)},
                       {"volumes", volumes},
                       {"environment", environment},
                       {"labels", labels},
                       {"tty", container.tty},
                       {"stdin_open", container.interactive}};
  if (!container.command.empty()) {
    service["command"] = strings(container.command);
  }
  if (!container.user.empty()) {
    service["user"] = literal(container.user);
  }
  const bool agent = &container == &spec.agent;
  if (agent && !spec.cpu_limit.empty()) {
    service["cpus"] = literal(spec.cpu_limit);
  }
  if (agent && !spec.memory_limit.empty()) {
    service["mem_limit"] = literal(spec.memory_limit);
  }
  return service;
}

}  // namespace

ComposeFiles compose_files(const sdk::LaunchSpec& spec) {
  // 2.4: the newest format that Compose v1 reads and v2 still accepts, and
  // the one with cpus and mem_limit outside swarm's deploy key.
  json::object firewall = shared_service(spec, spec.firewall);
  json::object agent = shared_service(spec, spec.agent);
  agent["network_mode"] = std::string("service:") + k_firewall_service;
  agent["depends_on"] = json::array{k_firewall_service};
  json::object project{
      {"version", "2.4"},
      {"services", {{k_firewall_service, firewall}, {k_agent_service, agent}}}};

  json::object firewall_launch = launch_service(spec, spec.firewall);
  json::object networks;
  if (!spec.networks.empty()) {
    json::array joined{"default"};
    for (const std::string& name : spec.networks) {
      joined.emplace_back(literal(name));
      networks[name] = {{"external", true}, {"name", literal(name)}};
    }
    firewall_launch["networks"] = joined;
  }
  json::object override{
      {"version", "2.4"},
      {"services",
       {{k_firewall_service, firewall_launch},
        {k_agent_service, launch_service(spec, spec.agent)}}}};
  if (!networks.empty()) {
    override["networks"] = networks;
  }
  return {json::serialize(project), json::serialize(override)};
}

}  // namespace b2b::compose
