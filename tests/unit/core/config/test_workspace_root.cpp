// SPDX-License-Identifier: Apache-2.0
#include "core/config/workspace_root.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

Settings with_repo(const std::string& path) {
  return Settings(Environment({{"REPO_PATH", path}}), EnvFile(), {});
}

}  // namespace

TEST_CASE(
    "the workspace is --repo, else REPO_PATH, else the git root, else "
    "the current directory",
    "[config][workspace]") {
  test::TempDir dir;
  std::filesystem::create_directories(dir / "repo/src/deep");
  std::filesystem::create_directories(dir / "other");
  std::filesystem::create_directories(dir / "plain");
  auto runner = process::make_system_runner();
  REQUIRE(runner
              ->run({"git", "init", "-q", (dir / "repo").string()},
                    std::chrono::seconds(10))
              .succeeded());

  WorkspaceRoot root = resolve_workspace_root(std::nullopt, Settings(), *runner,
                                              dir / "repo/src/deep");
  CHECK(root.path == std::filesystem::canonical(dir / "repo"));
  CHECK(root.origin == "git root");

  root =
      resolve_workspace_root(std::nullopt, Settings(), *runner, dir / "plain");
  CHECK(root.path == dir / "plain");
  CHECK(root.origin == "current directory");

  root = resolve_workspace_root(std::nullopt, with_repo("../other"), *runner,
                                dir / "repo");
  CHECK(root.path == dir / "other");
  CHECK(root.origin == "REPO_PATH (environment)");

  root = resolve_workspace_root(std::string("plain/"),
                                with_repo((dir / "other").string()), *runner,
                                dir.path());
  CHECK(root.path == dir / "plain");
  CHECK(root.origin == "--repo");
}

TEST_CASE(
    "a workspace that is missing or not a directory is an error, and "
    "nothing is created",
    "[config][workspace]") {
  test::TempDir dir;
  test::write(dir / "file", "x");
  auto runner = process::make_system_runner();
  CHECK_THROWS_WITH(
      resolve_workspace_root(std::string("missing"), Settings(), *runner,
                             dir.path()),
      Catch::StartsWith("--repo: \"" + (dir / "missing").string() +
                        "\": No such file or directory; give an existing"));
  CHECK_FALSE(std::filesystem::exists(dir / "missing"));
  CHECK_THROWS_WITH(
      resolve_workspace_root(std::nullopt, with_repo((dir / "file").string()),
                             *runner, dir.path()),
      Catch::Contains("is not a directory"));
}
