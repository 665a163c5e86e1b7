// SPDX-License-Identifier: Apache-2.0
#include "core/config/state.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace b2b;
using namespace b2b::config;

namespace {

using Entries = std::vector<std::pair<std::string, std::string>>;

// Views into `entries`, which must outlive them.
std::vector<payload::PayloadFile> defaults(const Entries& entries) {
  std::vector<payload::PayloadFile> files;
  for (const auto& [path, content] : entries) {
    files.push_back({path, util::bytes_of(content)});
  }
  return files;
}

Settings settings_with(std::string name, std::string value) {
  std::map<std::string, std::string, std::less<>> vars;
  vars[std::move(name)] = std::move(value);
  return Settings(Environment(std::move(vars)), EnvFile(), {});
}

unsigned mode(const std::filesystem::path& path) {
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  return info.st_mode & 0777;
}

}  // namespace

TEST_CASE("seed_state copies each default once and never touches it again",
          "[config][state]") {
  test::TempDir dir;
  const auto state = dir / "state";
  const Entries v1 = {{"README.md", "not a default"},
                      {"defaults/commands/review.md", "review v1"},
                      {"defaults/env.example", "# template"},
                      {"defaults/mcp.json", "{\"mcpServers\":{}}"},
                      {"defaults/settings.json", "{}"},
                      {"defaults/skills/sandbox/SKILL.md", "skill v1"}};
  std::vector<payload::PayloadFile> files = defaults(v1);

  SeedReport first = seed_state(state, files);
  CHECK(first.seeded == std::vector<std::string>{"commands/review.md",
                                                 ".mcp.json", "settings.json",
                                                 "skills/sandbox/SKILL.md"});
  CHECK(util::read_file(state / ".mcp.json") == "{\"mcpServers\":{}}");
  CHECK_FALSE(std::filesystem::exists(state / "env.example"));
  CHECK(mode(state) == 0700);
  CHECK(mode(state / ".mcp.json") == 0600);

  SECTION("edits and deletions by the user are kept") {
    test::write(state / ".mcp.json", "{\"mcpServers\":{\"mine\":{}}}");
    std::filesystem::remove(state / "commands/review.md");
    auto v2 = v1;
    v2[1].second = "review v2";
    v2.push_back({"defaults/commands/new.md", "new in v2"});
    std::vector<payload::PayloadFile> files2 = defaults(v2);
    std::sort(files2.begin(), files2.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
    SeedReport second = seed_state(state, files2);
    CHECK(second.seeded == std::vector<std::string>{"commands/new.md"});
    CHECK(util::read_file(state / ".mcp.json") ==
          "{\"mcpServers\":{\"mine\":{}}}");
    CHECK_FALSE(std::filesystem::exists(state / "commands/review.md"));
  }
  SECTION("nothing to do the second time") {
    SeedReport again = seed_state(state, files);
    CHECK(again.seeded.empty());
    CHECK(again.kept.empty());
  }
}

TEST_CASE("seed_state keeps files the user had before it ever ran",
          "[config][state]") {
  test::TempDir dir;
  test::write(dir / "state/settings.json", "{\"model\":\"opus\"}");
  const Entries entries = {{"defaults/settings.json", "{}"}};
  std::vector<payload::PayloadFile> files = defaults(entries);
  SeedReport report = seed_state(dir / "state", files);
  CHECK(report.kept == std::vector<std::string>{"settings.json"});
  CHECK(util::read_file(dir / "state/settings.json") == "{\"model\":\"opus\"}");
}

TEST_CASE("seed_state refuses a state path that is a file", "[config][state]") {
  test::TempDir dir;
  test::write(dir / "state", "oops");
  CHECK_THROWS_WITH(seed_state(dir / "state", {}),
                    Catch::EndsWith("is not a directory; move it away and "
                                    "run again"));
  CHECK(util::read_file(dir / "state") == "oops");
}

TEST_CASE("prepare_data_dir makes plans/ and memories/, or says why not",
          "[config][state]") {
  test::TempDir dir;
  CHECK_FALSE(prepare_data_dir(Settings()).has_value());
  const auto data = dir / "data";
  CHECK(prepare_data_dir(settings_with("BACK2BASE_DATA_DIR", data.string())) ==
        data);
  CHECK(mode(data / "plans") == 0700);
  CHECK(mode(data / "memories") == 0700);
  CHECK_THROWS_WITH(
      prepare_data_dir(settings_with("BACK2BASE_DATA_DIR", "relative")),
      Catch::StartsWith("BACK2BASE_DATA_DIR: \"relative\" is not an "
                        "absolute path"));
  test::write(dir / "file", "x");
  CHECK_THROWS_WITH(prepare_data_dir(settings_with("BACK2BASE_DATA_DIR",
                                                   (dir / "file").string())),
                    Catch::Contains("is not a directory"));
}

TEST_CASE("probe_managed_settings finds what an organisation put in place",
          "[config][state]") {
  test::TempDir dir;
  Settings settings =
      settings_with("BACK2BASE_MANAGED_SETTINGS_DIR", dir.path().string());
  CHECK(probe_managed_settings(settings).found.empty());
  test::write(dir / "managed-settings.json", "{}");
  test::write(dir / "managed-settings.d/10-org.json", "{}");
  test::write(dir / "CLAUDE.md", "# house rules");
  ManagedSettings managed = probe_managed_settings(settings);
  CHECK(managed.origin == "BACK2BASE_MANAGED_SETTINGS_DIR");
  CHECK(managed.found.size() == 3);
  CHECK(probe_managed_settings(Settings()).dir == "/etc/claude-code");
}
