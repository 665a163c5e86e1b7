// SPDX-License-Identifier: Apache-2.0
// The in-tree plugins as the tool loads them: from the build's plugin
// directory, signed by the build's key.
#include "core/plugin/build_key.hpp"
#include "core/plugin/guard.hpp"
#include "core/plugin/registry.hpp"
#include "core/util/files.hpp"
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

TEST_CASE("all ten first-party plugins load, signed by the build's key",
          "[plugins]") {
  auto registry = load_first_party({});
  REQUIRE(registry->records().size() == 10);
  for (const PluginRecord& record : registry->records()) {
    INFO(record.path << ": " << record.reason);
    CHECK(record.status == Status::loaded);
    CHECK(record.signer_source == "build");
    CHECK_FALSE(record.summary.empty());
  }
  CHECK(registry->runtimes().size() == 2);
  CHECK(registry->detectors().size() == 4);
  CHECK(registry->auth_providers().size() == 4);
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

namespace {

using Vars = std::map<std::string, std::string, std::less<>>;

// The one provider `name` of the first-party plugins, with `vars` set.
struct OneProvider {
  std::unique_ptr<PluginRegistry> registry;
  PluginRef<sdk::AuthProvider> provider;

  OneProvider(const std::string& name, Vars vars)
      : registry(load_first_party(config::Environment(std::move(vars)))) {
    for (const auto& each : registry->auth_providers()) {
      if (each.name == name) {
        provider = each;
      }
    }
    REQUIRE(provider.object);
  }
  sdk::Result resolve(std::vector<sdk::Credential>& credentials) {
    return guarded(provider, "resolving",
                   [&](auto& p) { return p.resolve(credentials); });
  }
};

}  // namespace

TEST_CASE("custom-endpoint passes a gateway's token and header",
          "[plugins][auth]") {
  OneProvider gateway(
      "custom-endpoint",
      {{"BACK2BASE_ANTHROPIC_AUTH_TOKEN", "gw-token"},
       {"BACK2BASE_ANTHROPIC_BASE_URL", "https://llm.example.com/anthropic"},
       {"BACK2BASE_CUSTOM_API_HEADER", "X-Team: search"}});
  CHECK(gateway.provider.object->configured());
  std::vector<sdk::Credential> credentials;
  REQUIRE(gateway.resolve(credentials).ok());
  REQUIRE(credentials.size() == 2);
  CHECK(credentials[0].variable == "ANTHROPIC_AUTH_TOKEN");
  CHECK(credentials[0].value == "gw-token");
  CHECK(credentials[1].variable == "ANTHROPIC_CUSTOM_HEADERS");
  CHECK(credentials[1].value == "X-Team: search");

  OneProvider no_url("custom-endpoint",
                     {{"BACK2BASE_ANTHROPIC_AUTH_TOKEN", "gw-token"}});
  credentials.clear();
  sdk::Result result = no_url.resolve(credentials);
  REQUIRE_FALSE(result.ok());
  CHECK(result.message().find("BACK2BASE_ANTHROPIC_BASE_URL is not") !=
        std::string::npos);
  CHECK(result.message().find("gw-token") == std::string::npos);

  OneProvider unset("custom-endpoint", {});
  CHECK_FALSE(unset.provider.object->configured());
  credentials.clear();
  CHECK(unset.resolve(credentials).ok());
  CHECK(credentials.empty());
}

TEST_CASE("command runs the helper, keeps its answer, and says why it failed",
          "[plugins][auth]") {
  test::TempDir dir;
  ::setenv("XDG_CACHE_HOME", (dir / "cache").c_str(), 1);
  const std::string runs = (dir / "runs").string();
  auto helper = [&](const std::string& script, Vars more = {}) {
    more["BACK2BASE_AUTH_COMMAND"] = "echo run >>" + runs + "; " + script;
    return OneProvider("command", more);
  };
  auto run_count = [&] {
    std::string text = util::read_file_if_exists(runs).value_or("");
    return std::count(text.begin(), text.end(), '\n');
  };

  {
    OneProvider sso =
        helper(R"(printf '{"token": "sso-1", "expires_in": 3600}')",
               {{"BACK2BASE_AUTH_COMMAND_VARIABLE", "ANTHROPIC_API_KEY"}});
    CHECK(sso.provider.object->configured());
    for (int i = 0; i < 2; ++i) {
      std::vector<sdk::Credential> credentials;
      sdk::Result result = sso.resolve(credentials);
      INFO(result.message());
      REQUIRE(result.ok());
      REQUIRE(credentials.size() == 1);
      CHECK(credentials[0].variable == "ANTHROPIC_API_KEY");
      CHECK(credentials[0].value == "sso-1");
      CHECK(credentials[0].expires);
    }
    CHECK(run_count() == 1);  // the second came from the cache
  }

  auto failure = [&](OneProvider provider) {
    std::vector<sdk::Credential> credentials;
    sdk::Result result = provider.resolve(credentials);
    CHECK(credentials.empty());
    REQUIRE_FALSE(result.ok());
    return result.message();
  };
  CHECK(failure(helper("echo sorry >&2; exit 3")) ==
        "BACK2BASE_AUTH_COMMAND exited 3 (its own message, if any, is "
        "above); fix the command");
  CHECK(failure(helper("echo not a token")) ==
        "BACK2BASE_AUTH_COMMAND printed a line with blanks or control "
        "characters; it must print the credential alone on one line, or "
        "JSON {\"token\": ..., \"expires_at\": ...}");
  CHECK(
      failure(helper("sleep 30", {{"BACK2BASE_AUTH_COMMAND_TIMEOUT", "1"}})) ==
      "BACK2BASE_AUTH_COMMAND gave no answer in 1 s and was stopped; fix "
      "it, or raise BACK2BASE_AUTH_COMMAND_TIMEOUT");
  CHECK(
      failure(helper("echo t",
                     {{"BACK2BASE_AUTH_COMMAND_VARIABLE", "GITHUB_TOKEN"}}))
          .starts_with("BACK2BASE_AUTH_COMMAND_VARIABLE is \"GITHUB_TOKEN\""));
  ::unsetenv("XDG_CACHE_HOME");
}

TEST_CASE("a credential set to nothing is not set up", "[plugins][auth]") {
  for (const char* setting :
       {"BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN", "BACK2BASE_ANTHROPIC_API_KEY",
        "BACK2BASE_ANTHROPIC_AUTH_TOKEN", "BACK2BASE_AUTH_COMMAND"}) {
    INFO(setting);
    auto registry = load_first_party(config::Environment(Vars{{setting, ""}}));
    for (const auto& provider : registry->auth_providers()) {
      CHECK_FALSE(provider.object->configured());
      std::vector<sdk::Credential> credentials;
      CHECK(guarded(provider, "resolving", [&](auto& p) {
              return p.resolve(credentials);
            }).ok());
      CHECK(credentials.empty());
    }
  }
}
