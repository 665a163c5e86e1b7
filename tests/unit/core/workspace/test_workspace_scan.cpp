// SPDX-License-Identifier: Apache-2.0
#include "core/workspace/workspace_scan.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <unistd.h>

using namespace b2b;
using namespace b2b::workspace;

namespace {

// A small Go project with the things a walk must not wander into.
struct Project {
  test::TempDir dir;
  Project() {
    for (const char* file :
         {"go.mod", "README.md", "cmd/app/main.go", "cmd/app/deep/too_deep.go",
          "internal/x.go", "node_modules/pkg/index.js", ".git/config",
          ".terraform/plugins/x", "requirements-dev.txt", ".hidden.json"}) {
      test::write(dir / file, "content of " + std::string(file));
    }
    std::filesystem::create_directory_symlink(".", dir / "loop");
    std::filesystem::create_directory_symlink("/etc", dir / "outside");
    std::filesystem::create_symlink("/etc/hostname", dir / "link.txt");
  }
};

}  // namespace

TEST_CASE("glob_match: * and ? within a segment, ** across them",
          "[workspace][glob]") {
  CHECK(glob_match("*.go", "main.go"));
  CHECK_FALSE(glob_match("**/*.go", ".hidden.go"));
  CHECK_FALSE(glob_match("*.go", "cmd/main.go"));
  CHECK(glob_match("**/*.go", "main.go"));
  CHECK(glob_match("**/*.go", "cmd/app/main.go"));
  CHECK(glob_match("cmd/**/main.go", "cmd/main.go"));
  CHECK(glob_match("cmd/*/main.go", "cmd/app/main.go"));
  CHECK_FALSE(glob_match("cmd/*/main.go", "cmd/a/b/main.go"));
  CHECK(glob_match("requirements*.txt", "requirements-dev.txt"));
  CHECK(glob_match("vite.config.*", "vite.config.ts"));
  CHECK(glob_match("go.mo?", "go.mod"));
  CHECK_FALSE(glob_match("*.json", ".hidden.json"));  // dot files by name
  CHECK(glob_match(".terraform", ".terraform"));
}

TEST_CASE(
    "the walk is bounded by depth and never enters skipped "
    "directories or links",
    "[workspace]") {
  Project p;
  WorkspaceScan scan(p.dir.path());
  CHECK(scan.exists("go.mod"));
  CHECK(scan.exists("cmd/app/main.go"));
  CHECK(scan.exists("cmd/app/deep"));
  CHECK_FALSE(scan.exists("cmd/app/deep/too_deep.go"));  // depth 3
  CHECK(scan.exists("node_modules"));
  CHECK_FALSE(scan.exists("node_modules/pkg"));
  CHECK(scan.exists(".git"));
  CHECK_FALSE(scan.exists(".git/config"));
  CHECK(scan.exists(".terraform"));
  CHECK(scan.exists("loop"));
  CHECK_FALSE(scan.exists("loop/go.mod"));
  CHECK_FALSE(scan.exists("outside/hostname"));
  CHECK_FALSE(scan.truncated());
  CHECK(scan.glob("**/*.go") ==
        std::vector<std::string>{"cmd/app/main.go", "internal/x.go"});
  // Each shape of pattern agrees with glob_match.
  for (std::string pattern :
       {"go.mod", "*.md", "requirements*.txt", "**/x.go", "**/*.go",
        "**/main.g?", "cmd/*/main.go", "cmd/**", ".terraform", "**/*.json"}) {
    std::vector<std::string> expected;
    for (const char* path : {"go.mod", "README.md", "requirements-dev.txt",
                             "internal/x.go", "cmd/app/main.go", ".hidden.json",
                             "cmd", "cmd/app", "cmd/app/deep", ".terraform"}) {
      if (scan.exists(path) && glob_match(pattern, path)) {
        expected.push_back(path);
      }
    }
    std::vector<std::string> found = scan.glob(pattern);
    std::sort(found.begin(), found.end());
    std::sort(expected.begin(), expected.end());
    INFO(pattern);
    CHECK(found == expected);
  }
}

TEST_CASE("read_head reads the first bytes of a regular file the walk saw",
          "[workspace]") {
  Project p;
  WorkspaceScan scan(p.dir.path());
  CHECK(scan.read_head("go.mod", 100) == "content of go.mod");
  CHECK(scan.read_head("go.mod", 7) == "content");
  CHECK_FALSE(scan.read_head("cmd", 10).has_value());
  CHECK_FALSE(scan.read_head("missing", 10).has_value());
  CHECK_FALSE(scan.read_head("link.txt", 10).has_value());
  CHECK_FALSE(scan.read_head("cmd/app/deep/too_deep.go", 10).has_value());

  SECTION("a directory swapped for a link after the walk leads nowhere") {
    std::filesystem::remove_all(p.dir / "internal");
    std::filesystem::create_directory_symlink("/etc", p.dir / "internal");
    test::write(p.dir / "x.go", "");
    CHECK_FALSE(scan.read_head("internal/x.go", 10).has_value());
  }
}

TEST_CASE("the walk stops at its cap, even in a huge directory",
          "[workspace]") {
  test::TempDir dir;
  for (int i = 0; i < 20000; ++i) {
    ::close(::open((dir / ("f" + std::to_string(i))).c_str(),
                   O_CREAT | O_WRONLY, 0644));
  }
  WorkspaceScan scan(dir.path(), WalkLimits{2, 1000});
  CHECK(scan.size() == 1000);
  CHECK(scan.truncated());
}

TEST_CASE("a walk cut short still finds a manifest asked for by name",
          "[workspace]") {
  Project p;
  for (int i = 0; i < 3000; ++i) {
    ::close(::open((p.dir / ("a" + std::to_string(i))).c_str(),
                   O_CREAT | O_WRONLY, 0644));
  }
  WorkspaceScan scan(p.dir.path(), WalkLimits{2, 100});
  REQUIRE(scan.truncated());
  CHECK(scan.exists("go.mod"));
  CHECK(scan.glob("go.mod") == std::vector<std::string>{"go.mod"});
  CHECK(scan.read_head("go.mod", 7) == "content");
  CHECK(scan.exists("cmd/app/main.go"));
  CHECK(scan.exists("cmd/app/deep"));
  // The walk's bounds hold for what is looked up by name.
  CHECK_FALSE(scan.exists("cmd/app/deep/too_deep.go"));
  CHECK_FALSE(scan.exists("node_modules/pkg/index.js"));
  CHECK_FALSE(scan.exists(".git/config"));
  CHECK_FALSE(scan.exists("loop/go.mod"));
  CHECK_FALSE(scan.exists("outside/hostname"));
  CHECK_FALSE(scan.read_head("link.txt", 10).has_value());
  CHECK_FALSE(scan.exists("../" + p.dir.path().filename().string()));
  CHECK_FALSE(scan.exists("/etc/hostname"));
  CHECK_FALSE(scan.exists("missing.toml"));
  CHECK_FALSE(scan.read_head("cmd", 10).has_value());
}

TEST_CASE("a directory of a million entries costs no more than the cap",
          "[workspace][large]") {
  // On tmpfs where there is one: a million files on a disk take a minute.
  std::filesystem::path base = std::filesystem::exists("/dev/shm")
                                   ? "/dev/shm"
                                   : std::filesystem::temp_directory_path();
  std::string pattern = (base / "b2b-million-XXXXXX").string();
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  std::filesystem::path root = pattern;
  for (int i = 0; i < 1000000; ++i) {
    ::close(::open((root / ("f" + std::to_string(i))).c_str(),
                   O_CREAT | O_WRONLY, 0644));
  }
  test::write(root / "pyproject.toml", "[project]\nname = \"big\"\n");

  WorkspaceScan scan(root);
  CHECK(scan.size() == WalkLimits{}.max_entries);
  CHECK(scan.truncated());
  CHECK(scan.exists("pyproject.toml"));
  CHECK(scan.read_head("pyproject.toml", 9) == "[project]");
  std::filesystem::remove_all(root);
}

TEST_CASE("the walk names a workspace it cannot open", "[workspace]") {
  test::TempDir dir;
  const std::string missing = (dir / "missing").string();
  CHECK_THROWS_WITH(WorkspaceScan(missing),
                    "\"" + missing +
                        "\": cannot read the workspace: No such "
                        "file or directory");
}
