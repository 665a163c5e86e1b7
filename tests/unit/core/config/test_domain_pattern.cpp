// SPDX-License-Identifier: Apache-2.0
#include "core/config/domain_pattern.hpp"

#include <catch2/catch.hpp>

using namespace b2b::config;

TEST_CASE("the allowlist takes host names and wildcards over a domain",
          "[config][allowlist]") {
  for (const char* good :
       {"api.github.com", "*.githubusercontent.com", "model-gateway",
        "a-b.c-d.example", "xn--caf-dma.example", "1password.com"}) {
    INFO(good);
    CHECK_FALSE(domain_pattern_problem(good));
  }
  CHECK(normalise_domain("API.GitHub.com.") == "api.github.com");
}

TEST_CASE("the allowlist refuses addresses, networks and URLs, saying why",
          "[config][allowlist]") {
  auto why = [](const char* pattern) {
    return domain_pattern_problem(pattern).value_or("accepted");
  };
  CHECK_THAT(why(""), Catch::Contains("empty"));
  CHECK_THAT(why("https://api.github.com"), Catch::Contains("is a URL"));
  CHECK_THAT(why("10.0.0.0/8"), Catch::Contains("network"));
  CHECK_THAT(why("192.168.1.10"), Catch::Contains("is an address"));
  CHECK_THAT(why("::1"), Catch::Contains("IPv6"));
  CHECK_THAT(why("example.com:8443"), Catch::Contains("port"));
  CHECK_THAT(why("*"), Catch::Contains("only as a leading"));
  CHECK_THAT(why("*.com"), Catch::Contains("too broad"));
  CHECK_THAT(why("api.*.com"), Catch::Contains("only as a leading"));
  CHECK_THAT(why("under_score.example"), Catch::Contains("not a host name"));
  CHECK_THAT(why("-bad.example"), Catch::Contains("not a host name"));
  CHECK_THAT(why("a..b"), Catch::Contains("not a host name"));
}
