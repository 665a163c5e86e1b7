// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/plugin_host.hpp"

#include "core/log/log.hpp"
#include "core/process/command_runner.hpp"
#include "core/util/strings.hpp"

namespace b2b::plugin {

PluginHost::PluginHost(std::string plugin_name,
                       std::shared_ptr<const config::Settings> settings)
    : m_plugin_name(std::move(plugin_name)), m_settings(std::move(settings)) {}

void PluginHost::log(sdk::LogLevel level,
                     std::string_view message) const noexcept {
  try {
    log::write(level, "plugin " + util::quote(m_plugin_name) + ": " +
                          std::string(message));
  } catch (...) {
    // Out of memory while logging: the line is lost, nothing else.
  }
}

std::optional<std::string> PluginHost::setting(
    std::string_view name) const noexcept {
  try {
    return m_settings->value(name);
  } catch (...) {
    return std::nullopt;
  }
}

void PluginHost::run(const sdk::Command& command,
                     sdk::CommandResult& result) const noexcept {
  try {
    std::string line;
    for (const std::string& arg : command.argv) {
      line += (line.empty() ? "" : " ") + util::shell_quote(arg);
    }
    log::debug("plugin " + util::quote(m_plugin_name) + ": runs " + line);
  } catch (...) {
    // The command still runs; only its log line is lost.
  }
  process::run_command(command, result);
}

}  // namespace b2b::plugin
