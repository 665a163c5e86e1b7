// SPDX-License-Identifier: Apache-2.0
#include "compose_files.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

using namespace b2b;
namespace json = boost::json;

namespace {

sdk::LaunchSpec spec() {
  sdk::LaunchSpec s;
  s.project = "b2b-shop-1";
  s.session_dir = "/data/sessions/shop-1";
  s.image = "back2base-session:0123";
  s.firewall.name = "b2b-shop-1-firewall";
  s.firewall.entrypoint = {"/usr/bin/tini", "--", "sidecar.sh"};
  s.firewall.cap_drop = {"ALL"};
  s.firewall.cap_add = {"NET_ADMIN"};
  s.agent.name = "b2b-shop-1-agent";
  s.agent.command = {"-p", "print $HOME and ${PATH}"};
  s.agent.mounts = {{"/home/u/$weird dir", "/workspace", false}};
  s.agent.environment = {{"ANTHROPIC_API_KEY", "sk-ant-secret", true},
                         {"BACK2BASE_NAMESPACE", "shop", false}};
  s.cpu_limit = "2";
  s.networks = {"gateway"};
  return s;
}

}  // namespace

TEST_CASE("the compose files share the sidecar's namespace and take "
          "every value literally",
          "[plugins][compose]") {
  compose::ComposeFiles files = compose::compose_files(spec());
  json::object project = json::parse(files.project).as_object();
  json::object launch = json::parse(files.override).as_object();
  CHECK(project.at("version") == "2.4");
  const json::object& agent =
      project.at("services").at("agent").as_object();
  CHECK(agent.at("network_mode") == "service:firewall");

  const json::object& run = launch.at("services").at("agent").as_object();
  // "$" is Compose's to interpolate unless written "$$".
  CHECK(run.at("command").as_array().at(1) == "print $$HOME and $${PATH}");
  CHECK(run.at("volumes").as_array().at(0).at("source") ==
        "/home/u/$$weird dir");
  // A secret by name alone: Compose takes the value from its environment.
  const json::array& environment = run.at("environment").as_array();
  CHECK(environment.at(0) == "ANTHROPIC_API_KEY");
  CHECK(environment.at(1) == "BACK2BASE_NAMESPACE=shop");
  CHECK(files.override.find("sk-ant-secret") == std::string::npos);
  CHECK(files.project.find("sk-ant-secret") == std::string::npos);
  CHECK(run.at("cpus") == "2");
  CHECK_FALSE(launch.at("services").at("firewall").as_object().contains(
      "cpus"));
  CHECK(launch.at("networks").at("gateway").at("external") == true);
}
