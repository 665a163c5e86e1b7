// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::util {

/// `value` in double quotes, as messages show user-supplied values.
std::string quote(std::string_view value);

/// `value` as a POSIX shell reads it back as one word: itself when it is
/// made of safe characters only, else in single quotes. For showing
/// commands that a user may copy and run.
std::string shell_quote(std::string_view value);

/// `text` cut at every `separator`; empty pieces are kept.
std::vector<std::string> split(std::string_view text, char separator);

/// `text` without the blanks (spaces, tabs, line ends) at either end.
std::string trim(std::string text);

/// `items` joined by ", ": how messages list names.
std::string join(const std::vector<std::string>& items);

/// `bytes` as lowercase hexadecimal.
std::string to_hex(const unsigned char* bytes, std::size_t size);

/// Whether `name` is 1 to 64 of [a-z0-9-]: what plugin and profile names
/// are made of.
bool is_plain_name(std::string_view name);

/// The permission bits of `mode` as chmod takes them: "0600".
std::string octal_mode(unsigned mode);

/// The bytes of `text`, for code that works on bytes.
inline std::span<const std::uint8_t> bytes_of(std::string_view text) {
  return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

/// The number of single-character edits between `a` and `b`, a swap of
/// two neighbouring characters counting as one.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is a plausible misspelling of it
/// (at most a third of its letters wrong, and never more than two), else
/// the first candidate that `word` (three letters or more) begins, else an
/// empty string.
std::string closest_match(std::string_view word,
                          const std::vector<std::string>& candidates);

}  // namespace b2b::util
