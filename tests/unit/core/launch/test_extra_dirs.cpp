// SPDX-License-Identifier: Apache-2.0
#include "core/launch/extra_dirs.hpp"
#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
namespace fs = std::filesystem;

TEST_CASE("extra directories are mounted under /repos by name",
          "[launch][dirs]") {
  test::TempDir root;
  fs::create_directories(root / "a/lib");
  fs::create_directories(root / "b/lib");
  fs::create_directories(root / "docs");
  fs::create_directories(root / "work");
  auto dirs = launch::resolve_extra_dirs(
      {"a/lib", (root / "b/lib").string(), "docs:ro"}, root.path(),
      root / "home", root / "work");
  REQUIRE(dirs.size() == 3);
  CHECK(dirs[0].target == "/repos/lib");
  CHECK(dirs[1].target == "/repos/lib-2");
  CHECK(dirs[1].source == fs::canonical(root / "b/lib"));
  CHECK_FALSE(dirs[1].read_only);
  CHECK(dirs[2].target == "/repos/docs");
  CHECK(dirs[2].read_only);
}

TEST_CASE("a directory that is missing, the machine or home is refused, "
          "each by the flag as typed",
          "[launch][dirs]") {
  test::TempDir root;
  fs::create_directories(root / "home");
  fs::create_directories(root / "work");
  test::write(root / "file", "x");
  try {
    launch::resolve_extra_dirs({"missing", "/", "home:ro", "file", "work"},
                               root.path(), root / "home", root / "work");
    FAIL("no error");
  } catch (const Error& e) {
    std::string message = e.what();
    CHECK_THAT(message, Catch::Contains("--dir \"missing\": does not exist; "
                                        "give an existing directory"));
    CHECK_THAT(message, Catch::Contains("--dir \"/\": would show the agent "
                                        "the whole machine"));
    CHECK_THAT(message,
               Catch::Contains("--dir \"home:ro\": would show the agent your "
                               "home"));
    CHECK_THAT(message, Catch::Contains("--dir \"file\": is not a directory"));
    CHECK_THAT(message, Catch::Contains("--dir \"work\": is the workspace"));
  }
  CHECK_FALSE(fs::exists(root / "missing"));
}
