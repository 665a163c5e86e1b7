// SPDX-License-Identifier: Apache-2.0
#include "core/launch/credentials.hpp"

#include "core/log/log.hpp"
#include "core/util/error.hpp"

namespace b2b::launch {

CredentialChoice resolve_credentials(
    const std::vector<plugin::PluginRef<sdk::AuthProvider>>& providers) {
  CredentialChoice choice;
  for (const plugin::PluginRef<sdk::AuthProvider>& provider : providers) {
    std::vector<sdk::Credential> found;
    sdk::Result result = provider.object->resolve(found);
    for (const sdk::Credential& credential : found) {
      log::add_secret(credential.value);
    }
    if (!result.ok()) {
      throw Error("auth " + provider.name + ": " + result.message());
    }
    if (found.empty()) {
      continue;
    }
    if (choice.provider.empty()) {
      choice.provider = provider.name;
      choice.credentials = std::move(found);
    } else {
      choice.also_configured.push_back(provider.name);
    }
  }
  if (choice.provider.empty()) {
    throw Error(
        "auth: no credential for Claude Code; run \"oss-back2base login\", "
        "or set BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN or "
        "BACK2BASE_ANTHROPIC_API_KEY in ~/.config/back2base/env");
  }
  return choice;
}

}  // namespace b2b::launch
