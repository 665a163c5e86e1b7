// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <back2base/sdk/plugin.hpp>
#include <back2base/sdk/result.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace b2b::sdk {

/// A credential for the session: one environment variable for Claude Code
/// and, optionally, the hosts the session must reach to use it.
struct Credential {
  std::string variable;  ///< name in the container: "ANTHROPIC_API_KEY"
  std::string value;     ///< the secret; only ever shown redacted
  /// When the credential stops working; no value when it does not expire.
  std::optional<std::chrono::system_clock::time_point> expires;
  std::vector<std::string> allow_hosts;  ///< joined to the allowlist
};

/// Supplies the credentials a session uses: an OAuth token, an API key,
/// an enterprise sign-in. The host asks providers in the user's order and
/// uses the first that has something. Called from one thread at a time.
class B2B_SDK_DETAIL_EXPORT AuthProvider : public Plugin {
 public:
  /// The kind this interface's plugins declare in their descriptor.
  static constexpr PluginKind k_kind = PluginKind::auth;
  /// Always `k_kind`; the host checks it against the descriptor.
  PluginKind kind() const noexcept final { return k_kind; }

  /// Appends this provider's credentials to `credentials`, or nothing when
  /// the user has not configured it. May block (a provider may run a helper
  /// command). Fails when it is configured but cannot produce a credential,
  /// saying why; the value of a secret never appears in the message.
  virtual Result resolve(std::vector<Credential>& credentials) = 0;

  /// Whether the user has set this provider up, answered from its settings
  /// alone: no helper is run, nothing is asked. The host asks the providers
  /// after the one whose credential it uses, to report two configured at
  /// once. Since 2.1 (the host asks a 2.0 plugin `resolve` instead).
  virtual bool configured() const noexcept = 0;
};

}  // namespace b2b::sdk
