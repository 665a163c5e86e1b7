// SPDX-License-Identifier: Apache-2.0
// libFuzzer target for the env file parser and the writer's quoting:
// whatever the bytes, the parser never crashes or throws, every entry it
// returns is well formed, and a value it read comes back the same when the
// writer quotes it.
#include "core/config/env_file.hpp"
#include "core/config/env_writer.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {

void check(bool condition) {
  if (!condition) {
    std::abort();
  }
}

bool valid_key(const std::string& key) {
  if (key.empty() || (key[0] >= '0' && key[0] <= '9')) {
    return false;
  }
  for (char c : key) {
    bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
              (c >= '0' && c <= '9') || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data,
                                      std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  b2b::config::EnvParse parse = b2b::config::parse_env(text);
  std::size_t lines = 1;
  for (char c : text) {
    lines += c == '\n' ? 1 : 0;
  }
  std::size_t last = 0;
  for (const b2b::config::EnvEntry& entry : parse.entries) {
    check(valid_key(entry.key));
    check(entry.line > last && entry.line <= lines);
    last = entry.line;
    if (entry.value.find('\r') == std::string::npos &&
        entry.value.find('\0') == std::string::npos) {
      b2b::config::EnvParse again = b2b::config::parse_env(
          entry.key + "=" + b2b::config::env_quote(entry.value));
      check(again.problems.empty() && again.entries.size() == 1 &&
            again.entries[0].value == entry.value);
    }
  }
  for (const b2b::config::EnvProblem& problem : parse.problems) {
    check(problem.line >= 1 && problem.line <= lines);
    check(!problem.message.empty());
  }
  return 0;
}
