// SPDX-License-Identifier: Apache-2.0
#include "core/util/strings.hpp"

#include <catch2/catch.hpp>

using namespace b2b::util;

TEST_CASE("edit_distance counts single-character edits", "[util][strings]") {
  CHECK(edit_distance("plugin", "plugin") == 0);
  CHECK(edit_distance("plgin", "plugin") == 1);
  CHECK(edit_distance("doctro", "doctor") == 1);  // a swap
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("closest_match suggests only plausible misspellings",
          "[util][strings]") {
  std::vector<std::string> commands = {"doctor", "plugin", "version"};
  CHECK(closest_match("plgin", commands) == "plugin");
  CHECK(closest_match("versoin", commands) == "version");
  CHECK(closest_match("docter", commands) == "doctor");
  CHECK(closest_match("ver", commands) == "version");
  CHECK(closest_match("fix", commands).empty());
  CHECK(closest_match("the", commands).empty());
}

TEST_CASE("split keeps empty pieces", "[util][strings]") {
  CHECK(split("a::b", ':') == std::vector<std::string>{"a", "", "b"});
  CHECK(split("", ':') == std::vector<std::string>{""});
}

TEST_CASE("is_plain_name: 1 to 64 of a-z, 0-9 and -", "[util][strings]") {
  CHECK(is_plain_name("runtime-compose2"));
  CHECK_FALSE(is_plain_name(""));
  CHECK_FALSE(is_plain_name("Go"));
  CHECK_FALSE(is_plain_name("a_b"));
  CHECK(is_plain_name(std::string(64, 'a')));
  CHECK_FALSE(is_plain_name(std::string(65, 'a')));
}

TEST_CASE("octal_mode writes permission bits as chmod takes them",
          "[util][strings]") {
  CHECK(octal_mode(0600) == "0600");
  CHECK(octal_mode(0644) == "0644");
  CHECK(octal_mode(04755) == "4755");
}

TEST_CASE("quote and to_hex", "[util][strings]") {
  CHECK(quote("x y") == "\"x y\"");
  const unsigned char bytes[] = {0x00, 0xab, 0x7f};
  CHECK(to_hex(bytes, 3) == "00ab7f");
}

TEST_CASE("shell_quote gives words a shell reads back as they were",
          "[util][strings]") {
  CHECK(shell_quote("podman") == "podman");
  CHECK(shell_quote("a=b,c/d:e") == "a=b,c/d:e");
  CHECK(shell_quote("") == "''");
  CHECK(shell_quote("two words") == "'two words'");
  CHECK(shell_quote("it's $HOME") == "'it'\\''s $HOME'");
}
