// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/trusted_keys.hpp"

#include "core/plugin/build_key.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::plugin;

TEST_CASE(
    "load_trusted_keys trusts the build's key, the managed keys and "
    "the user's",
    "[plugin][keys]") {
  test::TempDir dir;
  config::Paths paths;
  paths.managed_dir = dir / "etc";
  paths.user_keys_dir = dir / "user";
  test::write(paths.managed_keys_dir() / "corp.pub",
              format_public_key(test::test_keys().public_key));
  test::write(paths.user_keys_dir / "mine.pub",
              format_public_key(test::stranger_keys().public_key));
  test::write(paths.user_keys_dir / "broken.pub", "not a key\n");
  test::write(paths.user_keys_dir / "readme.txt", "ignored");

  Policy policy;
  std::vector<TrustedKey> keys = load_trusted_keys(paths, policy);
  REQUIRE(keys.size() == 3);
  CHECK(keys[0].source == "build");
  CHECK(keys[0].key.key == parse_public_key(build_public_key()).key);
  CHECK(keys[1].source == (paths.managed_keys_dir() / "corp.pub").string());
  CHECK(keys[2].key.id == test::stranger_keys().public_key.id);

  SECTION("user keys do not count when the policy says so") {
    policy.allow_user_keys = false;
    std::vector<TrustedKey> managed = load_trusted_keys(paths, policy);
    REQUIRE(managed.size() == 2);
    CHECK(managed[1].key.id == test::test_keys().public_key.id);
  }
}
