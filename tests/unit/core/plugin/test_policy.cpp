// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/policy.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using b2b::plugin::load_policy;
using b2b::plugin::Policy;

TEST_CASE("load_policy allows everything when there is no policy file",
          "[plugin][policy]") {
  test::TempDir dir;
  Policy policy = load_policy(dir / "policy.json");
  CHECK(policy.allow_unsigned_plugins);
  CHECK(policy.allow_user_keys);
  CHECK(policy.allow_user_plugins);
  CHECK(policy.source.empty());
}

TEST_CASE("load_policy reads what the administrator forbids",
          "[plugin][policy]") {
  test::TempDir dir;
  test::write(dir / "policy.json",
              R"({"allow_unsigned_plugins": false, "allow_user_keys": false})");
  Policy policy = load_policy(dir / "policy.json");
  CHECK_FALSE(policy.allow_unsigned_plugins);
  CHECK_FALSE(policy.allow_user_keys);
  CHECK(policy.allow_user_plugins);
  CHECK(policy.source == (dir / "policy.json").string());
}

TEST_CASE("load_policy reports every bad key at once, with its line",
          "[plugin][policy]") {
  test::TempDir dir;
  const std::string file = (dir / "policy.json").string();
  test::write(file,
              "{\n"
              "  \"allow_unsigned\": false,\n"
              "  \"allow_user_keys\": \"no\",\n"
              "  \"colour\": true\n"
              "}\n");
  try {
    load_policy(file);
    FAIL("a bad policy was accepted");
  } catch (const Error& e) {
    std::string message = e.what();
    CHECK_THAT(message, Catch::Contains(
                            file + ":2: unknown key \"allow_unsigned\"; "
                                   "did you mean \"allow_unsigned_plugins\"?"));
    CHECK_THAT(message, Catch::Contains(file + ":3: \"allow_user_keys\" "
                                               "must be true or false"));
    CHECK_THAT(message, Catch::Contains(file + ":4: unknown key \"colour\""));
  }
}

TEST_CASE("load_policy names the line where the JSON breaks",
          "[plugin][policy]") {
  test::TempDir dir;
  const std::string file = (dir / "policy.json").string();
  test::write(file, "{\n  \"allow_user_keys\": false,\n  oops\n}\n");
  CHECK_THROWS_WITH(load_policy(file),
                    Catch::StartsWith(file + ":3: not valid JSON"));
  test::write(file, "[true]");
  CHECK_THROWS_WITH(load_policy(file), Catch::Contains("must be a JSON "
                                                       "object"));
}
