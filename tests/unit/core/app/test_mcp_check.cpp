// SPDX-License-Identifier: Apache-2.0
#include "core/app/mcp_check.hpp"

#include "core/util/error.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::app;

namespace {

config::McpRegistry registry() {
  return config::parse_registry(config::JsonDocument(R"({"mcpServers": {
        "local": {"command": "local-server"},
        "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/",
                   "headers": {"Authorization": "Bearer ${GITHUB_TOKEN}"}}}})",
                                                     "reg.json"),
                                false);
}

}  // namespace

TEST_CASE("placeholders are filled from the values, or their defaults",
          "[mcp][check]") {
  std::vector<config::Setting> values{{"TOKEN", "t0k", {}, "", true}};
  CHECK(expand_variables("Bearer ${TOKEN}", values) == "Bearer t0k");
  CHECK(expand_variables("${NONE:-fallback}/${TOKEN:-x}", values) ==
        "fallback/t0k");
  CHECK(expand_variables("${NONE}|", values) == "|");
  CHECK(expand_variables("plain ${unclosed", values) == "plain ${unclosed");
}

TEST_CASE(
    "stdio servers and servers without their tokens are skipped, "
    "saying why",
    "[mcp][check]") {
  std::vector<ServerCheck> checks = check_servers(
      registry(), config::Settings(), std::nullopt, std::chrono::seconds(1));
  REQUIRE(checks.size() == 2);
  CHECK(checks[0].name == "local");
  CHECK(checks[0].verdict == Verdict::skipped);
  CHECK_THAT(checks[0].detail, Catch::Contains("inside the session image"));
  CHECK(checks[1].name == "github");
  CHECK(checks[1].verdict == Verdict::skipped);
  CHECK(checks[1].detail == "needs GITHUB_TOKEN, which is not set");
}

TEST_CASE("a server named for testing must be in the registry",
          "[mcp][check]") {
  try {
    check_servers(registry(), config::Settings(), std::string("githb"),
                  std::chrono::seconds(1));
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "--server: no server \"githb\" in reg.json; did you mean "
          "\"github\"?; \"oss-back2base mcp list\" shows them");
    CHECK(e.exit_code() == exit_status::k_usage);
  }
  std::vector<ServerCheck> one =
      check_servers(registry(), config::Settings(), std::string("local"),
                    std::chrono::seconds(1));
  REQUIRE(one.size() == 1);
  CHECK(one[0].name == "local");
}
