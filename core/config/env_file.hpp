// SPDX-License-Identifier: Apache-2.0
// The env file, ~/.config/back2base/env: KEY=VALUE lines in the dotenv
// dialect users know from Docker Compose, read strictly. Every line that
// cannot be read is reported at once, with its line number.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::config {

/// One assignment, and the line it was on.
struct EnvEntry {
  std::string key;
  std::string value;
  std::size_t line = 0;
};

/// A line that could not be read, and why.
struct EnvProblem {
  std::size_t line = 0;
  std::string message;
};

struct EnvParse {
  std::vector<EnvEntry> entries;  ///< in file order; a later key wins
  std::vector<EnvProblem> problems;
};

/// Reads `text` by these rules: blank lines and lines starting with `#` are
/// skipped; an optional `export ` prefix; `KEY=VALUE` with a key of
/// letters, digits and `_` not starting with a digit, spaces allowed around
/// `=`; a value in single quotes is literal; one in double quotes knows the
/// escapes `\n \t \\ \"`; an unquoted value ends at a `#` that follows
/// whitespace, and its trailing whitespace is dropped. Never throws.
EnvParse parse_env(std::string_view text);

/// The env file at `path`, parsed; empty when the file does not exist.
/// Throws `Error` listing every problem as `<path>:<line>: <what>; <fix>`,
/// one per line, or naming the file when it cannot be read.
class EnvFile {
 public:
  EnvFile() = default;
  static EnvFile load(const std::filesystem::path& path);

  const std::filesystem::path& path() const { return m_path; }
  const std::vector<EnvEntry>& entries() const { return m_entries; }

  /// The last assignment of `key`, or null.
  const EnvEntry* find(std::string_view key) const;

 private:
  std::filesystem::path m_path;
  std::vector<EnvEntry> m_entries;
};

}  // namespace b2b::config
