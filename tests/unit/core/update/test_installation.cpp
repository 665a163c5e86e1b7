// SPDX-License-Identifier: Apache-2.0
#include "core/update/installation.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::update;
namespace fs = std::filesystem;

TEST_CASE("a copy dpkg or Homebrew installed is theirs to upgrade",
          "[update][installation]") {
  test::TempDir root;
  test::write(root / "usr/bin/oss-back2base", "binary");
  fs::create_directories(root / "usr/lib/oss-back2base/plugins");
  fs::create_directories(root / "dpkg");

  Installation plain =
      find_installation(root / "usr/bin/oss-back2base", root / "dpkg");
  CHECK(plain.manager.empty());
  REQUIRE(plain.plugin_dir);
  CHECK(*plain.plugin_dir ==
        fs::canonical(root / "usr/lib/oss-back2base/plugins"));

  // dpkg's list names another path to the same file: still dpkg's.
  fs::create_symlink(root / "usr", root / "usr-link");
  test::write(root / "dpkg/oss-back2base.list",
              "/.\n" + (root / "usr-link/bin/oss-back2base").string() + "\n");
  Installation packaged =
      find_installation(root / "usr/bin/oss-back2base", root / "dpkg");
  CHECK(packaged.manager == "dpkg");
  CHECK_THAT(packaged.upgrade_command,
             Catch::Contains("apt-get install --only-upgrade oss-back2base"));

  test::write(root / "dpkg/oss-back2base.list", "/usr/bin/other\n");
  CHECK(find_installation(root / "usr/bin/oss-back2base", root / "dpkg")
            .manager.empty());

  test::write(root / "Cellar/oss-back2base/0.1.0/bin/oss-back2base", "b");
  Installation brewed = find_installation(
      root / "Cellar/oss-back2base/0.1.0/bin/oss-back2base", root / "dpkg");
  CHECK(brewed.manager == "Homebrew");
  CHECK(brewed.upgrade_command == "brew upgrade oss-back2base");
  CHECK_FALSE(brewed.plugin_dir);
}
