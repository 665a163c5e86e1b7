// SPDX-License-Identifier: Apache-2.0
#include "core/util/files.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

using namespace b2b;

TEST_CASE("write_file_atomic replaces a file whole, with the mode asked",
          "[util][files]") {
  test::TempDir dir;
  const auto file = dir / "env";
  util::write_file_atomic(file, "old", 0644);
  util::write_file_atomic(file, "new content", 0600);
  CHECK(util::read_file(file) == "new content");
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  // No temporary file is left behind.
  CHECK(std::distance(std::filesystem::directory_iterator(dir.path()),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("write_file_atomic leaves the old file when it cannot write",
          "[util][files]") {
  test::TempDir dir;
  CHECK_THROWS_WITH(util::write_file_atomic(dir / "missing/env", "x", 0600),
                    Catch::Contains("cannot write"));
  util::write_file_atomic(dir / "env", "kept", 0600);
  std::filesystem::create_directory(dir / "env.d");
  CHECK_THROWS(util::write_file_atomic(dir / "env.d", "x", 0600));
  CHECK(util::read_file(dir / "env") == "kept");
}

TEST_CASE("read_file names the file it cannot read", "[util][files]") {
  test::TempDir dir;
  CHECK_FALSE(util::read_file_if_exists(dir / "none").has_value());
  CHECK_THROWS_WITH(util::read_file(dir / "none"),
                    Catch::Contains("none\": cannot read"));
}

TEST_CASE("create_directories gives new directories the mode asked",
          "[util][files]") {
  test::TempDir dir;
  util::create_directories(dir / "a/b", 0700);
  struct stat info {};
  REQUIRE(::stat((dir / "a/b").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);
}
