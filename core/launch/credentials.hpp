// SPDX-License-Identifier: Apache-2.0
// Step 5 of a launch: the session's credential, from the auth plugins,
// asked in the user's order (BACK2BASE_AUTH) or the default one.
#pragma once

#include "core/config/settings.hpp"
#include "core/plugin/registry.hpp"

#include <back2base/sdk/auth.hpp>

#include <vector>

namespace b2b::launch {

using AuthProviders = std::vector<plugin::PluginRef<sdk::AuthProvider>>;

/// The providers to ask, in order: those BACK2BASE_AUTH names, when it is
/// set, and no other; else oauth-token, api-key, custom-endpoint, command,
/// then any other by name. Throws `Error` for a name no plugin provides.
AuthProviders ordered_providers(AuthProviders providers,
                                const config::Settings& settings);

struct CredentialChoice {
  std::string provider;
  std::vector<sdk::Credential> credentials;
  /// Providers after it that are set up too, and were not used.
  std::vector<std::string> also_configured;
  /// False when the provider was only asked whether it is set up (`plan`):
  /// `credentials` is then empty.
  bool resolved = true;
};

/// Asks `providers` in order; the first with a credential wins, and those
/// after it only say whether they are set up (SDK 2.1 providers run no
/// helper for that). No provider at all leaves `provider` empty. Each
/// value is registered for redaction at once. Throws `Error` when a
/// provider fails before one has a credential.
CredentialChoice resolve_credentials(const AuthProviders& providers);

/// The choice as far as it can be made without asking any provider for
/// its credential, for `plan`, which runs no helper and asks nothing: the
/// first that says it is set up, and the others that do. A provider built
/// for SDK 2.0, which cannot say, is resolved as before.
CredentialChoice preview_credentials(const AuthProviders& providers);

/// The providers of `providers` that are set up, in order, answered from
/// their settings with nothing run: for `status`. A provider built for SDK
/// 2.0, which cannot say without resolving, is left out.
std::vector<std::string> configured_providers(const AuthProviders& providers);

/// What to do without a credential: the two ways to get one.
std::string how_to_get_a_credential(const std::filesystem::path& env_file);

}  // namespace b2b::launch
