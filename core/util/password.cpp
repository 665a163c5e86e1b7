// SPDX-License-Identifier: Apache-2.0
#include "core/util/password.hpp"

#include "core/util/error.hpp"

#include <termios.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>

namespace b2b::util {

std::string read_password(std::string_view prompt) {
  const bool terminal = ::isatty(STDIN_FILENO) == 1;
  termios saved{};
  if (terminal) {
    std::fprintf(stderr, "%.*s", static_cast<int>(prompt.size()),
                 prompt.data());
    std::fflush(stderr);
    ::tcgetattr(STDIN_FILENO, &saved);
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
  }
  std::string password;
  bool read = static_cast<bool>(std::getline(std::cin, password));
  if (terminal) {
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    std::fputc('\n', stderr);
  }
  if (!read) {
    throw Error("password: standard input ended before a password was read");
  }
  if (!password.empty() && password.back() == '\r') {
    password.pop_back();
  }
  return password;
}

}  // namespace b2b::util
