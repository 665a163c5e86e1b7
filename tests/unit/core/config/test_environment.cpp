// SPDX-License-Identifier: Apache-2.0
#include "core/config/environment.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using b2b::config::Environment;

TEST_CASE("Environment tells unset from empty", "[config][environment]") {
  Environment env({{"EMPTY", ""}, {"ONE", "1"}, {"NO", "no"}, {"X", "x"}});
  CHECK(env.get("EMPTY") == "");
  CHECK_FALSE(env.get_nonempty("EMPTY").has_value());
  CHECK_FALSE(env.get("UNSET").has_value());
  CHECK(env.get_nonempty("X") == "x");
}

TEST_CASE("Environment::from_process snapshots the process environment",
          "[config][environment]") {
  ::setenv("B2B_TEST_SNAPSHOT", "a=b", 1);
  Environment env = Environment::from_process();
  ::unsetenv("B2B_TEST_SNAPSHOT");
  CHECK(env.get("B2B_TEST_SNAPSHOT") == "a=b");
}
