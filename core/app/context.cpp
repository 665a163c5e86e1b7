// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"

#include "core/log/log.hpp"
#include "core/plugin/discovery.hpp"
#include "core/plugin/trusted_keys.hpp"
#include "core/util/strings.hpp"

#include <sys/stat.h>

namespace b2b::app {
namespace {

// The env file holds credentials: say so when others can read it.
void warn_if_readable_by_others(const std::filesystem::path& file) {
  struct stat info {};
  if (::stat(file.c_str(), &info) == 0 && (info.st_mode & 077) != 0) {
    log::warning(util::quote(file.string()) + ": others can read it (mode " +
                 util::octal_mode(info.st_mode & 07777) +
                 ") and it holds credentials; run \"chmod 600 " +
                 file.string() + "\"");
  }
}

}  // namespace

Context::Context(config::Environment environment)
    : m_environment(
          std::make_shared<const config::Environment>(std::move(environment))) {
}

Context::~Context() = default;

const config::Paths& Context::paths() {
  if (!m_paths) {
    m_paths =
        config::resolve_paths(*m_environment, config::current_executable());
  }
  return *m_paths;
}

const config::Settings& Context::settings() {
  if (!m_settings) {
    const std::filesystem::path file = paths().env_file();
    if (!m_warned_about_env_file) {
      m_warned_about_env_file = true;
      warn_if_readable_by_others(file);
    }
    config::Settings::Flags flags;
    if (allow_unsigned_plugins) {
      flags["BACK2BASE_ALLOW_UNSIGNED_PLUGINS"] = {"1",
                                                   "--allow-unsigned-plugins"};
    }
    m_settings = std::make_shared<const config::Settings>(
        *m_environment, config::EnvFile::load(file), std::move(flags));
    m_settings->log_effective();
  }
  return *m_settings;
}

const plugin::Policy& Context::policy() {
  if (!m_policy) {
    m_policy = plugin::load_policy(paths().policy_file());
  }
  return *m_policy;
}

const std::vector<plugin::TrustedKey>& Context::trusted_keys() {
  if (!m_keys) {
    m_keys = plugin::load_trusted_keys(paths(), policy());
  }
  return *m_keys;
}

plugin::PluginRegistry& Context::plugins() {
  if (!m_registry) {
    settings();
    m_registry = std::make_unique<plugin::PluginRegistry>(trusted_keys(),
                                                          policy(), m_settings);
    plugin::LoadOptions options;
    options.allow_unsigned = unsigned_plugins_allowed();
    m_registry->load(
        plugin::discover(plugin::plugin_directories(paths(), policy())),
        options);
  }
  return *m_registry;
}

void Context::finish_plugins() {
  if (m_registry) {
    m_registry->destroy_idle_objects();
  }
}

bool Context::unsigned_plugins_allowed() {
  return settings().flag("BACK2BASE_ALLOW_UNSIGNED_PLUGINS");
}

}  // namespace b2b::app
