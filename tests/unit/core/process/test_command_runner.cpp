// SPDX-License-Identifier: Apache-2.0
#include "core/process/command_runner.hpp"

#include <catch2/catch.hpp>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>

using namespace b2b;
using namespace std::chrono_literals;

TEST_CASE("a command's variables reach the child, not the tool",
          "[process][command]") {
  sdk::Command command{{"sh", "-c", "printf %s \"$B2B_TEST_SECRET\""},
                       {{"B2B_TEST_SECRET", "s3cr3t value", true}},
                       sdk::Streams::capture,
                       5s};
  sdk::CommandResult result;
  process::run_command(command, result);
  CHECK(result.started);
  CHECK(result.exit_status == 0);
  CHECK(result.out == "s3cr3t value");
  CHECK(std::getenv("B2B_TEST_SECRET") == nullptr);
}

TEST_CASE("a captured command keeps its two streams apart and is timed",
          "[process][command]") {
  sdk::CommandResult result;
  process::run_command({{"sh", "-c", "echo out; echo err >&2; exit 4"},
                        {},
                        sdk::Streams::capture,
                        5s},
                       result);
  CHECK(result.exit_status == 4);
  CHECK(result.out == "out\n");
  CHECK(result.err == "err\n");

  process::run_command({{"sleep", "30"}, {}, sdk::Streams::capture, 200ms},
                       result);
  CHECK(result.timed_out);
  CHECK(result.exit_status == 128 + SIGKILL);
}

TEST_CASE(
    "an asking command has the tool's stdin and stderr, and its "
    "answer is captured",
    "[process][command]") {
  // The tool's stdin is this pipe: what the command reads from it shows
  // that it was not given /dev/null.
  int feed[2];
  REQUIRE(::pipe(feed) == 0);
  REQUIRE(::write(feed[1], "typed\n", 6) == 6);
  ::close(feed[1]);
  int saved = ::dup(STDIN_FILENO);
  ::dup2(feed[0], STDIN_FILENO);
  ::close(feed[0]);
  sdk::CommandResult result;
  process::run_command(
      {{"sh", "-c", "read line; echo \"asked: $line\"; echo prompt >&2"},
       {},
       sdk::Streams::ask,
       5s},
      result);
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  CHECK(result.exit_status == 0);
  CHECK(result.out == "asked: typed\n");
  CHECK(result.err.empty());  // it went to the user
}

TEST_CASE("a program that is not there is reported, not thrown",
          "[process][command]") {
  sdk::CommandResult result;
  process::run_command({{"b2b-no-such-program"}, {}, sdk::Streams::capture, 5s},
                       result);
  CHECK_FALSE(result.started);
  CHECK_FALSE(result.reason.empty());
}

TEST_CASE(
    "a termination sent to the tool reaches the command, which ends "
    "as it chooses, and the tool lives on",
    "[process][command]") {
  std::thread signaller([] {
    std::this_thread::sleep_for(300ms);
    ::kill(::getpid(), SIGTERM);
  });
  sdk::CommandResult result;
  process::run_command({{"sh", "-c", "trap 'exit 42' TERM; sleep 10 & wait"},
                        {},
                        sdk::Streams::inherit,
                        {}},
                       result);
  signaller.join();
  CHECK(result.started);
  CHECK(result.interrupted);
  CHECK(result.exit_status == 42);
  CHECK(process::interrupted());
}

namespace {

// What `command` writes to this process's stderr, which is not a terminal
// here (a file stands in for the pipe of a CI log).
std::string stderr_of(const sdk::Command& command, sdk::CommandResult& result) {
  char path[] = "/tmp/b2b-progress-XXXXXX";
  int file = ::mkstemp(path);
  REQUIRE(file >= 0);
  std::fflush(stderr);
  int saved = ::dup(STDERR_FILENO);
  ::dup2(file, STDERR_FILENO);
  process::run_command(command, result);
  std::fflush(stderr);
  ::dup2(saved, STDERR_FILENO);
  ::close(saved);
  std::string written(static_cast<std::size_t>(::lseek(file, 0, SEEK_END)),
                      '\0');
  ::pread(file, written.data(), written.size(), 0);
  ::close(file);
  ::unlink(path);
  return written;
}

}  // namespace

TEST_CASE(
    "progress stays quiet in a pipe, and its end is shown when the "
    "command fails",
    "[process][command]") {
  sdk::CommandResult result;
  CHECK(stderr_of({{"sh", "-c", "echo step 1; echo step 2 >&2"},
                   {},
                   sdk::Streams::progress,
                   5s},
                  result)
            .empty());
  CHECK(result.exit_status == 0);
  CHECK(result.err.empty());

  // A long output that fails: its last 40 lines, in the order written.
  std::string shown = stderr_of(
      {{"sh", "-c",
        "i=0; while [ $i -lt 100 ]; do echo line $i; i=$((i+1)); done; "
        "echo the error >&2; exit 3"},
       {},
       sdk::Streams::progress,
       5s},
      result);
  CHECK(result.exit_status == 3);
  CHECK(shown.starts_with("line 61\n"));
  CHECK(shown.ends_with("line 99\nthe error\n"));
  CHECK(result.err.empty());
}
