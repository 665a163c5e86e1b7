// SPDX-License-Identifier: Apache-2.0
// The one way this tool starts a process: posix_spawn, exact about which
// descriptors the child inherits (its three), with an environment of the
// caller's and signal handling around the child: a Ctrl-C on a terminal
// reaches the child by itself (it is in the foreground process group); a
// signal sent to the tool alone is sent on to the child. Either way the
// tool lives to remove the session's containers.
#include "core/process/command_runner.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <iterator>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

extern char** environ;

namespace b2b::process {
namespace {

using Clock = std::chrono::steady_clock;

constexpr int k_passed_on[] = {SIGINT, SIGTERM, SIGHUP};

volatile sig_atomic_t g_interrupted = 0;
// How many signals were passed on: a command was interrupted when this
// changed while it ran, whatever happened to earlier ones.
volatile sig_atomic_t g_signals = 0;
std::atomic<pid_t> g_child{-1};

void on_signal(int signal, siginfo_t* info, void*) {
  g_interrupted = 1;
  g_signals = g_signals + 1;
  // A terminal's Ctrl-C (SI_KERNEL) reached the child already; one sent
  // to this process alone (SI_USER, SI_QUEUE) did not.
  pid_t child = g_child.load();
  if (child > 0 &&
      (signal != SIGINT || info == nullptr || info->si_code <= 0)) {
    ::kill(child, signal);
  }
}

// Installs the handlers for the life of one child, then puts back what was
// there before.
class SignalsPassedOn {
 public:
  SignalsPassedOn() {
    struct sigaction action {};
    action.sa_sigaction = on_signal;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    for (std::size_t i = 0; i < std::size(k_passed_on); ++i) {
      ::sigaction(k_passed_on[i], &action, &m_before[i]);
    }
  }
  ~SignalsPassedOn() {
    for (std::size_t i = 0; i < std::size(k_passed_on); ++i) {
      ::sigaction(k_passed_on[i], &m_before[i], nullptr);
    }
  }
  SignalsPassedOn(const SignalsPassedOn&) = delete;
  SignalsPassedOn& operator=(const SignalsPassedOn&) = delete;

 private:
  struct sigaction m_before[std::size(k_passed_on)]{};
};

struct Fd {
  int fd = -1;
  Fd() = default;
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  void reset() {
    if (fd >= 0) {
      ::close(fd);
      fd = -1;
    }
  }
};

struct Pipe {
  Fd read, write;
  bool open() {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC) != 0) {
      return false;
    }
    read.fd = fds[0];
    write.fd = fds[1];
    return true;
  }
};

// The tool's environment with the command's variables added or replaced.
std::vector<std::string> child_environment(const sdk::Command& command) {
  std::map<std::string, std::string> variables;
  for (char** at = environ; *at != nullptr; ++at) {
    std::string entry(*at);
    std::size_t equals = entry.find('=');
    if (equals != std::string::npos) {
      variables[entry.substr(0, equals)] = entry.substr(equals + 1);
    }
  }
  for (const sdk::EnvVar& variable : command.environment) {
    variables[variable.name] = variable.value;
  }
  std::vector<std::string> out;
  out.reserve(variables.size());
  for (const auto& [name, value] : variables) {
    out.push_back(name + "=" + value);
  }
  return out;
}

std::vector<char*> pointers(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& text : strings) {
    out.push_back(text.data());
  }
  out.push_back(nullptr);
  return out;
}

// The end of a failed command's kept progress, on the user's stderr, so
// that "failed (above)" points at what it said.
void show_tail(const std::string& output) {
  constexpr int k_lines = 40;
  std::size_t start = output.size();
  for (int lines = 0; start > 0 && lines <= k_lines; --start) {
    if (output[start - 1] == '\n') {
      ++lines;
    }
  }
  std::string_view tail(output);
  tail.remove_prefix(start == 0 ? 0 : start + 1);
  std::fwrite(tail.data(), 1, tail.size(), stderr);
  std::fflush(stderr);
}

// Reads the open pipes until they close or the deadline passes, keeping
// no more than the last `err_limit` bytes of stderr or so (0: all of it).
bool drain(Fd& out, Fd& err, sdk::CommandResult& result, std::size_t err_limit,
           std::optional<Clock::time_point> deadline) {
  char buffer[4096];
  while (out.fd >= 0 || err.fd >= 0) {
    int wait_ms = -1;
    if (deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          *deadline - Clock::now());
      if (left.count() <= 0) {
        return false;
      }
      wait_ms = static_cast<int>(left.count());
    }
    pollfd fds[2] = {{out.fd, POLLIN, 0}, {err.fd, POLLIN, 0}};
    if (::poll(fds, 2, wait_ms) < 0) {
      if (errno == EINTR) {
        continue;
      }
      return true;
    }
    for (int i = 0; i < 2; ++i) {
      Fd& pipe = i == 0 ? out : err;
      if (pipe.fd < 0 || fds[i].revents == 0) {
        continue;
      }
      ssize_t n = ::read(pipe.fd, buffer, sizeof buffer);
      if (n > 0) {
        std::string& kept = i == 0 ? result.out : result.err;
        kept.append(buffer, static_cast<std::size_t>(n));
        if (i == 1 && err_limit > 0 && kept.size() > 2 * err_limit) {
          kept.erase(0, kept.size() - err_limit);
        }
      } else if (n == 0 || errno != EINTR) {
        pipe.reset();
      }
    }
  }
  return true;
}

// Blocks until `pid` can be reaped or `wait_ms` passes: on its pidfd,
// which becomes readable when it exits; where the kernel has none, by
// short and lengthening sleeps. A fixed sleep would cost each command up
// to its length after the child closed its output but had not yet exited.
void await_exit(pid_t pid, int wait_ms, int& pause_us) {
  int fd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  if (fd >= 0) {
    pollfd ready{fd, POLLIN, 0};
    ::poll(&ready, 1, wait_ms);
    ::close(fd);
    return;
  }
  timespec pause{0, static_cast<long>(pause_us) * 1000};
  ::nanosleep(&pause, nullptr);
  pause_us = std::min(pause_us * 2, 10'000);
}

// Waits for `pid`, killing it at the deadline; returns false then.
bool wait_for(pid_t pid, int& status,
              std::optional<Clock::time_point> deadline) {
  int pause_us = 50;
  while (true) {
    pid_t done = ::waitpid(pid, &status, deadline ? WNOHANG : 0);
    if (done == pid) {
      return true;
    }
    if (done < 0 && errno != EINTR) {
      status = 0;
      return true;
    }
    if (deadline && Clock::now() >= *deadline) {
      ::kill(pid, SIGKILL);
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      return false;
    }
    if (deadline) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          *deadline - Clock::now());
      await_exit(pid, static_cast<int>(std::max<long>(left.count(), 1)),
                 pause_us);
    }
  }
}

}  // namespace

bool interrupted() noexcept {
  return g_interrupted != 0;
}

void run_command(const sdk::Command& command,
                 sdk::CommandResult& result) noexcept {
  try {
    result = {};
    if (command.argv.empty()) {
      result.reason = "no program";
      return;
    }
    // Progress is for a person: in a pipe or a log it is kept, and shown
    // only if the command fails.
    const bool held = command.streams == sdk::Streams::progress &&
                      ::isatty(STDERR_FILENO) != 1;
    const bool capture_err = command.streams == sdk::Streams::capture || held;
    const bool capture_out = command.streams == sdk::Streams::capture ||
                             command.streams == sdk::Streams::ask;
    const bool progress = command.streams == sdk::Streams::progress;
    Pipe out, err;
    if ((capture_out && !out.open()) || (capture_err && !err.open())) {
      result.reason = std::strerror(errno);
      return;
    }
    std::vector<std::string> argv = command.argv;
    std::vector<std::string> env = child_environment(command);
    std::vector<char*> argv_pointers = pointers(argv);
    std::vector<char*> env_pointers = pointers(env);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    if (capture_err || progress) {
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    }
    if (capture_out) {
      posix_spawn_file_actions_adddup2(&actions, out.write.fd, 1);
    } else if (held) {
      // Both into one pipe, in the order they were written.
      posix_spawn_file_actions_adddup2(&actions, err.write.fd, 1);
    } else if (progress) {
      posix_spawn_file_actions_adddup2(&actions, 2, 1);
    }
    if (capture_err) {
      posix_spawn_file_actions_adddup2(&actions, err.write.fd, 2);
    }
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int signal : k_passed_on) {
      sigaddset(&defaults, signal);
    }
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF);

    SignalsPassedOn signals;
    const sig_atomic_t signals_before = g_signals;
    pid_t pid = -1;
    int failed = ::posix_spawnp(&pid, argv_pointers[0], &actions, &attributes,
                                argv_pointers.data(), env_pointers.data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    out.write.reset();
    err.write.reset();
    if (failed != 0) {
      result.reason = std::strerror(failed);
      return;
    }
    g_child.store(pid);
    result.started = true;

    std::optional<Clock::time_point> deadline;
    if (command.timeout.count() > 0) {
      deadline = Clock::now() + command.timeout;
    }
    // A held build's log can be long; its end is what is shown.
    if (!drain(out.read, err.read, result, held ? 64 * 1024 : 0, deadline)) {
      result.timed_out = true;
      ::kill(pid, SIGKILL);
    }
    int status = 0;
    if (!wait_for(pid, status, deadline)) {
      result.timed_out = true;
    }
    g_child.store(-1);
    result.exit_status =
        WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    result.interrupted = g_signals != signals_before;
    if (held) {
      if (result.exit_status != 0 || result.timed_out) {
        show_tail(result.err);
      }
      result.err.clear();
    }
  } catch (...) {
    g_child.store(-1);
    result.reason = "out of memory";
  }
}

}  // namespace b2b::process
