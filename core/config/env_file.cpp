// SPDX-License-Identifier: Apache-2.0
#include "core/config/env_file.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <optional>

namespace b2b::config {
namespace {

constexpr std::string_view k_blank = " \t";

bool is_key_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

bool is_key_char(char c) {
  return is_key_start(c) || (c >= '0' && c <= '9');
}

std::string_view trim_left(std::string_view text) {
  std::size_t start = text.find_first_not_of(k_blank);
  return start == std::string_view::npos ? std::string_view()
                                         : text.substr(start);
}

std::string_view trim_right(std::string_view text) {
  std::size_t end = text.find_last_not_of(k_blank);
  return end == std::string_view::npos ? std::string_view()
                                       : text.substr(0, end + 1);
}

// Why a line cannot be read; the parser records it and moves on.
struct LineError {
  std::string message;
};

// After a closing quote: nothing, or whitespace and a comment.
void expect_only_comment(std::string_view rest) {
  rest = trim_left(rest);
  if (!rest.empty() && rest.front() != '#') {
    // The text itself is not shown: it may be part of a secret.
    throw LineError{
        "unexpected text after the closing quote; put a comment "
        "after a \"#\""};
  }
}

std::string single_quoted(std::string_view text) {
  std::size_t close = text.find('\'', 1);
  if (close == std::string_view::npos) {
    throw LineError{"the single quote is never closed; close it on this line"};
  }
  expect_only_comment(text.substr(close + 1));
  return std::string(text.substr(1, close - 1));
}

std::string double_quoted(std::string_view text) {
  std::string value;
  for (std::size_t i = 1; i < text.size(); ++i) {
    char c = text[i];
    if (c == '"') {
      expect_only_comment(text.substr(i + 1));
      return value;
    }
    if (c != '\\') {
      value += c;
      continue;
    }
    if (++i == text.size()) {
      break;
    }
    switch (text[i]) {
      case 'n':
        value += '\n';
        break;
      case 't':
        value += '\t';
        break;
      case '\\':
        value += '\\';
        break;
      case '"':
        value += '"';
        break;
      default:
        throw LineError{"unknown escape \"\\" + std::string(1, text[i]) +
                        "\" in double quotes; the escapes are \\n \\t \\\\ "
                        "and \\\", and single quotes take text as it is"};
    }
  }
  throw LineError{"the double quote is never closed; close it on this line"};
}

std::string unquoted(std::string_view text) {
  // A "#" starts a comment only after whitespace: "a#b" is a value.
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '#' && (text[i - 1] == ' ' || text[i - 1] == '\t')) {
      text = text.substr(0, i);
      break;
    }
  }
  return std::string(trim_right(text));
}

// One line: nothing (blank or comment), or an assignment.
std::optional<EnvEntry> parse_line(std::string_view line, std::size_t number) {
  if (line.find('\0') != std::string_view::npos) {
    throw LineError{"the line contains a NUL byte; this is not a text file"};
  }
  line = trim_left(line);
  if (line.empty() || line.front() == '#') {
    return std::nullopt;
  }
  if (line.starts_with("export") && line.size() > 6 &&
      k_blank.find(line[6]) != std::string_view::npos) {
    line = trim_left(line.substr(6));
  }
  std::size_t end = 0;
  while (end < line.size() && is_key_char(line[end])) {
    ++end;
  }
  std::string_view key = line.substr(0, end);
  std::string_view rest = trim_left(line.substr(end));
  // What is wrong is said by position, never by quoting the line: a
  // token pasted on a line of its own must not end up in a log.
  if (key.empty() || !is_key_start(key.front()) || rest.empty() ||
      rest.front() != '=') {
    std::string what = line.find('=') == std::string_view::npos
                           ? "the line has no \"=\""
                           : "the text before \"=\" is not a key (column " +
                                 std::to_string(end + 1) + ")";
    throw LineError{"expected KEY=VALUE: " + what +
                    "; a key is letters, digits and \"_\", not starting "
                    "with a digit"};
  }
  std::string_view text = trim_left(rest.substr(1));
  EnvEntry entry{std::string(key), "", number};
  if (!text.empty() && text.front() == '\'') {
    entry.value = single_quoted(text);
  } else if (!text.empty() && text.front() == '"') {
    entry.value = double_quoted(text);
  } else {
    entry.value = unquoted(text);
  }
  return entry;
}

}  // namespace

EnvParse parse_env(std::string_view text) {
  EnvParse parse;
  std::size_t number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    std::string_view line = text.substr(start, end == std::string_view::npos
                                                   ? std::string_view::npos
                                                   : end - start);
    start = end == std::string_view::npos ? text.size() : end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    try {
      if (std::optional<EnvEntry> entry = parse_line(line, number)) {
        parse.entries.push_back(std::move(*entry));
      }
    } catch (const LineError& error) {
      parse.problems.push_back({number, error.message});
    }
  }
  return parse;
}

EnvFile EnvFile::load(const std::filesystem::path& path) {
  EnvFile file;
  file.m_path = path;
  std::optional<std::string> text = util::read_file_if_exists(path);
  if (!text) {
    return file;
  }
  EnvParse parse = parse_env(*text);
  if (!parse.problems.empty()) {
    std::string message;
    for (const EnvProblem& problem : parse.problems) {
      message += (message.empty() ? "" : "\n") + path.string() + ":" +
                 std::to_string(problem.line) + ": " + problem.message;
    }
    throw Error(message);
  }
  file.m_entries = std::move(parse.entries);
  return file;
}

const EnvEntry* EnvFile::find(std::string_view key) const {
  for (auto entry = m_entries.rbegin(); entry != m_entries.rend(); ++entry) {
    if (entry->key == key) {
      return &*entry;
    }
  }
  return nullptr;
}

}  // namespace b2b::config
