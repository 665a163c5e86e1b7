// SPDX-License-Identifier: Apache-2.0
#include "core/cli/spec_json.hpp"

#include "core/util/json_output.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <ostream>

namespace b2b::cli {
namespace {

namespace json = boost::json;

json::object container_json(const sdk::ContainerSpec& c) {
  json::array mounts;
  for (const sdk::Mount& mount : c.mounts) {
    mounts.push_back({{"source", mount.source},
                      {"target", mount.target},
                      {"read_only", mount.read_only}});
  }
  json::array environment;
  for (const sdk::EnvVar& variable : c.environment) {
    environment.push_back(
        {{"name", variable.name},
         {"value",
          variable.secret ? json::value(nullptr) : json::value(variable.value)},
         {"secret", variable.secret}});
  }
  return {{"name", c.name},
          {"entrypoint", util::json_strings(c.entrypoint)},
          {"command", util::json_strings(c.command)},
          {"workdir", c.workdir},
          {"user", c.user},
          {"mounts", mounts},
          {"environment", environment},
          {"cap_drop", util::json_strings(c.cap_drop)},
          {"cap_add", util::json_strings(c.cap_add)},
          {"security_opt", util::json_strings(c.security_opt)},
          {"tty", c.tty},
          {"interactive", c.interactive}};
}

std::string words(const std::vector<std::string>& argv) {
  std::string out;
  for (const std::string& arg : argv) {
    out += (out.empty() ? "" : " ") + util::shell_quote(arg);
  }
  return out.empty() ? "(the image's)" : out;
}

void print_container(std::ostream& out, const std::string& role,
                     const sdk::ContainerSpec& c) {
  out << role << ": " << c.name << "\n"
      << "  runs:       " << words(c.entrypoint) << " " << words(c.command)
      << "\n"
      << "  privileges: drop " << util::join(c.cap_drop) << "; add "
      << (c.cap_add.empty() ? "none" : util::join(c.cap_add)) << "; "
      << util::join(c.security_opt) << "\n";
  for (const sdk::Mount& mount : c.mounts) {
    out << "  mount:      " << mount.source << " -> " << mount.target
        << (mount.read_only ? " (read-only)" : "") << "\n";
  }
  for (const sdk::EnvVar& variable : c.environment) {
    out << "  env:        " << variable.name
        << (variable.secret ? " (secret)" : "=" + variable.value) << "\n";
  }
}

}  // namespace

json::object spec_json(const sdk::LaunchSpec& spec) {
  json::object labels;
  for (const auto& [name, value] : spec.labels) {
    labels[name] = value;
  }
  return {{"project", spec.project},
          {"image", spec.image},
          {"payload_hash", spec.payload_hash},
          {"firewall", container_json(spec.firewall)},
          {"agent", container_json(spec.agent)},
          {"cpu_limit", spec.cpu_limit},
          {"memory_limit", spec.memory_limit},
          {"networks", util::json_strings(spec.networks)},
          {"labels", labels}};
}

void print_spec(std::ostream& out, const sdk::LaunchSpec& spec) {
  out << "image:     " << spec.image << "\n"
      << "limits:    cpus " << (spec.cpu_limit.empty() ? "-" : spec.cpu_limit)
      << ", memory " << (spec.memory_limit.empty() ? "-" : spec.memory_limit)
      << "\n";
  if (!spec.networks.empty()) {
    out << "networks:  " << util::join(spec.networks) << "\n";
  }
  print_container(out, "firewall", spec.firewall);
  print_container(out, "agent", spec.agent);
}

}  // namespace b2b::cli
