// SPDX-License-Identifier: Apache-2.0
// An Anthropic API key, read only under the BACK2BASE_ prefix: a bare
// ANTHROPIC_API_KEY in the user's shell is never forwarded.
#include <back2base/sdk/auth.hpp>

namespace {

class ApiKeyProvider final : public b2b::sdk::AuthProvider {
 public:
  explicit ApiKeyProvider(b2b::sdk::Host& host) : m_host(host) {}

  b2b::sdk::Result resolve(
      std::vector<b2b::sdk::Credential>& credentials) override {
    std::optional<std::string> key =
        m_host.setting("BACK2BASE_ANTHROPIC_API_KEY");
    if (key && !key->empty()) {
      credentials.push_back({"ANTHROPIC_API_KEY", *key, {}, {}});
    }
    return b2b::sdk::Result::success();
  }

 private:
  b2b::sdk::Host& m_host;
};

}  // namespace

B2B_PLUGIN(ApiKeyProvider, "api-key", "0.1.0",
           "Passes BACK2BASE_ANTHROPIC_API_KEY to the session as "
           "ANTHROPIC_API_KEY (pay-as-you-go API access)")
