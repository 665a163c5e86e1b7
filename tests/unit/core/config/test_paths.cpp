// SPDX-License-Identifier: Apache-2.0
#include "core/config/paths.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

Paths paths_for(std::map<std::string, std::string, std::less<>> vars) {
  return resolve_paths(Environment(std::move(vars)),
                       "/opt/b2b/bin/oss-back2base");
}

}  // namespace

TEST_CASE("resolve_paths puts everything under HOME by default",
          "[config][paths]") {
  Paths paths = paths_for({{"HOME", "/home/ada"}});
  CHECK(paths.config_dir == "/home/ada/.config/back2base");
  CHECK(paths.state_dir == "/home/ada/.config/back2base/state");
  CHECK(paths.data_dir == "/home/ada/.local/share/back2base");
  CHECK(paths.user_keys_dir == "/home/ada/.config/back2base/trusted-keys");
  CHECK(paths.user_plugin_dir == "/home/ada/.local/share/back2base/plugins");
  CHECK(paths.install_plugin_dir == "/opt/b2b/lib/oss-back2base/plugins");
  CHECK(paths.extra_plugin_dirs.empty());
}

TEST_CASE("resolve_paths honours the overrides, then XDG", "[config][paths]") {
  SECTION("XDG base directories") {
    Paths paths = paths_for({{"HOME", "/home/ada"},
                             {"XDG_CONFIG_HOME", "/cfg"},
                             {"XDG_DATA_HOME", "/data"}});
    CHECK(paths.config_dir == "/cfg/back2base");
    CHECK(paths.data_dir == "/data/back2base");
  }
  SECTION("BACK2BASE_CONFIG and BACK2BASE_HOME beat XDG") {
    Paths paths = paths_for({{"HOME", "/home/ada"},
                             {"XDG_CONFIG_HOME", "/cfg"},
                             {"BACK2BASE_CONFIG", "/b2b/config"},
                             {"BACK2BASE_HOME", "/b2b/home/"}});
    CHECK(paths.config_dir == "/b2b/config");
    CHECK(paths.data_dir == "/b2b/home/");
  }
  SECTION("BACK2BASE_PLUGIN_PATH, in order, empty entries skipped") {
    Paths paths = paths_for(
        {{"HOME", "/h"}, {"BACK2BASE_PLUGIN_PATH", "/a::/b/plugins"}});
    REQUIRE(paths.extra_plugin_dirs.size() == 2);
    CHECK(paths.extra_plugin_dirs[0] == "/a");
    CHECK(paths.extra_plugin_dirs[1] == "/b/plugins");
  }
}

TEST_CASE("resolve_paths refuses relative overrides, naming the variable",
          "[config][paths]") {
  CHECK_THROWS_WITH(
      paths_for({{"HOME", "/h"}, {"BACK2BASE_CONFIG", "conf"}}),
      "BACK2BASE_CONFIG: \"conf\" is not an absolute path; set it to one");
  CHECK_THROWS_WITH(
      paths_for({{"HOME", "/h"}, {"BACK2BASE_PLUGIN_PATH", "/ok:rel"}}),
      Catch::StartsWith("BACK2BASE_PLUGIN_PATH: \"rel\" is not an absolute"));
}

TEST_CASE(
    "the managed directory moves only where no administrator's "
    "policy exists",
    "[config][paths][policy]") {
  test::TempDir root;
  const Environment env(
      {{"HOME", "/h"}, {"BACK2BASE_MANAGED_DIR", "/srv/managed"}});
  auto managed = [&] {
    return resolve_paths(env, "/usr/bin/oss-back2base", root.path())
        .managed_dir;
  };
  CHECK(paths_for({{"HOME", "/h"}}).managed_dir == "/etc/back2base");

  SECTION("no policy: the override applies") {
    CHECK(managed() == "/srv/managed");
  }
  SECTION("a policy: the override is ignored") {
    test::write(root / "policy.json", "{}");
    CHECK(managed() == root.path());
  }
  SECTION("a policy that cannot be looked at counts as one") {
    // A link to itself: stat fails with ELOOP, not ENOENT, even for root.
    std::filesystem::create_symlink("policy.json", root / "policy.json");
    CHECK(managed() == root.path());
  }
}
