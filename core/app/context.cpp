// SPDX-License-Identifier: Apache-2.0
#include "core/app/context.hpp"

#include "core/plugin/discovery.hpp"
#include "core/plugin/trusted_keys.hpp"

namespace b2b::app {

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
    m_registry = std::make_unique<plugin::PluginRegistry>(
        trusted_keys(), policy(), m_environment);
    plugin::LoadOptions options;
    options.allow_unsigned = unsigned_plugins_allowed();
    m_registry->load(
        plugin::discover(plugin::plugin_directories(paths(), policy())),
        options);
  }
  return *m_registry;
}

bool Context::unsigned_plugins_allowed() const {
  return allow_unsigned_plugins ||
         m_environment->flag("BACK2BASE_ALLOW_UNSIGNED_PLUGINS");
}

}  // namespace b2b::app
