// SPDX-License-Identifier: Apache-2.0
#include "core/config/json_document.hpp"

#include "core/util/error.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

TEST_CASE("a JSON document knows the line of every key and array item",
          "[config][json]") {
  JsonDocument doc(
      "{\n"
      "  \"core\": [\"a\",\n"
      "           \"b\"],\n"
      "  \"profiles\": {\n"
      "    \"go\": {\"servers\": []},\n"
      "    \"a/b~c\": 1,\n"
      "    \"caf\\u00e9\": 2\n"
      "  }\n"
      "}\n",
      "profiles.json");
  CHECK(doc.line_of("") == 1);
  CHECK(doc.line_of("/core") == 2);
  CHECK(doc.line_of("/core/0") == 2);
  CHECK(doc.line_of("/core/1") == 3);
  CHECK(doc.line_of("/profiles/go/servers") == 5);
  CHECK(doc.line_of(json_pointer("/profiles", "a/b~c")) == 6);
  CHECK(doc.line_of(json_pointer("/profiles", "caf\xc3\xa9")) == 7);
  CHECK(doc.line_of("/nothing") == 0);
  CHECK(doc.where("/core/1") == "profiles.json:3");
  CHECK(doc.where("/nothing") == "profiles.json");
  CHECK(doc.root().at("core").as_array().size() == 2);
}

TEST_CASE("invalid JSON is reported at its line and column", "[config][json]") {
  auto message_for = [](std::string_view text) {
    try {
      JsonDocument(text, "f.json");
    } catch (const Error& e) {
      return std::string(e.what());
    }
    return std::string("accepted");
  };
  CHECK_THAT(message_for("{\n  \"a\": 1,\n  \"b\" 2\n}"),
             Catch::StartsWith("f.json:3:7: not valid JSON: "));
  CHECK_THAT(message_for("{\"a\": [1, 2,]}"),
             Catch::StartsWith("f.json:1:13: not valid JSON"));
  CHECK_THAT(message_for("{\"a\": 1"),
             Catch::StartsWith("f.json:1:8: not valid JSON"));
  CHECK_THAT(message_for("{} {}"),
             Catch::StartsWith("f.json:1:4: not valid JSON"));
  CHECK_THAT(message_for(""), Catch::StartsWith("f.json:1:1: not valid"));
  CHECK_THAT(message_for("{\"a\": 1}"), Catch::Equals("accepted"));
}
