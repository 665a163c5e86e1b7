// SPDX-License-Identifier: Apache-2.0
// The Claude subscription token that "claude setup-token" prints, read only
// under the BACK2BASE_ prefix so that a token in the user's shell for other
// tools is never forwarded by accident.
#include <back2base/sdk/auth.hpp>

namespace {

class OAuthTokenProvider final : public b2b::sdk::AuthProvider {
 public:
  explicit OAuthTokenProvider(b2b::sdk::Host& host) : m_host(host) {}

  b2b::sdk::Result resolve(
      std::vector<b2b::sdk::Credential>& credentials) override {
    std::optional<std::string> token =
        m_host.setting("BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN");
    if (token && !token->empty()) {
      credentials.push_back({"CLAUDE_CODE_OAUTH_TOKEN", *token, {}, {}});
    }
    return b2b::sdk::Result::success();
  }

 private:
  b2b::sdk::Host& m_host;
};

}  // namespace

B2B_PLUGIN(OAuthTokenProvider, "oauth-token", "0.1.0",
           "Passes BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN to the session as "
           "CLAUDE_CODE_OAUTH_TOKEN (a Claude subscription)")
