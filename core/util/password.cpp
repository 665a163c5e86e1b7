// SPDX-License-Identifier: Apache-2.0
#include "core/util/password.hpp"

#include "core/app/exit_status.hpp"
#include "core/util/error.hpp"

#include <signal.h>
#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace b2b::util {
namespace {

// The terminal as it was before echo was turned off, for the signal
// handler: an interrupted prompt must not leave the user's terminal mute.
termios g_saved_terminal{};

extern "C" void restore_terminal_and_exit(int) {
  ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_terminal);
  static constexpr char k_newline = '\n';
  (void)!::write(STDERR_FILENO, &k_newline, 1);
  ::_exit(exit_status::k_interrupted);
}

// Echo off for as long as it lives, and back on however the read ends.
class QuietTerminal {
 public:
  QuietTerminal() {
    ::tcgetattr(STDIN_FILENO, &g_saved_terminal);
    struct sigaction action {};
    action.sa_handler = restore_terminal_and_exit;
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
      ::sigaction(signal, &action, &m_previous[index(signal)]);
    }
    termios quiet = g_saved_terminal;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  ~QuietTerminal() {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_terminal);
    for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
      ::sigaction(signal, &m_previous[index(signal)], nullptr);
    }
    std::fputc('\n', stderr);
  }
  QuietTerminal(const QuietTerminal&) = delete;
  QuietTerminal& operator=(const QuietTerminal&) = delete;

 private:
  static int index(int signal) {
    return signal == SIGINT ? 0 : signal == SIGTERM ? 1 : 2;
  }
  struct sigaction m_previous[3] {};
};

std::string read_line() {
  std::string line;
  if (!std::getline(std::cin, line)) {
    throw Error("password: standard input ended before a password was read");
  }
  if (!line.empty() && line.back() == '\r') {
    line.pop_back();
  }
  return line;
}

}  // namespace

std::string read_password(std::string_view prompt) {
  if (::isatty(STDIN_FILENO) != 1) {
    return read_line();
  }
  std::fprintf(stderr, "%.*s", static_cast<int>(prompt.size()),
               prompt.data());
  std::fflush(stderr);
  QuietTerminal quiet;
  return read_line();
}

}  // namespace b2b::util
