// SPDX-License-Identifier: Apache-2.0
#include "core/config/env_writer.hpp"

#include "core/config/env_file.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

using namespace b2b;
using namespace b2b::config;

TEST_CASE("env_quote writes what the parser reads back", "[config][env]") {
  for (std::string value :
       {"plain-value_1.2/x:y@z", "", "two words", "it's \"quoted\"",
        "line\nbreak", "tab\there", "back\\slash", "# not a comment", "$HOME",
        "a'b\"c\\d\ne"}) {
    EnvParse parse = parse_env("K=" + env_quote(value));
    INFO(env_quote(value));
    REQUIRE(parse.problems.empty());
    CHECK(parse.entries.at(0).value == value);
  }
  CHECK(env_quote("simple") == "simple");
  CHECK(env_quote("two words") == "'two words'");
}

TEST_CASE("set_env_value replaces a key in place and keeps the rest",
          "[config][env]") {
  test::TempDir dir;
  const auto path = dir / "env";
  test::write(path,
              "# My settings\n"
              "# BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=commented-out\n"
              "BACK2BASE_PROFILE=go   # my favourite\n"
              "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=old\n"
              "\n"
              "export BACK2BASE_MODEL='opus'");
  set_env_value(path, "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat01 new");
  CHECK(util::read_file(path) ==
        "# My settings\n"
        "# BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN=commented-out\n"
        "BACK2BASE_PROFILE=go   # my favourite\n"
        "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN='sk-ant-oat01 new'\n"
        "\n"
        "export BACK2BASE_MODEL='opus'\n");
  struct stat info {};
  REQUIRE(::stat(path.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);

  SECTION("a key not there yet is appended") {
    set_env_value(path, "BACK2BASE_RUNTIME", "podman");
    EnvFile file = EnvFile::load(path);
    CHECK(file.find("BACK2BASE_RUNTIME")->value == "podman");
    CHECK(file.find("BACK2BASE_RUNTIME")->line == 7);
  }
  SECTION("of two assignments, the one that counts is replaced") {
    test::write(path, "K=first\nK=second\n");
    set_env_value(path, "K", "third");
    CHECK(util::read_file(path) == "K=first\nK=third\n");
  }
  SECTION("a missing file and directory are created, private") {
    const auto fresh = dir / "new/config/env";
    set_env_value(fresh, "K", "v");
    CHECK(util::read_file(fresh) == "K=v\n");
    REQUIRE(::stat((dir / "new").c_str(), &info) == 0);
    CHECK((info.st_mode & 0777) == 0700);
  }
}

TEST_CASE("set_env_value changes nothing in a file it cannot read",
          "[config][env]") {
  test::TempDir dir;
  const auto path = dir / "env";
  test::write(path, "GOOD=1\nthis is not an assignment\n");
  CHECK_THROWS_WITH(set_env_value(path, "K", "v"),
                    Catch::StartsWith(path.string() + ":2: expected") &&
                        Catch::Contains("nothing was written"));
  CHECK(util::read_file(path) == "GOOD=1\nthis is not an assignment\n");
  CHECK_THROWS_WITH(set_env_value(path, "K", "a\rb"),
                    Catch::Contains("carriage return"));
  CHECK_THROWS_WITH(set_env_value(dir / "other", "BAD\nKEY", "v"),
                    Catch::Contains("is not a key"));
  CHECK_FALSE(std::filesystem::exists(dir / "other"));
}

TEST_CASE("set_env_value writes through a linked env file", "[config][env]") {
  test::TempDir dir;
  test::write(dir / "dotfiles/back2base.env", "A=1\n");
  std::filesystem::create_directories(dir / "config");
  std::filesystem::create_symlink(dir / "dotfiles/back2base.env",
                                  dir / "config/env");
  set_env_value(dir / "config/env", "B", "2");
  CHECK(std::filesystem::is_symlink(dir / "config/env"));
  CHECK(util::read_file(dir / "dotfiles/back2base.env") == "A=1\nB=2\n");
}

TEST_CASE("a writer killed midway leaves the old file or the new, whole",
          "[config][env][atomic]") {
  test::TempDir dir;
  const auto path = dir / "env";
  const std::string big_a(1 << 20, 'a');
  const std::string big_b(1 << 20, 'b');
  set_env_value(path, "K", big_a);
  for (int round = 0; round < 20; ++round) {
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      try {
        for (int i = 0;; ++i) {
          set_env_value(path, "K", i % 2 == 0 ? big_b : big_a);
        }
      } catch (...) {
        ::_exit(1);  // never back into the test runner
      }
    }
    std::this_thread::sleep_for(std::chrono::microseconds(1000 + round * 700));
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
    EnvFile file = EnvFile::load(path);
    REQUIRE(file.entries().size() == 1);
    const std::string& value = file.find("K")->value;
    CHECK((value == big_a || value == big_b));
  }
}
