// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/discovery.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::plugin;

TEST_CASE("discover finds .so files in search order, the first name wins",
          "[plugin][discovery]") {
  test::TempDir dir;
  test::write(dir / "first/b.so", "b");
  test::write(dir / "first/a.so", "a");
  test::write(dir / "first/a.so.minisig", "sig");
  test::write(dir / "first/notes.txt", "text");
  test::write(dir / "second/a.so", "a again");
  test::write(dir / "second/c.so", "c");
  std::filesystem::create_directory(dir / "second/sub.so");

  std::vector<Candidate> found =
      discover({{dir / "first", "BACK2BASE_PLUGIN_PATH"},
                {dir / "missing", "user"},
                {dir / "second", "install"}});
  REQUIRE(found.size() == 4);
  CHECK(found[0].path == dir / "first/a.so");
  CHECK(found[1].path == dir / "first/b.so");
  CHECK(found[2].path == dir / "second/a.so");
  CHECK(found[2].shadowed_by == dir / "first/a.so");
  CHECK(found[2].origin == "install");
  CHECK(found[3].path == dir / "second/c.so");
  CHECK_FALSE(found[3].shadowed_by.has_value());
}

TEST_CASE(
    "plugin_directories searches only the install's when the policy "
    "forbids user plugins",
    "[plugin][discovery][policy]") {
  config::Paths paths;
  paths.extra_plugin_dirs = {"/opt/extra"};
  paths.user_plugin_dir = "/home/u/.local/share/back2base/plugins";
  paths.install_plugin_dir = "/usr/lib/oss-back2base/plugins";
  Policy policy;
  std::vector<PluginDirectory> all = plugin_directories(paths, policy);
  REQUIRE(all.size() == 3);
  CHECK(all[0].path == "/opt/extra");
  CHECK(all[1].origin == "user");
  CHECK(all[2].origin == "install");

  policy.allow_user_plugins = false;
  std::vector<PluginDirectory> managed = plugin_directories(paths, policy);
  REQUIRE(managed.size() == 1);
  CHECK(managed[0].path == "/usr/lib/oss-back2base/plugins");
}
