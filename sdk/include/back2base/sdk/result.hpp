// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <utility>

namespace b2b::sdk {

/// The outcome of a plugin call: success, or a failure with a message meant
/// for the user. Plugin calls report failure this way and never by throwing;
/// the host still catches anything that escapes.
///
/// The message follows the project's shape, `<where>: <what>; <what to do>`,
/// without the `oss-back2base: error:` prefix, which the host adds.
class Result {
 public:
  /// A successful result. Never blocks, never fails.
  static Result success() { return Result(true, {}); }

  /// A failed result carrying `message`. Never blocks, never fails.
  static Result failure(std::string message) {
    return Result(false, std::move(message));
  }

  /// True when the call succeeded.
  bool ok() const noexcept { return m_ok; }

  /// The failure message; empty on success. The reference is valid as long
  /// as this `Result` is.
  const std::string& message() const noexcept { return m_message; }

 private:
  // Use success() or failure().
  Result(bool ok, std::string message)
      : m_ok(ok), m_message(std::move(message)) {}

  bool m_ok;
  std::string m_message;
};

}  // namespace b2b::sdk
