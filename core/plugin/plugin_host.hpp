// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/settings.hpp"

#include <back2base/sdk/host.hpp>

#include <memory>
#include <string>

namespace b2b::plugin {

/// The services one plugin is lent: its log lines carry its name and pass
/// through the tool's verbosity and redaction; its settings are the tool's
/// effective ones (flag, environment, env file, default); the programs it
/// runs are shown at -vv, by their arguments (never a secret's value).
class PluginHost final : public sdk::Host {
 public:
  PluginHost(std::string plugin_name,
             std::shared_ptr<const config::Settings> settings);

  void log(sdk::LogLevel level,
           std::string_view message) const noexcept override;
  std::optional<std::string> setting(
      std::string_view name) const noexcept override;
  void run(const sdk::Command& command,
           sdk::CommandResult& result) const noexcept override;

 private:
  std::string m_plugin_name;
  std::shared_ptr<const config::Settings> m_settings;
};

}  // namespace b2b::plugin
