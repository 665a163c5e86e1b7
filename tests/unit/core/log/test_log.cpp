// SPDX-License-Identifier: Apache-2.0
#include "core/log/log.hpp"

#include <catch2/catch.hpp>

#include <pty.h>
#include <unistd.h>

#include <cstdlib>

using namespace b2b;

TEST_CASE("redact stops at a secret that is part of its own mask",
          "[log][redaction]") {
  log::add_secret("acted");
  CHECK(log::redact("redacted") == "red[redacted]");
}

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

TEST_CASE("colour is on for a terminal, off under NO_COLOR or TERM=dumb",
          "[log]") {
  int controller = -1;
  int terminal = -1;
  REQUIRE(::openpty(&controller, &terminal, nullptr, nullptr, nullptr) == 0);
  ::unsetenv("NO_COLOR");
  ::setenv("TERM", "xterm", 1);
  CHECK(log::colour_wanted(terminal));
  ::setenv("NO_COLOR", "1", 1);
  CHECK_FALSE(log::colour_wanted(terminal));
  ::setenv("NO_COLOR", "", 1);  // empty means unset, as no-color.org says
  CHECK(log::colour_wanted(terminal));
  ::unsetenv("NO_COLOR");
  ::setenv("TERM", "dumb", 1);
  CHECK_FALSE(log::colour_wanted(terminal));
  ::close(controller);
  ::close(terminal);
}

TEST_CASE("colour is off for what is not a terminal", "[log]") {
  ::setenv("TERM", "xterm", 1);
  int pipe_fds[2];
  REQUIRE(::pipe(pipe_fds) == 0);
  CHECK_FALSE(log::colour_wanted(pipe_fds[1]));
  ::close(pipe_fds[0]);
  ::close(pipe_fds[1]);
}
