// SPDX-License-Identifier: Apache-2.0
#include "core/net/http_client.hpp"

#include <catch2/catch.hpp>

using namespace b2b::net;

TEST_CASE("URLs are split for a request, credentials in them refused",
          "[net][http]") {
  auto url = parse_url("https://example.test/a/b?c=d#frag");
  REQUIRE(url);
  CHECK(url->tls);
  CHECK(url->host == "example.test");
  CHECK(url->port == "443");
  CHECK(url->target == "/a/b?c=d");
  url = parse_url("http://[::1]:8080");
  REQUIRE(url);
  CHECK(url->host == "::1");
  CHECK(url->port == "8080");
  CHECK(url->target == "/");
  CHECK(parse_url("http://h?x=1")->target == "/?x=1");
  CHECK_FALSE(parse_url("ftp://example.test/"));
  CHECK_FALSE(parse_url("https://user:secret@example.test/"));
  CHECK_FALSE(parse_url("http://example.test:http/"));
  CHECK_FALSE(parse_url("https:///path"));
}

TEST_CASE("a reference is read against its base as a browser would",
          "[net][http]") {
  const std::string base = "https://dl.example.test/releases/index.json?x=1";
  CHECK(resolve_url(base, "0.2.0/checksums.txt") ==
        "https://dl.example.test/releases/0.2.0/checksums.txt");
  CHECK(resolve_url(base, "/other/list") ==
        "https://dl.example.test/other/list");
  CHECK(resolve_url(base, "../up/./list?sig=1") ==
        "https://dl.example.test/up/list?sig=1");
  CHECK(resolve_url(base, "../../../../list") ==
        "https://dl.example.test/list");
  CHECK(resolve_url(base, "//mirror.test/list") == "https://mirror.test/list");
  CHECK(resolve_url(base, "http://plain.test/x") == "http://plain.test/x");
  CHECK(resolve_url("http://h:81", "a") == "http://h:81/a");
  CHECK(resolve_url("http://h/dir/", "a") == "http://h/dir/a");
  CHECK(resolve_url("http://h/dir/i", "list?from=http://x/y") ==
        "http://h/dir/list?from=http://x/y");
}
