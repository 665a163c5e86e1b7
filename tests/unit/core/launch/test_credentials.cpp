// SPDX-License-Identifier: Apache-2.0
#include "core/launch/credentials.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::launch;

namespace {

// A provider that has a credential or not, fails or not, and counts how
// often it was made to produce one.
class Fake final : public sdk::AuthProvider {
 public:
  Fake(std::string value, bool fails = false)
      : m_value(std::move(value)), m_fails(fails) {}
  sdk::Result resolve(std::vector<sdk::Credential>& credentials) override {
    ++resolved;
    if (m_fails) {
      return sdk::Result::failure("the helper exited 3");
    }
    if (!m_value.empty()) {
      credentials.push_back({"ANTHROPIC_API_KEY", m_value, {}, {}});
    }
    return sdk::Result::success();
  }
  bool configured() const noexcept override { return !m_value.empty(); }
  int resolved = 0;

 private:
  std::string m_value;
  bool m_fails;
};

plugin::PluginRef<sdk::AuthProvider> ref(const std::string& name,
                                         std::shared_ptr<Fake> fake,
                                         unsigned minor = 1) {
  return {name, fake, minor};
}

std::shared_ptr<const config::Settings> auth_set_to(std::string order) {
  std::map<std::string, std::string, std::less<>> vars{
      {"BACK2BASE_AUTH", std::move(order)}};
  return test::settings_of(config::Environment(vars));
}

std::vector<std::string> names(const AuthProviders& providers) {
  std::vector<std::string> out;
  for (const auto& provider : providers) {
    out.push_back(provider.name);
  }
  return out;
}

}  // namespace

TEST_CASE("providers are asked in the default order, or BACK2BASE_AUTH's",
          "[launch][auth]") {
  auto none = std::make_shared<Fake>("");
  AuthProviders all{ref("command", none),         ref("zeta", none),
                    ref("api-key", none),         ref("oauth-token", none),
                    ref("custom-endpoint", none), ref("alpha", none)};
  CHECK(names(ordered_providers(all, *test::settings_of({}))) ==
        std::vector<std::string>{"oauth-token", "api-key", "custom-endpoint",
                                 "command", "alpha", "zeta"});
  CHECK(
      names(ordered_providers(all, *auth_set_to("command, api-key,command"))) ==
      std::vector<std::string>{"command", "api-key"});
  try {
    ordered_providers(all, *auth_set_to("api-key,comand"));
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "BACK2BASE_AUTH (environment): no auth provider \"comand\" (there "
          "are command, zeta, api-key, oauth-token, custom-endpoint, alpha); "
          "did you mean \"command\"?");
  }
}

TEST_CASE(
    "the first with a credential wins; the others are only asked "
    "whether they are set up",
    "[launch][auth]") {
  auto empty = std::make_shared<Fake>("");
  auto key = std::make_shared<Fake>("sk-1");
  auto helper = std::make_shared<Fake>("from-helper");
  auto old = std::make_shared<Fake>("old-style");
  CredentialChoice choice =
      resolve_credentials({ref("oauth-token", empty), ref("api-key", key),
                           ref("command", helper), ref("old", old, 0)});
  CHECK(choice.provider == "api-key");
  REQUIRE(choice.credentials.size() == 1);
  CHECK(choice.credentials[0].value == "sk-1");
  CHECK(choice.also_configured == std::vector<std::string>{"command", "old"});
  CHECK(helper->resolved == 0);  // its helper never ran
  CHECK(old->resolved == 1);     // an SDK 2.0 provider can only be resolved
}

TEST_CASE(
    "a failing provider stops the launch before one has won, and "
    "none at all is no provider",
    "[launch][auth]") {
  auto failing = std::make_shared<Fake>("", true);
  auto key = std::make_shared<Fake>("sk-1");
  try {
    resolve_credentials({ref("command", failing), ref("api-key", key)});
    FAIL("no error");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) == "auth command: the helper exited 3");
  }
  CHECK(resolve_credentials({ref("api-key", key), ref("command", failing)})
            .provider == "api-key");
  CHECK(resolve_credentials({ref("oauth-token", std::make_shared<Fake>(""))})
            .provider.empty());
}
