// SPDX-License-Identifier: Apache-2.0
#include "core/config/mcp_registry.hpp"

#include "core/config/profile_selection.hpp"
#include "core/payload/payload.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

std::string problems_of(std::string_view text) {
  try {
    parse_registry(JsonDocument(text, ".mcp.json"), false);
  } catch (const Error& e) {
    return e.what();
  }
  return "accepted";
}

}  // namespace

TEST_CASE("the default registry is installable and stays out of the repo",
          "[config][mcp]") {
  McpRegistry registry = default_registry();
  CHECK(registry.from_defaults);
  REQUIRE(registry.servers.size() >= 8);
  for (const McpServer& server : registry.servers) {
    INFO(server.name);
    CHECK_FALSE(server.description.empty());
    if (server.transport == "stdio") {
      // Installed into the image from a pinned npm package, run by name.
      CHECK_THAT(server.package, Catch::StartsWith("npm:"));
      CHECK(server.package.rfind('@') > 4);
      CHECK(server.command.find('/') == std::string::npos);
      CHECK(server.command != "docker");
      CHECK(server.command != "npx");
    } else {
      CHECK_THAT(server.url, Catch::StartsWith("https://"));
      CHECK_FALSE(server.egress.empty());
    }
    for (const std::string& arg : server.args) {
      CHECK(arg.find("docker.sock") == std::string::npos);
    }
  }
  const McpServer* github = registry.find("github");
  REQUIRE(github != nullptr);
  CHECK(github->variables == std::vector<std::string>{"GITHUB_TOKEN"});
  const McpServer* context7 = registry.find("context7");
  REQUIRE(context7 != nullptr);
  CHECK(context7->variables.empty());
  CHECK(context7->optional_variables ==
        std::vector<std::string>{"CONTEXT7_API_KEY"});
}

TEST_CASE("every mistake in a registry is reported with its line",
          "[config][mcp]") {
  std::string message = problems_of(
      "{\"mcpServers\": {\n"                                          // 1
      "  \"a\": {\"type\": \"grpc\"},\n"                              // 2
      "  \"b\": {\"args\": [\"x\"]},\n"                               // 3
      "  \"c\": {\"type\": \"http\", \"url\": \"ftp://x\"},\n"        // 4
      "  \"d\": {\"command\": \"d\", \"args\": [1]},\n"               // 5
      "  \"e\": {\"command\": \"e\", \"env\": {\"K\": 1}},\n"         // 6
      "  \"f\": {\"command\": \"f\", \"egress\": [\"10.0.0.1\"]},\n"  // 7
      "  \"g h\": {\"command\": \"g\"},\n"                            // 8
      "  \"i\": 3\n"                                                  // 9
      "}}\n");
  CHECK_THAT(message, Catch::Contains(".mcp.json:2: unknown transport "
                                      "\"grpc\""));
  CHECK_THAT(message,
             Catch::Contains(".mcp.json:3: this server has no \"command\""));
  CHECK_THAT(message, Catch::Contains(".mcp.json:4: the URL \"ftp://x\" must "
                                      "start with http:// or https://"));
  CHECK_THAT(message, Catch::Contains(".mcp.json:5: \"args\" must be an "
                                      "array of strings"));
  CHECK_THAT(message, Catch::Contains(".mcp.json:6: \"env\" must be an "
                                      "object of strings"));
  CHECK_THAT(message, Catch::Contains(".mcp.json:7: egress: \"10.0.0.1\" is "
                                      "an address"));
  CHECK_THAT(message, Catch::Contains(".mcp.json:8: server name \"g h\""));
  CHECK_THAT(message,
             Catch::Contains(".mcp.json:9: server \"i\" must be an object"));
  CHECK_THAT(problems_of("{\"servers\": {}}"),
             Catch::Contains(".mcp.json:1: expected an object with "
                             "\"mcpServers\""));
}

TEST_CASE("a session's copy has only its servers and none of our keys",
          "[config][mcp]") {
  McpRegistry registry = parse_registry(JsonDocument(R"({"mcpServers": {
        "a": {"command": "a-server", "args": ["--x"], "egress": ["a.example"],
              "package": "npm:a@1.0.0", "description": "A",
              "env": {"TOKEN": "${A_TOKEN}", "MODE": "${MODE:-fast}"},
              "timeout": 30},
        "b": {"type": "http", "url": "https://b.example/mcp"}},
        "other": true})",
                                                     "r.json"),
                                        false);
  const McpServer& a = *registry.find("a");
  CHECK(a.variables == std::vector<std::string>{"A_TOKEN"});
  CHECK(a.optional_variables == std::vector<std::string>{"MODE"});
  CHECK(a.display() == "a-server");
  CHECK(registry.find("b")->display() == "https://b.example/mcp");

  boost::json::object config = session_config(registry, {"a"});
  boost::json::value expected = boost::json::parse(R"({"mcpServers": {
      "a": {"command": "a-server", "args": ["--x"],
            "env": {"TOKEN": "${A_TOKEN}", "MODE": "${MODE:-fast}"},
            "timeout": 30}}})");
  CHECK(boost::json::value(config) == expected);
}

TEST_CASE("no sequence of profiles rewrites the user's registry",
          "[config][mcp][profiles]") {
  test::TempDir dir;
  Paths paths;
  paths.state_dir = dir / "state";
  // The defaults, plus a server the user added by hand.
  std::string registry_text(payload::embedded_text("defaults/mcp.json"));
  registry_text.replace(registry_text.find("\"mcpServers\": {") + 15, 0,
                        "\n    \"mine\": {\"command\": \"my-server\"},");
  test::write(paths.state_dir / ".mcp.json", registry_text);

  McpRegistry registry = load_registry(paths);
  REQUIRE(registry.find("mine") != nullptr);
  CHECK(registry.find("mine")->own);
  CHECK_FALSE(registry.find("git")->own);
  ProfileSet profiles = load_profiles(paths, registry.names());
  for (const char* name :
       {"go", "infra", "minimal", "full", "python", "minimal", "research"}) {
    INFO(name);
    ProfileChoice choice =
        choose_profiles({name, "--profile"}, profiles, registry, {}, {});
    std::filesystem::path copy = dir / "sessions" / name / "mcp.json";
    std::filesystem::create_directories(copy.parent_path());
    write_session_config(copy, registry, choice.servers);

    auto written = boost::json::parse(util::read_file(copy)).as_object();
    const auto& servers = written.at("mcpServers").as_object();
    CHECK(servers.contains("mine"));
    CHECK(servers.contains("filesystem"));
    CHECK(servers.size() == choice.servers.size());
    CHECK(util::read_file(paths.state_dir / ".mcp.json") == registry_text);
    // Read again, as the next launch would: nothing was lost.
    CHECK(load_registry(paths).names() == registry.names());
  }
}

TEST_CASE("placeholders are found with and without defaults", "[config][mcp]") {
  CHECK(placeholder_names("Bearer ${TOKEN}") ==
        std::vector<std::string>{"TOKEN"});
  CHECK(placeholder_names("${A}-${B:-x}-${C}") ==
        std::vector<std::string>{"A", "C"});
  CHECK(placeholder_names("${A}-${B:-x}", true) ==
        std::vector<std::string>{"B"});
  CHECK(placeholder_names("${} ${:-x} ${UNCLOSED").empty());
}
