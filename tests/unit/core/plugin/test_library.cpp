// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/library.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using b2b::plugin::Library;

TEST_CASE("Library finds a plugin's exported symbols and no others",
          "[plugin][library]") {
  Library library(test::fixture_plugin("good_detector").string(),
                  "detector-fixture.so");
  CHECK(library.symbol("b2b_plugin_descriptor") != nullptr);
  CHECK(library.symbol("b2b_plugin_create") != nullptr);
  CHECK(library.symbol("no_such_symbol") == nullptr);
}

TEST_CASE(
    "Library reports the dynamic loader's reason under the plugin's "
    "own name",
    "[plugin][library]") {
  test::TempDir dir;
  const std::string path = (dir / "random-name.so").string();
  test::write(path, "this is not an ELF file at all, just text");
  CHECK_THROWS_WITH(Library(path, "detector-text.so"),
                    Catch::StartsWith("the dynamic loader refused it: "
                                      "detector-text.so:") &&
                        !Catch::Contains(path));
}
