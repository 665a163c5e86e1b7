// SPDX-License-Identifier: Apache-2.0
// The Claude subscription token that "claude setup-token" prints, read only
// under the BACK2BASE_ prefix so that a token in the user's shell for other
// tools is never forwarded by accident.
#include "forwarded_setting.hpp"

namespace {

class OAuthTokenProvider final : public b2b::auth::ForwardedSetting {
 public:
  explicit OAuthTokenProvider(b2b::sdk::Host& host)
      : ForwardedSetting(host, "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN",
                         "CLAUDE_CODE_OAUTH_TOKEN") {}
};

}  // namespace

B2B_PLUGIN(OAuthTokenProvider, "oauth-token", "0.1.0",
           "Passes BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN to the session as "
           "CLAUDE_CODE_OAUTH_TOKEN (a Claude subscription)")
