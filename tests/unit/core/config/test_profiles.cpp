// SPDX-License-Identifier: Apache-2.0
#include "core/config/profiles.hpp"

#include "core/config/mcp_registry.hpp"
#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

const std::vector<std::string> k_servers{"filesystem", "git", "fetch", "github",
                                         "context7"};

std::string problems_of(std::string_view text) {
  try {
    parse_profiles(JsonDocument(text, "profiles.json"), k_servers);
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("the payload's profiles name only servers of the default registry",
          "[config][profiles]") {
  McpRegistry registry = default_registry();
  test::TempDir dir;
  Paths paths;
  paths.state_dir = dir.path();
  ProfileSet set = load_profiles(paths, registry.names());
  CHECK(set.source == "embedded defaults/profiles.json");
  CHECK(set.core == std::vector<std::string>{"filesystem", "git"});
  for (const char* name : {"full", "go", "python", "frontend", "infra",
                           "research", "documentation", "general", "minimal"}) {
    INFO(name);
    REQUIRE(set.find(name) != nullptr);
    CHECK_FALSE(set.find(name)->description.empty());
  }
  CHECK(set.find("minimal")->servers.empty());
  // full is every server in the registry.
  std::vector<std::string> full = set.core;
  for (const std::string& server : set.find("full")->servers) {
    full.push_back(server);
  }
  std::vector<std::string> all = registry.names();
  std::sort(full.begin(), full.end());
  std::sort(all.begin(), all.end());
  CHECK(full == all);
}

TEST_CASE("the user's profiles.json replaces the payload's whole",
          "[config][profiles]") {
  test::TempDir dir;
  Paths paths;
  paths.state_dir = dir.path();
  test::write(dir / "profiles.json",
              R"({"core": ["git"], "profiles": {"rust": {
                  "description": "Rust crates", "servers": ["fetch"],
                  "model": "sonnet"}}})");
  ProfileSet set = load_profiles(paths, k_servers);
  CHECK(set.source == (dir / "profiles.json").string());
  CHECK(set.names() == std::vector<std::string>{"rust"});
  CHECK(set.find("rust")->model == "sonnet");
  CHECK(set.find("go") == nullptr);
}

TEST_CASE("every mistake in profiles.json is reported at once, with its line",
          "[config][profiles]") {
  std::string message = problems_of(
      "{\n"                                                             // 1
      "  \"core\": [\"filesystem\", \"gti\"],\n"                        // 2
      "  \"profile\": {},\n"                                            // 3
      "  \"profiles\": {\n"                                             // 4
      "    \"go\": {\"description\": \"Go\",\n"                         // 5
      "           \"servers\": [\"github\", \"nosuch\", 7],\n"          // 6
      "           \"modle\": \"opus\"},\n"                              // 7
      "    \"auto\": {\"description\": \"x\", \"servers\": []},\n"      // 8
      "    \"Bad Name\": {\"description\": \"x\", \"servers\": []},\n"  // 9
      "    \"empty\": {\"servers\": [], \"model\": \"\"},\n"            // 10
      "    \"odd\": []\n"                                               // 11
      "  }\n"
      "}\n");
  CHECK_THAT(message, Catch::Contains("profiles.json:2: unknown MCP server "
                                      "\"gti\"; did you mean \"git\"?"));
  CHECK_THAT(message, Catch::Contains("profiles.json:3: unknown key "
                                      "\"profile\"; did you mean "
                                      "\"profiles\"?"));
  CHECK_THAT(message,
             Catch::Contains("profiles.json:6: unknown MCP server \"nosuch\""));
  CHECK_THAT(message, Catch::Contains("profiles.json:6: expected a server "
                                      "name"));
  CHECK_THAT(message, Catch::Contains("profiles.json:7: unknown key "
                                      "\"modle\"; did you mean \"model\"?"));
  CHECK_THAT(message, Catch::Contains("profiles.json:8: \"auto\" is reserved"));
  CHECK_THAT(message, Catch::Contains("profiles.json:9: profile name "
                                      "\"Bad Name\" must be"));
  CHECK_THAT(message, Catch::Contains("profiles.json:10: profile \"empty\" "
                                      "has no \"description\""));
  CHECK_THAT(message, Catch::Contains("profiles.json:10: \"model\" must be a "
                                      "non-empty string"));
  CHECK_THAT(message, Catch::Contains("profiles.json:11: profile \"odd\" must "
                                      "be an object"));
  CHECK(std::count(message.begin(), message.end(), '\n') == 9);
}

TEST_CASE("profiles.json must have profiles", "[config][profiles]") {
  CHECK_THAT(problems_of("{\"core\": []}"),
             Catch::Contains("\"profiles\" is missing"));
  CHECK_THAT(problems_of("[]"), Catch::Contains("profiles.json:1: expected "
                                                "an object"));
}

TEST_CASE("a core server is in every profile", "[config][profiles]") {
  ProfileSet set =
      parse_profiles(JsonDocument(R"({"core": ["git"], "profiles": {
          "a": {"description": "A", "servers": ["fetch", "fetch"]},
          "b": {"description": "B", "servers": ["github"]}}})",
                                  "p.json"),
                     k_servers);
  CHECK(set.find("a")->servers == std::vector<std::string>{"fetch"});
  CHECK(set.including("git") == std::vector<std::string>{"a", "b"});
  CHECK(set.including("github") == std::vector<std::string>{"b"});
  CHECK(set.including("context7").empty());
}
