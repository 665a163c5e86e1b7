// SPDX-License-Identifier: Apache-2.0
#include "core/config/allowlist.hpp"

#include "core/util/error.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

McpRegistry registry() {
  return parse_registry(JsonDocument(R"({"mcpServers": {
        "github": {"type": "http", "url": "https://api.githubcopilot.com/mcp/",
                   "egress": ["api.githubcopilot.com", "*.github.com"]},
        "docs": {"type": "http", "url": "https://docs.example/mcp",
                 "egress": ["docs.example", "api.githubcopilot.com"]},
        "local": {"command": "local-server"}}})",
                                     "reg.json"),
                        false);
}

Settings with_env(std::map<std::string, std::string, std::less<>> vars) {
  return Settings(Environment(std::move(vars)), EnvFile(), {});
}

}  // namespace

TEST_CASE("the allowlist is Claude Code's, the loaded servers', the user's",
          "[config][allowlist]") {
  std::vector<AllowEntry> list = build_allowlist(
      registry(), {"github", "docs", "local"},
      with_env(
          {{"BACK2BASE_ALLOW_DOMAINS", "Gateway.Internal, *.corp.example"}}));
  REQUIRE(list.size() == 6);
  CHECK(list[0].domain == "api.anthropic.com");
  CHECK(list[0].origins == std::vector<std::string>{"Claude Code"});
  CHECK(list[1].domain == "api.githubcopilot.com");
  CHECK(list[1].origins ==
        std::vector<std::string>{"server github", "server docs"});
  CHECK(list[2].domain == "*.github.com");
  CHECK(list[3].domain == "docs.example");
  CHECK(list[4].domain == "gateway.internal");
  CHECK(list[4].origins ==
        std::vector<std::string>{"BACK2BASE_ALLOW_DOMAINS (environment)"});
  CHECK(list[5].domain == "*.corp.example");
}

TEST_CASE("a server that is not loaded opens nothing", "[config][allowlist]") {
  std::vector<AllowEntry> list = build_allowlist(registry(), {"local"}, {});
  REQUIRE(list.size() == 1);
  CHECK(list[0].domain == "api.anthropic.com");
}

TEST_CASE("bad user entries are all reported with where they came from",
          "[config][allowlist]") {
  try {
    build_allowlist(registry(), {},
                    with_env({{"BACK2BASE_ALLOW_DOMAINS",
                               "ok.example,10.0.0.1,https://x.example"}}));
    FAIL("accepted");
  } catch (const Error& e) {
    std::string message = e.what();
    CHECK_THAT(message,
               Catch::Contains("BACK2BASE_ALLOW_DOMAINS (environment): "
                               "\"10.0.0.1\" is an address"));
    CHECK_THAT(message, Catch::Contains("\"https://x.example\" is a URL"));
    CHECK_THAT(message, !Catch::Contains("ok.example\""));
  }
}

TEST_CASE("the host of BACK2BASE_ANTHROPIC_BASE_URL is Claude Code's too",
          "[config][allowlist]") {
  std::vector<AllowEntry> list = build_allowlist(
      registry(), {},
      with_env({{"BACK2BASE_ANTHROPIC_BASE_URL",
                 "https://user@Gateway.Corp.example:8443/anthropic/v1?x=1"}}));
  REQUIRE(list.size() == 2);
  CHECK(list[1].domain == "gateway.corp.example");
  CHECK(list[1].origins ==
        std::vector<std::string>{"BACK2BASE_ANTHROPIC_BASE_URL (environment)"});
  // Empty is unset.
  CHECK(build_allowlist(registry(), {},
                        with_env({{"BACK2BASE_ANTHROPIC_BASE_URL", ""}}))
            .size() == 1);
}

TEST_CASE("an endpoint the firewall cannot allow by name is an error",
          "[config][allowlist]") {
  for (const auto& [url, why] :
       std::vector<std::pair<std::string, std::string>>{
           {"gateway.example", "\"gateway.example\" is not a URL"},
           {"http://10.0.0.5:8080/", "its host: \"10.0.0.5\" is an address"},
           {"http://[fd00::1]/", "its host: \"[fd00::1]\" has a port or is"},
           {"https://*.example.com/", "its host: \"*.example.com\" is not"}}) {
    CAPTURE(url);
    try {
      build_allowlist(registry(), {},
                      with_env({{"BACK2BASE_ANTHROPIC_BASE_URL", url},
                                {"BACK2BASE_ALLOW_DOMAINS", "10.0.0.1"}}));
      FAIL("accepted");
    } catch (const Error& e) {
      std::string message = e.what();
      CHECK_THAT(message,
                 Catch::Contains(
                     "BACK2BASE_ANTHROPIC_BASE_URL (environment): " + why));
      // Every problem at once.
      CHECK_THAT(message, Catch::Contains("\"10.0.0.1\" is an address"));
    }
  }
}
