// SPDX-License-Identifier: Apache-2.0
#include "core/process/process_runner.hpp"

#include <catch2/catch.hpp>

using namespace b2b::process;
using namespace std::chrono_literals;

TEST_CASE("the system runner captures output and the exit status",
          "[process]") {
  auto runner = make_system_runner();
  ProcessResult result =
      runner->run({"sh", "-c", "echo out; echo err >&2; exit 3"}, 5s);
  CHECK(result.started);
  CHECK(result.exit_code == 3);
  CHECK(result.out == "out\n");
  CHECK(result.err == "err\n");
  CHECK_FALSE(result.succeeded());
}

TEST_CASE("the system runner gives the child no stdin", "[process]") {
  auto runner = make_system_runner();
  ProcessResult result = runner->run({"cat"}, 5s);
  CHECK(result.succeeded());
  CHECK(result.out.empty());
}

TEST_CASE("the system runner kills what overruns its deadline", "[process]") {
  auto runner = make_system_runner();
  auto start = std::chrono::steady_clock::now();
  ProcessResult result = runner->run({"sleep", "30"}, 200ms);
  CHECK(result.timed_out);
  CHECK(result.exit_code == 128 + 9);
  CHECK(std::chrono::steady_clock::now() - start < 10s);
}

TEST_CASE("the system runner reports a program that is not there",
          "[process]") {
  auto runner = make_system_runner();
  ProcessResult result = runner->run({"b2b-no-such-program"}, 5s);
  CHECK_FALSE(result.started);
  CHECK(result.reason == "No such file or directory");
}
