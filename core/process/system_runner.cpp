// SPDX-License-Identifier: Apache-2.0
// posix_spawn with two pipes and a poll loop: small, and exact about which
// descriptors the child inherits (none but its three).
#include "core/process/process_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

extern char** environ;

namespace b2b::process {
namespace {

using Clock = std::chrono::steady_clock;

struct Pipe {
  int read = -1;
  int write = -1;
  Pipe() = default;
  Pipe(const Pipe&) = delete;
  Pipe& operator=(const Pipe&) = delete;
  ~Pipe() {
    close_read();
    close_write();
  }
  bool open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      return false;
    }
    read = fds[0];
    write = fds[1];
    return true;
  }
  void close_read() { close_fd(read); }
  void close_write() { close_fd(write); }
  static void close_fd(int& fd) {
    if (fd >= 0) {
      ::close(fd);
      fd = -1;
    }
  }
};

// Reads both pipes until they close or the deadline passes.
bool drain(Pipe& out, Pipe& err, ProcessResult& result,
           Clock::time_point deadline) {
  char buffer[4096];
  while (out.read >= 0 || err.read >= 0) {
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - Clock::now());
    if (left.count() <= 0) {
      return false;
    }
    pollfd fds[2] = {{out.read, POLLIN, 0}, {err.read, POLLIN, 0}};
    int ready = ::poll(fds, 2, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    for (int i = 0; i < 2; ++i) {
      Pipe& pipe = i == 0 ? out : err;
      if (pipe.read < 0 || fds[i].revents == 0) {
        continue;
      }
      ssize_t n = ::read(pipe.read, buffer, sizeof buffer);
      if (n > 0) {
        (i == 0 ? result.out : result.err)
            .append(buffer, static_cast<size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        pipe.close_read();
      }
    }
  }
  return true;
}

class SystemRunner final : public ProcessRunner {
 public:
  ProcessResult run(const std::vector<std::string>& argv,
                    std::chrono::milliseconds timeout) override {
    ProcessResult result;
    Pipe out, err;
    if (argv.empty() || !out.open() || !err.open()) {
      result.reason = argv.empty() ? "no program" : std::strerror(errno);
      return result;
    }
    std::vector<char*> args;
    for (const std::string& arg : argv) {
      args.push_back(const_cast<char*>(arg.c_str()));
    }
    args.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write, 2);
    pid_t pid = -1;
    int failed =
        ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    out.close_write();
    err.close_write();
    if (failed != 0) {
      result.reason = std::strerror(failed);
      out.close_read();
      err.close_read();
      return result;
    }
    result.started = true;

    if (!drain(out, err, result, Clock::now() + timeout)) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
    }
    out.close_read();
    err.close_read();
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_code =
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
  }
};

}  // namespace

std::unique_ptr<ProcessRunner> make_system_runner() {
  return std::make_unique<SystemRunner>();
}

}  // namespace b2b::process
