// SPDX-License-Identifier: Apache-2.0
// An Anthropic API key, read only under the BACK2BASE_ prefix: a bare
// ANTHROPIC_API_KEY in the user's shell is never forwarded.
#include "forwarded_setting.hpp"

namespace {

class ApiKeyProvider final : public b2b::auth::ForwardedSetting {
 public:
  explicit ApiKeyProvider(b2b::sdk::Host& host)
      : ForwardedSetting(host, "BACK2BASE_ANTHROPIC_API_KEY",
                         "ANTHROPIC_API_KEY") {}
};

}  // namespace

B2B_PLUGIN(ApiKeyProvider, "api-key", "0.1.0",
           "Passes BACK2BASE_ANTHROPIC_API_KEY to the session as "
           "ANTHROPIC_API_KEY (pay-as-you-go API access)")
