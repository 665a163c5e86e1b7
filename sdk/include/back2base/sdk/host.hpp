// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <back2base/sdk/command.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace b2b::sdk {

/// How much a log line matters. The user picks what is shown: `-q` shows
/// errors only, the default adds warnings, `-v` info and `-vv` debug.
enum class LogLevel {
  error,    ///< something failed; always shown
  warning,  ///< something the user should know; hidden by `-q`
  info,     ///< progress; shown with `-v`
  debug,    ///< every decision; shown with `-vv`
};

/// Services the host lends a plugin. The host passes one `Host` to the
/// factory; it outlives every object the plugin creates, so a plugin may keep
/// the reference. Every method is safe to call from any thread and never
/// throws.
class Host {
 public:
  virtual ~Host() = default;

  /// Writes `message` to the user's log at `level`, prefixed with the
  /// plugin's name. The host applies the user's verbosity, colour choice and
  /// secret redaction, so a plugin never writes to stdout or stderr itself.
  /// Never blocks for long.
  virtual void log(LogLevel level, std::string_view message) const noexcept = 0;

  /// The effective value of the setting `name` (for example
  /// "BACK2BASE_ANTHROPIC_API_KEY"), resolved by the host from flags, the
  /// process environment, the env file and defaults, in that order; or no
  /// value when the setting is unset. The returned string is the caller's.
  /// Never blocks.
  virtual std::optional<std::string> setting(
      std::string_view name) const noexcept = 0;

  /// Runs `command` and waits for it, filling `result`. While it runs, the
  /// tool passes Ctrl-C and termination on to it rather than dying first,
  /// so that a runtime can stop and remove its containers afterwards; a
  /// later call after an interruption still runs (for that clean-up).
  /// Secrets in `command.environment` are never logged. Safe from any
  /// thread; never throws.
  virtual void run(const Command& command,
                   CommandResult& result) const noexcept = 0;
};

}  // namespace b2b::sdk
