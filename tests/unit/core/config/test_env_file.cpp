// SPDX-License-Identifier: Apache-2.0
#include "core/config/env_file.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

// The value `line` assigns, failing the test on a problem.
std::string value_of(std::string_view line) {
  EnvParse parse = parse_env(line);
  INFO(line);
  REQUIRE(parse.problems.empty());
  REQUIRE(parse.entries.size() == 1);
  return parse.entries[0].value;
}

std::string problem_of(std::string_view line) {
  EnvParse parse = parse_env(line);
  INFO(line);
  REQUIRE(parse.problems.size() == 1);
  return parse.problems[0].message;
}

}  // namespace

TEST_CASE("parse_env reads plain, exported and spaced assignments",
          "[config][env]") {
  EnvParse parse = parse_env(
      "# a comment\n"
      "\n"
      "   \n"
      "A=1\n"
      "export B=two\n"
      "  C = spaced  \n"
      "EMPTY=\n"
      "_under_score9=x\r\n"
      "A=again");
  REQUIRE(parse.problems.empty());
  REQUIRE(parse.entries.size() == 6);
  CHECK(parse.entries[0].key == "A");
  CHECK(parse.entries[0].line == 4);
  CHECK(parse.entries[1].key == "B");
  CHECK(parse.entries[1].value == "two");
  CHECK(parse.entries[2].value == "spaced");
  CHECK(parse.entries[3].value.empty());
  CHECK(parse.entries[4].value == "x");
  CHECK(parse.entries[5].line == 9);
}

TEST_CASE("parse_env quotes: single literal, double with four escapes",
          "[config][env]") {
  CHECK(value_of(R"(K='a "b" \n $HOME # not a comment')") ==
        R"(a "b" \n $HOME # not a comment)");
  CHECK(value_of(R"(K="line\nnext\ttab \\ \"q\"")") ==
        "line\nnext\ttab \\ \"q\"");
  CHECK(value_of(R"(K="  kept  ")") == "  kept  ");
  CHECK(value_of(R"(K='x'   # comment after)") == "x");
  CHECK(value_of(R"(K="x" # comment after)") == "x");
  CHECK(value_of("K=''") == "");
}

TEST_CASE("parse_env unquoted values: comments only after whitespace",
          "[config][env]") {
  CHECK(value_of("K=value # comment") == "value");
  CHECK(value_of("K=value\t# comment") == "value");
  CHECK(value_of("K=http://host/#fragment") == "http://host/#fragment");
  CHECK(value_of("K=a b c   ") == "a b c");
  CHECK(value_of("K=it's") == "it's");
  CHECK(value_of("K=a=b") == "a=b");
  CHECK(value_of("export=1") == "1");  // a key named export
}

TEST_CASE("parse_env says what is wrong with a line and what to do",
          "[config][env]") {
  CHECK_THAT(problem_of("JUSTAWORD"), Catch::StartsWith("expected KEY=VALUE"));
  CHECK_THAT(problem_of("1KEY=x"),
             Catch::Contains("not starting with a digit"));
  CHECK_THAT(problem_of("MY-KEY=x"), Catch::StartsWith("expected KEY=VALUE"));
  CHECK_THAT(problem_of("=x"), Catch::StartsWith("expected KEY=VALUE"));
  CHECK_THAT(problem_of("K='open"), Catch::Contains("never closed"));
  CHECK_THAT(problem_of("K=\"open"), Catch::Contains("never closed"));
  CHECK_THAT(problem_of("K=\"ends with \\"), Catch::Contains("never closed"));
  CHECK_THAT(problem_of(R"(K="C:\Users")"),
             Catch::Contains("unknown escape \"\\U\"") &&
                 Catch::Contains("single quotes"));
  CHECK_THAT(problem_of("K='a' b"), Catch::Contains("after the closing quote"));
  CHECK_THAT(problem_of(std::string_view("K=a\0b", 5)),
             Catch::Contains("NUL byte"));
}

TEST_CASE("parse_env never repeats a line's text in its messages",
          "[config][env][secrets]") {
  const std::string secret = "sk-ant-oat01-pasted-without-a-key==";
  for (std::string line : {secret, "MY-" + secret + "=x", "K='a'" + secret,
                           "K=\"a\"" + secret, "1" + secret + "=v"}) {
    EnvParse parse = parse_env(line);
    REQUIRE(parse.problems.size() == 1);
    CHECK_THAT(parse.problems[0].message, !Catch::Contains("sk-ant"));
    CHECK_THAT(parse.problems[0].message, !Catch::Contains("pasted"));
  }
}

TEST_CASE("parse_env reports every bad line, and keeps the good ones",
          "[config][env]") {
  EnvParse parse = parse_env("A=1\nbad one\nB='x\nC=3\n4=4\n");
  REQUIRE(parse.problems.size() == 3);
  CHECK(parse.problems[0].line == 2);
  CHECK(parse.problems[1].line == 3);
  CHECK(parse.problems[2].line == 5);
  CHECK(parse.entries.size() == 2);
}

TEST_CASE("EnvFile::load names the file and line of every problem",
          "[config][env]") {
  test::TempDir dir;
  const std::string path = (dir / "env").string();

  SECTION("missing: empty, not an error") {
    EnvFile file = EnvFile::load(path);
    CHECK(file.entries().empty());
  }
  SECTION("bad lines") {
    test::write(path, "OK=1\nnope\nX='y\n");
    try {
      EnvFile::load(path);
      FAIL("a bad env file was accepted");
    } catch (const Error& e) {
      CHECK_THAT(e.what(), Catch::StartsWith(path + ":2: expected KEY=VALUE"));
      CHECK_THAT(e.what(), Catch::Contains("\n" + path + ":3: the single"));
    }
  }
  SECTION("the last assignment of a key wins") {
    test::write(path, "K=first\nK=second\n");
    EnvFile file = EnvFile::load(path);
    REQUIRE(file.find("K") != nullptr);
    CHECK(file.find("K")->value == "second");
    CHECK(file.find("K")->line == 2);
    CHECK(file.find("MISSING") == nullptr);
  }
  SECTION("a directory where the file should be") {
    std::filesystem::create_directories(path);
    CHECK_THROWS_WITH(EnvFile::load(path),
                      "\"" + path + "\": cannot read: Is a directory");
  }
}
