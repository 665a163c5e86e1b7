// SPDX-License-Identifier: Apache-2.0
#include "core/util/strings.hpp"

#include <algorithm>
#include <numeric>

namespace b2b::util {

std::string quote(std::string_view value) {
  std::string quoted = "\"";
  quoted += value;
  quoted += '"';
  return quoted;
}

std::vector<std::string> split(std::string_view text, char separator) {
  std::vector<std::string> pieces;
  std::size_t start = 0;
  while (true) {
    std::size_t end = text.find(separator, start);
    pieces.emplace_back(text.substr(start, end - start));
    if (end == std::string_view::npos) {
      return pieces;
    }
    start = end + 1;
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string text;
  for (const std::string& item : items) {
    text += (text.empty() ? "" : ", ") + item;
  }
  return text;
}

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char k_digits[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(size * 2);
  for (std::size_t i = 0; i < size; ++i) {
    hex += k_digits[bytes[i] >> 4];
    hex += k_digits[bytes[i] & 0xf];
  }
  return hex;
}

bool is_plain_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

std::string octal_mode(unsigned mode) {
  std::string text = "0000";
  for (int i = 3; i >= 0; --i, mode >>= 3) {
    text[static_cast<std::size_t>(i)] = static_cast<char>('0' + (mode & 07));
  }
  return text;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // One row of the Levenshtein table at a time.
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      std::size_t above = row[j];
      std::size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word,
                          const std::vector<std::string>& candidates) {
  const std::size_t allowed = std::min<std::size_t>(2, (word.size() + 2) / 3);
  std::string best;
  std::size_t best_distance = allowed + 1;
  for (const std::string& candidate : candidates) {
    std::size_t distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best = candidate;
      best_distance = distance;
    }
  }
  if (!best.empty() || word.size() < 3) {
    return best;
  }
  // A word cut short ("allow_unsigned" for "allow_unsigned_plugins").
  for (const std::string& candidate : candidates) {
    if (candidate.starts_with(word)) {
      return candidate;
    }
  }
  return best;
}

}  // namespace b2b::util
