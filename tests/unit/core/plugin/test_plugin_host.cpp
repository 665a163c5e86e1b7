// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/plugin_host.hpp"

#include <catch2/catch.hpp>

using namespace b2b;

TEST_CASE("PluginHost gives a plugin the tool's settings", "[plugin][host]") {
  auto environment = std::make_shared<const config::Environment>(
      config::Environment({{"BACK2BASE_PROFILE", "go"}, {"EMPTY", ""}}));
  plugin::PluginHost host("go", environment);
  CHECK(host.setting("BACK2BASE_PROFILE") == "go");
  CHECK(host.setting("EMPTY") == "");
  CHECK_FALSE(host.setting("UNSET").has_value());
}
