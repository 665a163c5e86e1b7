// SPDX-License-Identifier: Apache-2.0
// Every setting the tool reads, and where each effective value came from:
// a flag, then the process environment, then the env file, then the
// default. Credentials are taken only under BACK2BASE_ names from the
// process environment, so a token exported in the user's shell for other
// tools never reaches a session by accident.
#pragma once

#include "core/config/env_file.hpp"
#include "core/config/environment.hpp"

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::config {

/// A setting the tool knows, as the env template documents it.
struct SettingSpec {
  const char* name;           ///< the name in the env file
  const char* default_value;  ///< empty: none
  bool secret;                ///< only ever shown redacted
  /// The name read from the process environment, when not `name`: the
  /// BACK2BASE_ form of a tool's token ("BACK2BASE_GITHUB_TOKEN").
  const char* environment_name;
  const char* description;  ///< one line, for the template and -vv
};

/// Every known setting, in the order the env template lists them.
std::span<const SettingSpec> known_settings();

/// The spec of `name`, or null for a name the tool does not know.
const SettingSpec* find_setting(std::string_view name);

enum class Origin { flag, environment, file, default_value };

/// An effective value and where it came from.
struct Setting {
  std::string name;
  std::string value;
  Origin origin = Origin::default_value;
  std::string where;  ///< "--allow-unsigned-plugins", "environment",
                      ///< "/home/u/.config/back2base/env:12", "default"
  bool secret = false;
};

/// A value given on the command line for a setting, and how it was spelt.
struct FlagValue {
  std::string value;
  std::string flag;
};

class Settings {
 public:
  /// Values from the command line, by setting name.
  using Flags = std::map<std::string, FlagValue, std::less<>>;

  Settings() = default;
  /// Remembers every secret value it holds for redaction in the log.
  Settings(const Environment& environment, EnvFile file, Flags flags);

  /// The effective setting `name`, or none when nothing sets it and it has
  /// no default. Unknown names are looked up the same way.
  std::optional<Setting> get(std::string_view name) const;

  /// The effective value of `name`, or none.
  std::optional<std::string> value(std::string_view name) const;

  /// True when `name` is "1", "true", "yes" or "on" (any case).
  bool flag(std::string_view name) const;

  /// The values of the tokens `needed` by the MCP servers a session loads,
  /// for forwarding to it under their own names: each read as
  /// BACK2BASE_<NAME> from the process environment, or as <NAME> or
  /// BACK2BASE_<NAME> from the env file; never as a bare <NAME> from the
  /// user's shell. Tokens without a value are left out.
  std::vector<Setting> tokens_for(std::span<const std::string> needed) const;

  /// Every setting that has a value, known ones first in template order,
  /// then any other key of the env file.
  std::vector<Setting> effective() const;

  /// Logs `effective()` at debug level, one line each, secrets redacted.
  void log_effective() const;

 private:
  std::optional<Setting> lookup(std::string_view name,
                                std::string_view environment_name,
                                const SettingSpec* spec) const;

  Environment m_environment;
  EnvFile m_file;
  Flags m_flags;
};

/// Where `setting` came from, as messages name it: "--profile",
/// "BACK2BASE_PROFILE (environment)", "BACK2BASE_PROFILE (<env file>:3)"
/// or "BACK2BASE_PROFILE (default)".
std::string described(const Setting& setting);

/// The text a secret is shown as: its length and nothing of its content.
std::string redacted(std::string_view secret);

}  // namespace b2b::config
