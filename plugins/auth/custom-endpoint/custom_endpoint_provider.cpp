// SPDX-License-Identifier: Apache-2.0
// An Anthropic-compatible gateway (a company's proxy, a cloud AI gateway):
// its bearer token, BACK2BASE_ANTHROPIC_AUTH_TOKEN, reaches the session as
// ANTHROPIC_AUTH_TOKEN, and CUSTOM_API_HEADER ("Name: value") as
// ANTHROPIC_CUSTOM_HEADERS. The gateway's URL, BACK2BASE_ANTHROPIC_BASE_URL,
// is the session's whatever the provider (a gateway may take an API key),
// and its host joins the firewall's allowlist there.
#include <back2base/sdk/auth.hpp>
#include <back2base/sdk/host.hpp>

namespace {

using b2b::sdk::Result;

class CustomEndpointProvider final : public b2b::sdk::AuthProvider {
 public:
  explicit CustomEndpointProvider(b2b::sdk::Host& host) : m_host(host) {}

  Result resolve(std::vector<b2b::sdk::Credential>& credentials) override {
    std::string token = setting("BACK2BASE_ANTHROPIC_AUTH_TOKEN");
    if (token.empty()) {
      return Result::success();
    }
    if (setting("BACK2BASE_ANTHROPIC_BASE_URL").empty()) {
      return Result::failure(
          "BACK2BASE_ANTHROPIC_AUTH_TOKEN is set but "
          "BACK2BASE_ANTHROPIC_BASE_URL is not; set it to the gateway's URL "
          "(https://...), or use BACK2BASE_ANTHROPIC_API_KEY for Anthropic's "
          "own API");
    }
    credentials.push_back({"ANTHROPIC_AUTH_TOKEN", token, {}, {}});
    std::string header = setting("CUSTOM_API_HEADER");
    if (!header.empty()) {
      std::size_t colon = header.find(':');
      if (colon == 0 || colon == std::string::npos) {
        return Result::failure(
            "CUSTOM_API_HEADER is not \"Name: value\"; give the header's "
            "name, a colon, then its value");
      }
      credentials.push_back({"ANTHROPIC_CUSTOM_HEADERS", header, {}, {}});
    }
    return Result::success();
  }

  bool configured() const noexcept override {
    return !setting("BACK2BASE_ANTHROPIC_AUTH_TOKEN").empty();
  }

 private:
  std::string setting(std::string_view name) const {
    return m_host.setting(name).value_or("");
  }

  b2b::sdk::Host& m_host;
};

}  // namespace

B2B_PLUGIN(CustomEndpointProvider, "custom-endpoint", "0.1.0",
           "Passes BACK2BASE_ANTHROPIC_AUTH_TOKEN to the session as "
           "ANTHROPIC_AUTH_TOKEN, for an Anthropic-compatible gateway at "
           "BACK2BASE_ANTHROPIC_BASE_URL")
