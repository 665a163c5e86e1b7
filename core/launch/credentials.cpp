// SPDX-License-Identifier: Apache-2.0
#include "core/launch/credentials.hpp"

#include "core/log/log.hpp"
#include "core/plugin/guard.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <array>

namespace b2b::launch {
namespace {

constexpr std::array<std::string_view, 4> k_default_order{
    "oauth-token", "api-key", "custom-endpoint", "command"};

std::vector<std::string> names_of(const AuthProviders& providers) {
  std::vector<std::string> names;
  for (const auto& provider : providers) {
    names.push_back(provider.name);
  }
  return names;
}

// The provider's credentials, each value registered for redaction before
// anything can print it.
sdk::Result resolve_one(const plugin::PluginRef<sdk::AuthProvider>& provider,
                        std::vector<sdk::Credential>& found) {
  sdk::Result result =
      plugin::guarded(provider, "resolving credentials",
                      [&](sdk::AuthProvider& p) { return p.resolve(found); });
  for (const sdk::Credential& credential : found) {
    log::add_secret(credential.value);
  }
  return result;
}

// Whether a provider after the winner is set up too: by asking it, where
// it knows how (2.1), else by resolving it, as 2.0 providers were asked.
bool also_set_up(const plugin::PluginRef<sdk::AuthProvider>& provider) {
  if (provider.abi_minor >= 1) {
    return provider.object->configured();
  }
  std::vector<sdk::Credential> found;
  return resolve_one(provider, found).ok() && !found.empty();
}

}  // namespace

AuthProviders ordered_providers(AuthProviders providers,
                                const config::Settings& settings) {
  std::optional<config::Setting> asked = settings.get("BACK2BASE_AUTH");
  if (!asked || asked->value.find_first_not_of(" ,") == std::string::npos) {
    auto rank = [](const std::string& name) {
      auto at = std::find(k_default_order.begin(), k_default_order.end(), name);
      return static_cast<std::size_t>(at - k_default_order.begin());
    };
    std::stable_sort(providers.begin(), providers.end(),
                     [&](const auto& a, const auto& b) {
                       return std::pair(rank(a.name), a.name) <
                              std::pair(rank(b.name), b.name);
                     });
    return providers;
  }
  AuthProviders ordered;
  for (std::string name : util::split(asked->value, ',')) {
    name.erase(0, name.find_first_not_of(' '));
    name.erase(name.find_last_not_of(' ') + 1);
    if (name.empty()) {
      continue;
    }
    auto found = std::find_if(providers.begin(), providers.end(),
                              [&](const auto& p) { return p.name == name; });
    if (found == providers.end()) {
      std::vector<std::string> known = names_of(providers);
      std::string near = util::closest_match(name, known);
      throw Error(config::described(*asked) + ": no auth provider " +
                  util::quote(name) + " (there are " + util::join(known) + ")" +
                  (near.empty() ? "; set BACK2BASE_AUTH to some of them"
                                : "; did you mean " + util::quote(near) + "?"));
    }
    if (std::none_of(ordered.begin(), ordered.end(),
                     [&](const auto& p) { return p.name == name; })) {
      ordered.push_back(*found);
    }
  }
  return ordered;
}

CredentialChoice resolve_credentials(const AuthProviders& providers) {
  CredentialChoice choice;
  for (const plugin::PluginRef<sdk::AuthProvider>& provider : providers) {
    if (!choice.provider.empty()) {
      if (also_set_up(provider)) {
        choice.also_configured.push_back(provider.name);
      }
      continue;
    }
    std::vector<sdk::Credential> found;
    sdk::Result result = resolve_one(provider, found);
    if (!result.ok()) {
      throw Error("auth " + provider.name + ": " + result.message());
    }
    if (!found.empty()) {
      choice.provider = provider.name;
      choice.credentials = std::move(found);
    }
  }
  return choice;
}

CredentialChoice preview_credentials(const AuthProviders& providers) {
  for (std::size_t i = 0; i < providers.size(); ++i) {
    const auto& provider = providers[i];
    if (provider.abi_minor < 1) {
      // Cannot say without resolving: as a launch asks it.
      CredentialChoice choice = resolve_credentials({provider});
      if (choice.provider.empty()) {
        continue;
      }
      choice.also_configured = configured_providers(
          AuthProviders(providers.begin() + i + 1, providers.end()));
      return choice;
    }
    if (provider.object->configured()) {
      CredentialChoice choice{provider.name, {}, {}, false};
      choice.also_configured = configured_providers(
          AuthProviders(providers.begin() + i + 1, providers.end()));
      return choice;
    }
  }
  return {};
}

std::vector<std::string> configured_providers(const AuthProviders& providers) {
  std::vector<std::string> names;
  for (const auto& provider : providers) {
    if (provider.abi_minor >= 1 && provider.object->configured()) {
      names.push_back(provider.name);
    }
  }
  return names;
}

std::string how_to_get_a_credential(const std::filesystem::path& env_file) {
  return "run \"oss-back2base login\", or set "
         "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN or BACK2BASE_ANTHROPIC_API_KEY "
         "in " +
         env_file.string();
}

}  // namespace b2b::launch
