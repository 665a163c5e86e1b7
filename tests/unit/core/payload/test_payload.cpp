// SPDX-License-Identifier: Apache-2.0
#include "core/payload/payload.hpp"

#include "core/config/env_file.hpp"
#include "core/config/settings.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace b2b;
using namespace b2b::payload;

namespace {

// A payload made up by the test, for sizes the real one does not have.
struct MadePayload {
  std::vector<std::string> paths;
  std::vector<std::string> contents;
  std::vector<PayloadFile> files;

  MadePayload(std::size_t count, std::size_t size) {
    for (std::size_t i = 0; i < count; ++i) {
      paths.push_back("dir" + std::to_string(i % 7) + "/file" +
                      std::to_string(i));
      contents.push_back(std::string(size, static_cast<char>('a' + i % 26)));
    }
    contents[0] = "#!/bin/sh\necho script\n";
    for (std::size_t i = 0; i < count; ++i) {
      files.push_back({paths[i], util::bytes_of(contents[i])});
    }
    std::sort(files.begin(), files.end(),
              [](const auto& a, const auto& b) { return a.path < b.path; });
  }
};

std::string text_of(const PayloadFile& file) {
  return std::string(reinterpret_cast<const char*>(file.bytes.data()),
                     file.bytes.size());
}

bool leftovers_in(const std::filesystem::path& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().filename().string().find(".tmp-") != std::string::npos) {
      return true;
    }
  }
  return false;
}

}  // namespace

TEST_CASE("the embedded payload carries the container's defaults",
          "[payload]") {
  std::span<const PayloadFile> files = embedded_payload();
  std::vector<std::string> paths;
  for (const PayloadFile& file : files) {
    paths.emplace_back(file.path);
    CHECK_FALSE(file.bytes.empty());
  }
  CHECK(std::is_sorted(paths.begin(), paths.end()));
  for (const char* expected :
       {"defaults/env.example", "defaults/mcp.json", "defaults/settings.json",
        "defaults/skills/sandbox/SKILL.md", "defaults/commands/review.md"}) {
    CHECK(std::find(paths.begin(), paths.end(), expected) != paths.end());
  }
  for (const std::string& path : paths) {
    CHECK_FALSE(path.starts_with("test/"));
  }
  std::string hash = payload_hash(files);
  CHECK(hash.size() == 64);
  CHECK(hash == payload_hash(files));
}

TEST_CASE("the env template documents every setting, all commented out",
          "[payload][config]") {
  std::span<const PayloadFile> files = embedded_payload();
  auto found = std::find_if(files.begin(), files.end(), [](const auto& f) {
    return f.path == "defaults/env.example";
  });
  REQUIRE(found != files.end());
  const std::string text = text_of(*found);
  for (const config::SettingSpec& spec : config::known_settings()) {
    INFO(spec.name);
    CHECK(text.find("\n#" + std::string(spec.name) + "=") != std::string::npos);
  }
  config::EnvParse parse = config::parse_env(text);
  CHECK(parse.problems.empty());
  CHECK(parse.entries.empty());
}

TEST_CASE(
    "ensure_extracted writes the payload once and then trusts only an "
    "identical tree",
    "[payload]") {
  test::TempDir dir;
  const auto target = dir / "back2base-container";
  MadePayload made(20, 100);
  const std::string wanted = payload_hash(made.files);

  CHECK(ensure_extracted(target, made.files) == Extraction::extracted);
  CHECK(tree_hash(target) == wanted);
  CHECK(ensure_extracted(target, made.files) == Extraction::current);
  struct stat info {};
  REQUIRE(::stat((target / made.paths[0]).c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0755);
  REQUIRE(::stat((target / made.paths[1]).c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0644);

  SECTION("a file edited on disk is replaced") {
    test::write(target / made.paths[3], "edited by someone");
    CHECK(ensure_extracted(target, made.files) == Extraction::replaced);
    CHECK(util::read_file(target / made.paths[3]) == made.contents[3]);
  }
  SECTION("a file added on disk is removed") {
    test::write(target / "dir1/extra", "added");
    CHECK(ensure_extracted(target, made.files) == Extraction::replaced);
    CHECK_FALSE(std::filesystem::exists(target / "dir1/extra"));
  }
  SECTION("a script that lost its execute bit is replaced") {
    std::filesystem::permissions(target / made.paths[0],
                                 std::filesystem::perms::owner_read);
    CHECK(ensure_extracted(target, made.files) == Extraction::replaced);
  }
  SECTION("a symbolic link in the tree is not trusted") {
    std::filesystem::create_symlink("/etc/passwd", target / "dir2/link");
    CHECK(tree_hash(target).empty());
    CHECK(ensure_extracted(target, made.files) == Extraction::replaced);
  }
  CHECK(tree_hash(target) == wanted);
  CHECK_FALSE(leftovers_in(dir.path()));
}

TEST_CASE("ensure_extracted leaves a file in its place alone", "[payload]") {
  test::TempDir dir;
  const auto target = dir / "back2base-container";
  test::write(target, "my notes");
  MadePayload made(3, 10);
  CHECK_THROWS_WITH(
      ensure_extracted(target, made.files),
      "\"" + target.string() +
          "\": is not a directory, but oss-back2base keeps its container "
          "files there; move it away and run again");
  CHECK(util::read_file(target) == "my notes");
}

TEST_CASE("processes extracting at once all end with the whole payload",
          "[payload][concurrency]") {
  test::TempDir dir;
  const auto target = dir / "back2base-container";
  MadePayload made(200, 64 * 1024);
  const std::string wanted = payload_hash(made.files);
  test::write(target / "stale", "an older version");

  int start[2];
  REQUIRE(::pipe(start) == 0);
  std::vector<pid_t> children;
  for (int i = 0; i < 8; ++i) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      ::close(start[1]);  // else this child keeps its own start from coming
      char go = 0;
      (void)!::read(start[0], &go, 1);
      try {
        ensure_extracted(target, made.files);
        // What this process sees afterwards is the whole payload.
        ::_exit(tree_hash(target) == wanted ? 0 : 2);
      } catch (...) {
        ::_exit(1);
      }
    }
    children.push_back(child);
  }
  ::close(start[0]);
  ::close(start[1]);  // every child starts now
  for (pid_t child : children) {
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
  }
  CHECK(tree_hash(target) == wanted);
  CHECK_FALSE(leftovers_in(dir.path()));
}

TEST_CASE(
    "an extraction killed midway leaves the old tree, and the next "
    "one cleans up",
    "[payload][concurrency]") {
  test::TempDir dir;
  const auto target = dir / "back2base-container";
  MadePayload old_payload(5, 10);
  MadePayload made(300, 64 * 1024);
  ensure_extracted(target, old_payload.files);
  const std::string old_hash = payload_hash(old_payload.files);

  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    try {
      ensure_extracted(target, made.files);
    } catch (...) {
      ::_exit(1);  // never back into the test runner
    }
    ::_exit(0);
  }
  // Killed while it writes its staging tree, which shows it was midway.
  bool midway = false;
  for (int i = 0; i < 2000 && !midway; ++i) {
    std::this_thread::sleep_for(std::chrono::microseconds(500));
    midway = leftovers_in(dir.path());
  }
  ::kill(child, SIGKILL);
  ::waitpid(child, nullptr, 0);
  CHECK(midway);
  std::string now = tree_hash(target);
  CHECK((now == old_hash || now == payload_hash(made.files)));

  ensure_extracted(target, made.files);
  CHECK(tree_hash(target) == payload_hash(made.files));
  CHECK_FALSE(leftovers_in(dir.path()));
}
