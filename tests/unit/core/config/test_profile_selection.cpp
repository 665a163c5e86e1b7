// SPDX-License-Identifier: Apache-2.0
#include "core/config/profile_selection.hpp"

#include "core/util/error.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

McpRegistry registry() {
  McpRegistry registry = parse_registry(JsonDocument(R"({"mcpServers": {
      "filesystem": {"command": "fs"}, "git": {"command": "git-mcp"},
      "docs": {"command": "docs"}, "cloud": {"command": "cloud"},
      "web": {"command": "web"}, "mine": {"command": "my-own"},
      "unused": {"command": "unused"}}})",
                                                     "reg.json"),
                                        false);
  // As load_registry marks a server the payload's registry lacks.
  for (McpServer& server : registry.servers) {
    server.own = server.name == "mine";
  }
  return registry;
}

ProfileSet profiles() {
  return parse_profiles(
      JsonDocument(R"({"core": ["filesystem", "git"], "profiles": {
        "infra": {"description": "I", "servers": ["cloud", "web"]},
        "go": {"description": "G", "servers": ["docs", "web"],
               "model": "opus"},
        "python": {"description": "P", "servers": ["docs", "gone"],
                   "model": "sonnet"},
        "general": {"description": "G", "servers": ["web"]},
        "minimal": {"description": "M", "servers": []}}})",
                   "profiles.json"),
      {"filesystem", "git", "docs", "cloud", "web", "mine", "gone"});
}

Settings with_env(std::map<std::string, std::string, std::less<>> vars) {
  return Settings(Environment(std::move(vars)), EnvFile(), {});
}

}  // namespace

TEST_CASE("the profile is the flag's, else BACK2BASE_PROFILE, else auto",
          "[config][profiles][selection]") {
  ProfileSet set = profiles();
  ProfileRequest request = profile_request(std::nullopt, Settings(), set);
  CHECK(request.name == "auto");
  CHECK(request.origin == "default");
  Settings env = with_env({{"BACK2BASE_PROFILE", "go"}});
  request = profile_request(std::nullopt, env, set);
  CHECK(request.name == "go");
  CHECK(request.origin == "BACK2BASE_PROFILE (environment)");
  request = profile_request(std::string("infra"), env, set);
  CHECK(request.name == "infra");
  CHECK(request.origin == "--profile");
}

TEST_CASE("an unknown profile is an error listing the valid ones",
          "[config][profiles][selection]") {
  try {
    profile_request(std::string("pyhton"), Settings(), profiles());
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "--profile: unknown profile \"pyhton\"; did you mean \"python\"?; "
          "the profiles are auto, last, infra, go, python, general, minimal");
    CHECK(e.exit_code() == exit_status::k_usage);
  }
  try {
    profile_request(std::nullopt, with_env({{"BACK2BASE_PROFILE", "rust"}}),
                    profiles());
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK_THAT(e.what(),
               Catch::StartsWith("BACK2BASE_PROFILE (environment): unknown "
                                 "profile \"rust\"; the profiles are"));
    CHECK(e.exit_code() == exit_status::k_failure);
  }
}

TEST_CASE("last is the remembered profile while it exists, else auto",
          "[config][profiles][selection]") {
  ProfileSet set = profiles();
  ProfileRequest last{"last", "--profile"};
  CHECK(resolve_last(last, std::string("go"), set).name == "go");
  CHECK(resolve_last(last, std::string("go"), set).origin ==
        "--profile, remembered for this namespace");
  CHECK(resolve_last(last, std::string("deleted"), set).name == "auto");
  CHECK(resolve_last(last, std::nullopt, set).name == "auto");
  CHECK(resolve_last({"go", "x"}, std::string("infra"), set).name == "go");
}

TEST_CASE("auto unites every matched profile in file order",
          "[config][profiles][selection]") {
  ProfileChoice choice =
      choose_profiles({"auto", "default"}, profiles(), registry(),
                      {"go", "rust", "infra"}, Settings());
  CHECK(choice.profiles == std::vector<std::string>{"infra", "go"});
  CHECK(choice.unknown_matches == std::vector<std::string>{"rust"});
  CHECK(choice.servers == std::vector<std::string>{"filesystem", "git", "cloud",
                                                   "web", "docs", "mine"});
  CHECK(choice.reason == "detected, auto from default");
  // infra pins nothing; go's pin is the first.
  CHECK(choice.model == "opus");
  CHECK(choice.model_origin == "pinned by profile go");
}

TEST_CASE("auto without a match is general, or the core servers alone",
          "[config][profiles][selection]") {
  ProfileChoice choice =
      choose_profiles({"auto", "default"}, profiles(), registry(), {}, {});
  CHECK(choice.profiles == std::vector<std::string>{"general"});
  CHECK(choice.servers ==
        std::vector<std::string>{"filesystem", "git", "web", "mine"});
  CHECK_FALSE(choice.model);
  CHECK(choice.model_origin == "Claude Code's default");

  ProfileSet no_general = parse_profiles(
      JsonDocument(R"({"core": ["git"], "profiles": {}})", "p.json"), {"git"});
  choice = choose_profiles({"auto", "default"}, no_general, registry(), {}, {});
  CHECK(choice.profiles.empty());
  CHECK_THAT(choice.reason, Catch::Contains("the core servers alone"));
}

TEST_CASE("a named profile ignores detection; BACK2BASE_MODEL beats a pin",
          "[config][profiles][selection]") {
  Settings model = with_env({{"BACK2BASE_MODEL", "haiku"}});
  ProfileChoice choice = choose_profiles({"python", "--profile"}, profiles(),
                                         registry(), {"infra"}, model);
  CHECK(choice.profiles == std::vector<std::string>{"python"});
  CHECK(choice.model == "haiku");
  CHECK(choice.model_origin == "BACK2BASE_MODEL (environment)");
  // "gone" is named by python but the user removed it from the registry.
  REQUIRE(choice.dropped.size() == 1);
  CHECK(choice.dropped[0].name == "gone");
  CHECK_THAT(choice.dropped[0].reason, Catch::Contains("not in reg.json"));
  CHECK(choice.servers ==
        std::vector<std::string>{"filesystem", "git", "docs", "mine"});
}
