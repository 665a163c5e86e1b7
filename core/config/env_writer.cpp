// SPDX-License-Identifier: Apache-2.0
#include "core/config/env_writer.hpp"

#include "core/config/env_file.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <optional>

namespace b2b::config {
namespace {

bool is_plain(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') ||
         std::string_view("_-./:@+,=%").find(c) != std::string_view::npos;
}

}  // namespace

std::string env_quote(std::string_view value) {
  if (std::all_of(value.begin(), value.end(), is_plain)) {
    return std::string(value);
  }
  if (value.find_first_of("'\n\r") == std::string_view::npos) {
    return "'" + std::string(value) + "'";
  }
  std::string quoted = "\"";
  for (char c : value) {
    switch (c) {
      case '\n':
        quoted += "\\n";
        break;
      case '\t':
        quoted += "\\t";
        break;
      case '\\':
        quoted += "\\\\";
        break;
      case '"':
        quoted += "\\\"";
        break;
      default:
        quoted += c;
    }
  }
  return quoted + "\"";
}

void set_env_value(const std::filesystem::path& given, std::string_view key,
                   std::string_view value) {
  bool valid_key = !key.empty() && !(key[0] >= '0' && key[0] <= '9') &&
                   std::all_of(key.begin(), key.end(), [](char c) {
                     return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                            (c >= '0' && c <= '9') || c == '_';
                   });
  if (!valid_key) {
    throw Error(util::quote(given.string()) + ": " + util::quote(key) +
                " is not a key (letters, digits and \"_\", not starting "
                "with a digit); nothing was written");
  }
  if (value.find('\r') != std::string_view::npos ||
      value.find('\0') != std::string_view::npos) {
    throw Error(util::quote(given.string()) + ": the value for " +
                std::string(key) +
                " holds a carriage return or NUL byte, which an env file "
                "cannot keep; nothing was written");
  }
  // A linked env file (dotfiles) is written where it lives, so that the
  // link keeps working.
  std::error_code error;
  std::filesystem::path path = given;
  if (std::filesystem::is_symlink(given, error)) {
    path = std::filesystem::weakly_canonical(given, error);
    if (error) {
      throw Error(util::quote(given.string()) + ": cannot follow the link: " +
                  error.message() + "; nothing was written");
    }
  }
  std::string text = util::read_file_if_exists(path).value_or("");
  EnvParse parse = parse_env(text);
  if (!parse.problems.empty()) {
    std::string message;
    for (const EnvProblem& problem : parse.problems) {
      message += path.string() + ":" + std::to_string(problem.line) + ": " +
                 problem.message + "\n";
    }
    throw Error(message + util::quote(path.string()) +
                ": fix the lines above before " + std::string(key) +
                " can be set in it; nothing was written");
  }
  std::optional<std::size_t> target;
  for (const EnvEntry& entry : parse.entries) {
    if (entry.key == key) {
      target = entry.line;
    }
  }
  const std::string assignment = std::string(key) + "=" + env_quote(value);

  std::string updated;
  std::vector<std::string> lines = util::split(text, '\n');
  if (!lines.empty() && lines.back().empty()) {
    lines.pop_back();  // the newline that ended the last line
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    updated += target == i + 1 ? assignment : lines[i];
    updated += '\n';
  }
  if (!target) {
    updated += assignment + "\n";
  }
  util::create_directories(path.parent_path(), 0700);
  util::write_file_atomic(path, updated, 0600);
}

}  // namespace b2b::config
