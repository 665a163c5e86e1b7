// SPDX-License-Identifier: Apache-2.0
// Collects every mistake found in one configuration file, so that the user
// sees them all in one run rather than one per attempt.
#pragma once

#include "core/util/error.hpp"

#include <string>
#include <vector>

namespace b2b::config {

class ConfigProblems {
 public:
  /// Records "<where>: <what>".
  void add(const std::string& where, const std::string& what) {
    m_lines.push_back(where + ": " + what);
  }

  bool empty() const { return m_lines.empty(); }

  /// Throws one `Error` with every problem, one per line, when there are
  /// any.
  void throw_if_any() const {
    if (m_lines.empty()) {
      return;
    }
    std::string message;
    for (const std::string& line : m_lines) {
      message += (message.empty() ? "" : "\n") + line;
    }
    throw Error(message);
  }

 private:
  std::vector<std::string> m_lines;
};

}  // namespace b2b::config
