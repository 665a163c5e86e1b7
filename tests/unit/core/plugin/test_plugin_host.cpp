// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/plugin_host.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;

TEST_CASE("PluginHost gives a plugin the tool's settings", "[plugin][host]") {
  plugin::PluginHost host(
      "go", test::settings_of(config::Environment(
                {{"BACK2BASE_PROFILE", "go"}, {"BACK2BASE_EMPTY", ""}})));
  CHECK(host.setting("BACK2BASE_PROFILE") == "go");
  CHECK(host.setting("BACK2BASE_EMPTY") == "");
  CHECK_FALSE(host.setting("UNSET").has_value());
  CHECK(host.setting("BACK2BASE_RUNTIME") == "auto");  // the default
}
