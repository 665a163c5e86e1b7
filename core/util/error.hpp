// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/app/exit_status.hpp"

#include <stdexcept>
#include <string>

namespace b2b {

/// A failure a caller may handle (skip a plugin, try the next runtime) or
/// let reach the top, where it is printed as
/// `oss-back2base: error: <message>` and ends the process with its code.
/// The message reads `<where>: <what>[; <what to do>]`.
class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message,
                 int exit_code = exit_status::k_failure)
      : std::runtime_error(message), m_exit_code(exit_code) {}

  int exit_code() const noexcept { return m_exit_code; }

 private:
  int m_exit_code;
};

}  // namespace b2b
