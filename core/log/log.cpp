// SPDX-License-Identifier: Apache-2.0
#include "core/log/log.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <vector>

namespace b2b::log {
namespace {

struct State {
  std::mutex mutex;
  Level threshold = Level::warning;
  bool colour = false;
  bool progress_shown = false;  ///< a progress line waits to be replaced
  std::vector<std::string> secrets;
};

State& state() {
  static State instance;
  return instance;
}

std::string_view tag(Level level) {
  switch (level) {
    case Level::error:
      return "error";
    case Level::warning:
      return "warning";
    case Level::info:
      return "info";
    case Level::debug:
      return "debug";
  }
  return "note";
}

std::string_view colour_of(Level level) {
  switch (level) {
    case Level::error:
      return "\033[1;31m";
    case Level::warning:
      return "\033[1;33m";
    case Level::info:
      return "\033[1;36m";
    case Level::debug:
      return "\033[2m";
  }
  return "";
}

// One pass over the original text, so that no secret is ever looked for
// inside a mask already put in.
std::string redact_locked(const State& s, std::string_view text) {
  std::string result;
  result.reserve(text.size());
  std::size_t at = 0;
  while (at < text.size()) {
    auto secret = std::find_if(
        s.secrets.begin(), s.secrets.end(),
        [&](const std::string& x) { return text.substr(at).starts_with(x); });
    if (secret == s.secrets.end()) {
      result += text[at++];
    } else {
      result += "[redacted]";
      at += secret->size();
    }
  }
  return result;
}

// A message after a progress line starts at the line's beginning, over it.
void put_locked(State& s, const std::string& line) {
  if (s.progress_shown) {
    std::fputs("\r\033[K", stderr);
    s.progress_shown = false;
  }
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
}

}  // namespace

void configure(Level threshold, bool colour) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  s.threshold = threshold;
  s.colour = colour;
}

bool enabled(Level level) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  return level <= s.threshold;
}

void write(Level level, std::string_view message) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (level > s.threshold) {
    return;
  }
  std::string line = "oss-back2base: ";
  if (s.colour) {
    line += colour_of(level);
    line += tag(level);
    line += "\033[0m";
  } else {
    line += tag(level);
  }
  line += ": ";
  line += redact_locked(s, message);
  line += '\n';
  put_locked(s, line);
}

void notice(std::string_view message) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (Level::warning > s.threshold) {
    return;
  }
  std::string line = "oss-back2base: " + redact_locked(s, message) + "\n";
  put_locked(s, line);
}

void progress(std::string_view message) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (Level::warning > s.threshold || ::isatty(STDERR_FILENO) != 1) {
    return;
  }
  std::string line = "\ross-back2base: " + redact_locked(s, message) + "\033[K";
  std::fwrite(line.data(), 1, line.size(), stderr);
  std::fflush(stderr);
  s.progress_shown = true;
}

void progress_end() {
  State& s = state();
  std::lock_guard lock(s.mutex);
  if (s.progress_shown) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    s.progress_shown = false;
  }
}

bool colour_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  if (no_colour != nullptr && *no_colour != '\0') {
    return false;
  }
  if (term != nullptr && std::string_view(term) == "dumb") {
    return false;
  }
  return ::isatty(fd) == 1;
}

void add_secret(std::string_view secret) {
  if (secret.size() < 4) {
    return;
  }
  State& s = state();
  std::lock_guard lock(s.mutex);
  s.secrets.emplace_back(secret);
  // Longest first, so that a secret containing another is hidden whole.
  std::stable_sort(s.secrets.begin(), s.secrets.end(),
                   [](const std::string& a, const std::string& b) {
                     return a.size() > b.size();
                   });
}

std::string redact(std::string_view text) {
  State& s = state();
  std::lock_guard lock(s.mutex);
  return redact_locked(s, text);
}

}  // namespace b2b::log
