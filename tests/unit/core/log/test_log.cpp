// SPDX-License-Identifier: Apache-2.0
#include "core/log/log.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <cstdlib>

using namespace b2b;

TEST_CASE("redact hides every remembered secret", "[log][redaction]") {
  log::add_secret("sk-ant-api03-SECRETVALUE");
  log::add_secret("abc");  // too short to hide without garbling words
  CHECK(log::redact("key=sk-ant-api03-SECRETVALUE and "
                    "sk-ant-api03-SECRETVALUE again") ==
        "key=[redacted] and [redacted] again");
  CHECK(log::redact("abc stays") == "abc stays");
}

TEST_CASE("the log level decides what is shown", "[log]") {
  log::configure(log::Level::warning, false);
  CHECK(log::enabled(log::Level::error));
  CHECK(log::enabled(log::Level::warning));
  CHECK_FALSE(log::enabled(log::Level::info));
  log::configure(log::Level::debug, false);
  CHECK(log::enabled(log::Level::debug));
  log::configure(log::Level::error, false);
  CHECK_FALSE(log::enabled(log::Level::warning));
}

TEST_CASE("colour is off under NO_COLOR and for what is not a terminal",
          "[log]") {
  ::setenv("NO_COLOR", "1", 1);
  CHECK_FALSE(log::colour_wanted(2));
  ::unsetenv("NO_COLOR");
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  CHECK_FALSE(log::colour_wanted(pipe_fds[1]));
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
}
