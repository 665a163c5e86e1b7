// SPDX-License-Identifier: Apache-2.0
#include "core/util/json_output.hpp"

#include <boost/json.hpp>
#include <catch2/catch.hpp>

TEST_CASE("pretty_json indents by two spaces and escapes strings",
          "[util][json]") {
  boost::json::value value = {{"name", "a \"quoted\" value"},
                              {"list", {1, 2}},
                              {"empty", boost::json::array()},
                              {"nested", {{"ok", true}}}};
  CHECK(b2b::util::pretty_json(value) ==
        "{\n"
        "  \"name\": \"a \\\"quoted\\\" value\",\n"
        "  \"list\": [\n"
        "    1,\n"
        "    2\n"
        "  ],\n"
        "  \"empty\": [],\n"
        "  \"nested\": {\n"
        "    \"ok\": true\n"
        "  }\n"
        "}\n");
  CHECK(boost::json::parse(b2b::util::pretty_json(value)) == value);
}

TEST_CASE("pretty_json writes numbers as plain decimals", "[util][json]") {
  boost::json::value value = {0.7, 1.0, 0.351359, 12.5, -3};
  CHECK(b2b::util::pretty_json(value) ==
        "[\n  0.7,\n  1,\n  0.351359,\n  12.5,\n  -3\n]\n");
}
