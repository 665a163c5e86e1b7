// SPDX-License-Identifier: Apache-2.0
// The in-tree plugins as the tool loads them: from the build's plugin
// directory, signed by the build's key.
#include "core/plugin/build_key.hpp"
#include "core/plugin/guard.hpp"
#include "core/plugin/registry.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::plugin;

namespace {

std::unique_ptr<PluginRegistry> load_first_party(config::Environment env) {
  std::vector<TrustedKey> keys{{parse_public_key(build_public_key()), "build"}};
  auto registry =
      std::make_unique<PluginRegistry>(keys, Policy{}, test::settings_of(env));
  registry->load(discover({{test::first_party_plugin_dir(), "install"}}),
                 LoadOptions{});
  return registry;
}

std::vector<sdk::Detection> detect_all(const PluginRegistry& registry,
                                       std::set<std::string> paths) {
  test::FakeIndex index(std::move(paths));
  std::vector<sdk::Detection> matches;
  for (const auto& detector : registry.detectors()) {
    sdk::Result result = guarded(detector, "detecting", [&](auto& d) {
      return d.detect(index, matches);
    });
    REQUIRE(result.ok());
  }
  return matches;
}

std::vector<std::string> profiles(const std::vector<sdk::Detection>& found) {
  std::vector<std::string> names;
  for (const sdk::Detection& detection : found) {
    names.push_back(detection.profile);
  }
  return names;
}

}  // namespace

TEST_CASE("all eight first-party plugins load, signed by the build's key",
          "[plugins]") {
  auto registry = load_first_party({});
  REQUIRE(registry->records().size() == 8);
  for (const PluginRecord& record : registry->records()) {
    INFO(record.path << ": " << record.reason);
    CHECK(record.status == Status::loaded);
    CHECK(record.signer_source == "build");
    CHECK_FALSE(record.summary.empty());
  }
  CHECK(registry->runtimes().size() == 2);
  CHECK(registry->detectors().size() == 4);
  CHECK(registry->auth_providers().size() == 2);
}

TEST_CASE("the first-party detectors recognise their workspaces",
          "[plugins][detectors]") {
  auto registry = load_first_party({});
  CHECK(profiles(detect_all(*registry, {"go.mod", "main.go"})) ==
        std::vector<std::string>{"go"});
  CHECK(profiles(detect_all(*registry, {"pyproject.toml", "src/app.py"})) ==
        std::vector<std::string>{"python"});
  CHECK(profiles(detect_all(*registry, {"package.json", "src/App.tsx"})) ==
        std::vector<std::string>{"frontend"});
  CHECK(profiles(detect_all(*registry, {"README.md"})).empty());

  SECTION("a Dockerfile alone is not infrastructure") {
    CHECK(profiles(detect_all(*registry, {"Dockerfile"})).empty());
    std::vector<sdk::Detection> infra =
        detect_all(*registry, {"Dockerfile", "deploy/main.tf"});
    REQUIRE(profiles(infra) == std::vector<std::string>{"infra"});
    CHECK(infra[0].evidence ==
          std::vector<std::string>{"deploy/main.tf", "Dockerfile"});
  }
}

TEST_CASE("the first-party auth providers read only BACK2BASE_ settings",
          "[plugins][auth]") {
  auto registry = load_first_party(config::Environment(
      {{"ANTHROPIC_API_KEY", "sk-from-the-shell"},
       {"BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN", "oauth-value"}}));
  std::vector<sdk::Credential> credentials;
  for (const auto& provider : registry->auth_providers()) {
    REQUIRE(guarded(provider, "resolving", [&](auto& p) {
              return p.resolve(credentials);
            }).ok());
  }
  REQUIRE(credentials.size() == 1);
  CHECK(credentials[0].variable == "CLAUDE_CODE_OAUTH_TOKEN");
  CHECK(credentials[0].value == "oauth-value");
}
