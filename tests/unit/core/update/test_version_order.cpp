// SPDX-License-Identifier: Apache-2.0
#include "core/update/version_order.hpp"

#include <catch2/catch.hpp>

using namespace b2b::update;

namespace {

Version v(std::string_view text) {
  std::optional<Version> version = parse_version(text);
  REQUIRE(version);
  return *version;
}

}  // namespace

TEST_CASE("versions order as Semantic Versioning says, pre-releases first",
          "[update][version]") {
  // The order of SemVer 2.0's own example, and a few more.
  const char* ascending[] = {
      "0.9.9",      "1.0.0-alpha",  "1.0.0-alpha.1", "1.0.0-alpha.beta",
      "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1",
      "1.0.0",      "1.0.1",        "1.2.0",         "1.10.0",
      "2.0.0"};
  for (std::size_t i = 0; i + 1 < std::size(ascending); ++i) {
    INFO(ascending[i] << " < " << ascending[i + 1]);
    CHECK(v(ascending[i]) < v(ascending[i + 1]));
    CHECK(v(ascending[i + 1]) > v(ascending[i]));
  }
  // A "v" and build metadata do not count.
  CHECK(v("v1.2.3") == v("1.2.3"));
  CHECK(v("1.2.3+build.7") == v("1.2.3"));
  CHECK(v("v1.2.3").text == "1.2.3");
  // 1.2.3-rc1 is not 1.2.0, as a field-by-field reading would make it.
  CHECK(v("1.2.3-rc1") > v("1.2.2"));
  CHECK(v("1.2.3-rc1") < v("1.2.3"));
}

TEST_CASE("what is not a version is refused", "[update][version]") {
  for (const char* bad :
       {"", "dev", "1.2", "1.2.3.4", "01.2.3", "1.2.x", "1.2.3-", "1.2.3-rc..1",
        "1.2.3-01", "1.2.3+", "1.2.3-rc_1", " 1.2.3", "-1.2.3"}) {
    INFO(bad);
    CHECK_FALSE(parse_version(bad));
  }
}
