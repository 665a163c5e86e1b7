// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace b2b::config {

/// A snapshot of environment variables, taken once at start so that every
/// part of the tool sees the same values and tests can hand in their own.
class Environment {
 public:
  Environment() = default;
  explicit Environment(std::map<std::string, std::string, std::less<>> vars)
      : m_vars(std::move(vars)) {}

  /// The process's environment as it is now.
  static Environment from_process();

  /// The value of `name`, or no value when it is unset. An empty value is a
  /// value.
  std::optional<std::string> get(std::string_view name) const;

  /// The value of `name` when it is set and not empty.
  std::optional<std::string> get_nonempty(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> m_vars;
};

}  // namespace b2b::config
