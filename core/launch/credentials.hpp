// SPDX-License-Identifier: Apache-2.0
// Step 5 of a launch: the session's credential, from the auth plugins.
#pragma once

#include "core/plugin/registry.hpp"

#include <back2base/sdk/auth.hpp>

#include <vector>

namespace b2b::launch {

struct CredentialChoice {
  std::string provider;
  std::vector<sdk::Credential> credentials;
  /// Other providers that had a credential too, and were not used.
  std::vector<std::string> also_configured;
};

/// Asks every provider, in the order given; the first with a credential
/// wins. Each value is registered for redaction at once. Throws `Error`
/// when a provider fails, or when none has a credential (saying how to
/// get one).
CredentialChoice resolve_credentials(
    const std::vector<plugin::PluginRef<sdk::AuthProvider>>& providers);

}  // namespace b2b::launch
