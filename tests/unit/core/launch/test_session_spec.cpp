// SPDX-License-Identifier: Apache-2.0
#include "core/launch/session_spec.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace b2b;
namespace fs = std::filesystem;

namespace {

struct Fixture {
  test::TempDir root;
  launch::SessionInputs inputs;

  Fixture() {
    fs::create_directories(root / "shop/.git/hooks");
    test::write(root / "shop/.git/config", "[core]\n");
    fs::create_directories(root / "home/.ssh");
    test::write(root / "home/.gitconfig", "[user]\n");
    test::write(root / "home/.ssh/known_hosts", "github.com ssh-ed25519 A\n");
    test::write(root / "home/.ssh/id_ed25519", "PRIVATE KEY\n");
    inputs.workspace = root / "shop";
    inputs.namespace_name = "shop";
    inputs.profiles = {"go"};
    inputs.image = {"back2base-session:0123456789abcdef", "0123", "base", {}};
    inputs.dir = {"shop-20261204-101010-000-abcdef", root / "session"};
    inputs.state_dir = root / "state";
    inputs.home = root / "home";
    inputs.credentials = {{"ANTHROPIC_API_KEY", "sk-ant-secret", {}, {}}};
    inputs.server_tokens = {{"GITHUB_TOKEN", "ghp-secret", true}};
    inputs.arguments = {"-p", "hello"};
    inputs.uid = 1234;
    inputs.gid = 5678;
  }

  sdk::LaunchSpec spec(config::Environment environment = {}) {
    return launch::make_session_spec(
        inputs, *test::settings_of(std::move(environment)), "9.9.9");
  }
};

const sdk::Mount* mount_at(const sdk::ContainerSpec& c,
                           const std::string& target) {
  auto found = std::find_if(c.mounts.begin(), c.mounts.end(),
                            [&](const sdk::Mount& m) {
                              return m.target == target;
                            });
  return found == c.mounts.end() ? nullptr : &*found;
}

const sdk::EnvVar* env_of(const sdk::ContainerSpec& c,
                          const std::string& name) {
  auto found = std::find_if(c.environment.begin(), c.environment.end(),
                            [&](const sdk::EnvVar& v) {
                              return v.name == name;
                            });
  return found == c.environment.end() ? nullptr : &*found;
}

bool has(const std::vector<std::string>& items, const std::string& item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

}  // namespace

TEST_CASE("only the sidecar may change the network; the agent keeps no "
          "capability it does not need",
          "[launch][spec]") {
  Fixture f;
  sdk::LaunchSpec spec = f.spec();
  CHECK(spec.firewall.cap_drop == std::vector<std::string>{"ALL"});
  CHECK(has(spec.firewall.cap_add, "NET_ADMIN"));
  CHECK(spec.agent.cap_drop == std::vector<std::string>{"ALL"});
  CHECK_FALSE(has(spec.agent.cap_add, "NET_ADMIN"));
  CHECK_FALSE(has(spec.agent.cap_add, "NET_RAW"));
  CHECK(has(spec.agent.security_opt, "no-new-privileges"));
  CHECK(spec.agent.name == spec.project + "-agent");
  CHECK(spec.labels.at("org.back2base.namespace") == "shop");
  CHECK(spec.labels.at("org.back2base.version") == "9.9.9");
}

TEST_CASE("credentials and tokens are secrets, never arguments",
          "[launch][spec]") {
  Fixture f;
  sdk::LaunchSpec spec = f.spec();
  for (const char* name : {"ANTHROPIC_API_KEY", "GITHUB_TOKEN"}) {
    const sdk::EnvVar* variable = env_of(spec.agent, name);
    REQUIRE(variable != nullptr);
    CHECK(variable->secret);
  }
  for (const std::string& arg : spec.agent.command) {
    CHECK(arg.find("secret") == std::string::npos);
  }
  CHECK(env_of(spec.firewall, "ANTHROPIC_API_KEY") == nullptr);
  CHECK_FALSE(env_of(spec.agent, "BACK2BASE_HOST_UID")->secret);
  CHECK(env_of(spec.agent, "BACK2BASE_HOST_UID")->value == "1234");
}

TEST_CASE("the agent sees the workspace, its hooks read-only, and what of "
          "the user's setup exists, but never a private key",
          "[launch][spec]") {
  Fixture f;
  sdk::LaunchSpec spec = f.spec();
  const sdk::Mount* workspace = mount_at(spec.agent, "/workspace");
  REQUIRE(workspace != nullptr);
  CHECK_FALSE(workspace->read_only);
  CHECK(mount_at(spec.agent, "/workspace/.git/hooks")->read_only);
  CHECK(mount_at(spec.agent, "/workspace/.git/config")->read_only);
  CHECK(mount_at(spec.agent, "/home/agent/.gitconfig")->read_only);
  CHECK(mount_at(spec.agent, "/home/agent/.ssh/known_hosts")->read_only);
  CHECK(mount_at(spec.agent, "/home/agent/.ssh") == nullptr);
  CHECK(mount_at(spec.agent, "/home/agent/.ssh/id_ed25519") == nullptr);
  CHECK(mount_at(spec.agent, "/home/agent/.aws") == nullptr);
  CHECK(mount_at(spec.agent, "/var/run/docker.sock") == nullptr);
  CHECK(mount_at(spec.agent, "/etc/resolv.conf")->read_only);
  CHECK(mount_at(spec.agent, "/run/back2base/firewall")->read_only);
  CHECK_FALSE(mount_at(spec.firewall, "/run/back2base/firewall")->read_only);
}

TEST_CASE("Claude Code gets the session's arguments, or a shell runs",
          "[launch][spec]") {
  Fixture f;
  f.inputs.extra_dirs = {{f.root / "lib", "/repos/lib", true}};
  sdk::LaunchSpec spec = f.spec(config::Environment(
      {{"BACK2BASE_MODEL", "opus"}, {"BACK2BASE_CPU_LIMIT", "512"}}));
  CHECK(spec.agent.command ==
        std::vector<std::string>{"--model", "opus", "--add-dir", "/repos/lib",
                                 "-p", "hello"});
  CHECK(mount_at(spec.agent, "/repos/lib")->read_only);
  // No more CPUs than the machine has, which Docker would refuse.
  CHECK(std::stod(spec.cpu_limit) < 512);

  f.inputs.command = launch::AgentCommand::shell;
  f.inputs.arguments = {"-c", "true"};
  spec = f.spec();
  CHECK(spec.agent.command == std::vector<std::string>{"-c", "true"});
  CHECK(env_of(spec.agent, "BACK2BASE_SHELL")->value == "1");
}
