// SPDX-License-Identifier: Apache-2.0
#include "core/config/json_document.hpp"

#include "core/util/error.hpp"

#include <boost/json/stream_parser.hpp>

#include <algorithm>
#include <cstdint>

namespace b2b::config {
namespace {

/// Walks text that Boost.JSON has already accepted and notes the line of
/// every value by its pointer. It trusts the text to be valid JSON, so it
/// checks nothing; it only has to find where things start.
class LineMapper {
 public:
  LineMapper(std::string_view text, std::unordered_map<std::string, int>& lines)
      : m_text(text), m_lines(lines) {}

  void map_value(const std::string& pointer) {
    skip_space();
    m_lines.emplace(pointer, m_line);
    if (m_at >= m_text.size()) {
      return;
    }
    switch (m_text[m_at]) {
      case '{':
        map_object(pointer);
        break;
      case '[':
        map_array(pointer);
        break;
      case '"':
        read_string();
        break;
      default:
        while (m_at < m_text.size() &&
               std::string_view(",]} \t\r\n").find(m_text[m_at]) ==
                   std::string_view::npos) {
          ++m_at;
        }
    }
  }

 private:
  void map_object(const std::string& pointer) {
    ++m_at;
    skip_space();
    while (m_at < m_text.size() && m_text[m_at] != '}') {
      skip_space();
      int key_line = m_line;
      std::string member = json_pointer(pointer, read_string());
      m_lines.emplace(member, key_line);
      skip_space();
      ++m_at;  // ':'
      map_value(member);
      skip_space();
      if (m_at < m_text.size() && m_text[m_at] == ',') {
        ++m_at;
      }
    }
    ++m_at;
  }

  void map_array(const std::string& pointer) {
    ++m_at;
    skip_space();
    for (std::size_t index = 0; m_at < m_text.size() && m_text[m_at] != ']';
         ++index) {
      map_value(json_pointer(pointer, index));
      skip_space();
      if (m_at < m_text.size() && m_text[m_at] == ',') {
        ++m_at;
      }
      skip_space();
    }
    ++m_at;
  }

  /// Reads a string token and returns its decoded value, as Boost.JSON
  /// decoded the same key.
  std::string read_string() {
    std::string out;
    ++m_at;
    while (m_at < m_text.size() && m_text[m_at] != '"') {
      char c = m_text[m_at++];
      if (c != '\\' || m_at >= m_text.size()) {
        out += c;
        continue;
      }
      char escape = m_text[m_at++];
      switch (escape) {
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u':
          append_utf8(out, read_code_point());
          break;
        default:
          out += escape;
      }
    }
    ++m_at;
    return out;
  }

  std::uint32_t read_hex4() {
    std::uint32_t value = 0;
    for (int i = 0; i < 4 && m_at < m_text.size(); ++i, ++m_at) {
      char c = m_text[m_at];
      int digit = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
      value = value * 16 + static_cast<std::uint32_t>(digit);
    }
    return value;
  }

  std::uint32_t read_code_point() {
    std::uint32_t high = read_hex4();
    if (high < 0xD800 || high > 0xDBFF || m_text.substr(m_at, 2) != "\\u") {
      return high;
    }
    m_at += 2;
    std::uint32_t low = read_hex4();
    return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
  }

  static void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
  }

  void skip_space() {
    while (m_at < m_text.size() &&
           std::string_view(" \t\r\n").find(m_text[m_at]) !=
               std::string_view::npos) {
      m_line += m_text[m_at] == '\n' ? 1 : 0;
      ++m_at;
    }
  }

  std::string_view m_text;
  std::unordered_map<std::string, int>& m_lines;
  std::size_t m_at = 0;
  int m_line = 1;
};

std::string position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  std::string_view before = text.substr(0, offset);
  auto line = std::count(before.begin(), before.end(), '\n') + 1;
  std::size_t line_start = before.rfind('\n');
  std::size_t column =
      offset - (line_start == std::string_view::npos ? 0 : line_start + 1) + 1;
  return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

JsonDocument::JsonDocument(std::string_view text, std::string source)
    : m_source(std::move(source)) {
  boost::json::stream_parser parser;
  boost::system::error_code error;
  std::size_t used = parser.write(text.data(), text.size(), error);
  if (!error) {
    parser.finish(error);
    used = text.size();
  }
  if (error) {
    throw Error(m_source + ":" + position_of(text, used) +
                ": not valid JSON: " + error.message() +
                "; correct it and run again");
  }
  m_root = parser.release();
  LineMapper(text, m_lines).map_value("");
}

int JsonDocument::line_of(std::string_view pointer) const {
  auto found = m_lines.find(std::string(pointer));
  return found == m_lines.end() ? 0 : found->second;
}

std::string JsonDocument::where(std::string_view pointer) const {
  int line = line_of(pointer);
  return line == 0 ? m_source : m_source + ":" + std::to_string(line);
}

std::string json_pointer(std::string_view base, std::string_view token) {
  std::string out(base);
  out += '/';
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string json_pointer(std::string_view base, std::size_t index) {
  return std::string(base) + "/" + std::to_string(index);
}

}  // namespace b2b::config
