// SPDX-License-Identifier: Apache-2.0
#include "core/config/settings.hpp"

#include "core/log/log.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

struct Sources {
  test::TempDir dir;
  std::map<std::string, std::string, std::less<>> environment;
  std::string file;
  Settings::Flags flags;

  Settings settings() {
    test::write(dir / "env", file);
    return Settings(Environment(environment), EnvFile::load(dir / "env"),
                    flags);
  }
};

}  // namespace

TEST_CASE(
    "settings come from a flag, then the environment, then the env "
    "file, then the default",
    "[config][settings]") {
  Sources s;
  s.file = "# profile\nBACK2BASE_PROFILE=python\n";
  const std::string file_line = (s.dir / "env").string() + ":2";

  Setting setting = *s.settings().get("BACK2BASE_PROFILE");
  CHECK(setting.value == "python");
  CHECK(setting.origin == Origin::file);
  CHECK(setting.where == file_line);

  s.environment["BACK2BASE_PROFILE"] = "go";
  setting = *s.settings().get("BACK2BASE_PROFILE");
  CHECK(setting.value == "go");
  CHECK(setting.origin == Origin::environment);

  s.flags["BACK2BASE_PROFILE"] = {"infra", "--profile"};
  setting = *s.settings().get("BACK2BASE_PROFILE");
  CHECK(setting.value == "infra");
  CHECK(setting.origin == Origin::flag);
  CHECK(setting.where == "--profile");

  Setting fallback = *Sources().settings().get("BACK2BASE_PROFILE");
  CHECK(fallback.value == "auto");
  CHECK(fallback.origin == Origin::default_value);
  CHECK_FALSE(Sources().settings().get("BACK2BASE_MODEL").has_value());
}

TEST_CASE("an empty value in the environment still wins over the file",
          "[config][settings]") {
  Sources s;
  s.file = "BACK2BASE_MODEL=opus\n";
  s.environment["BACK2BASE_MODEL"] = "";
  CHECK(s.settings().value("BACK2BASE_MODEL") == "");
}

TEST_CASE("credentials are never taken from a bare name in the shell",
          "[config][settings][secrets]") {
  Sources s;
  s.environment["ANTHROPIC_API_KEY"] = "sk-from-another-tool";
  s.environment["GITHUB_TOKEN"] = "ghp_from_the_shell";
  Settings settings = s.settings();
  CHECK_FALSE(settings.get("BACK2BASE_ANTHROPIC_API_KEY").has_value());
  CHECK_FALSE(settings.get("GITHUB_TOKEN").has_value());
  std::vector<std::string> needed{"GITHUB_TOKEN"};
  CHECK(settings.tokens_for(needed).empty());

  SECTION("a key the tool does not know is not read bare from the shell") {
    s.environment["GH_TOKEN"] = "from-the-shell";
    s.file = "GH_TOKEN=from-the-file\n";
    CHECK(s.settings().value("GH_TOKEN") == "from-the-file");
    s.environment["BACK2BASE_GH_TOKEN"] = "prefixed";
    CHECK(s.settings().value("GH_TOKEN") == "prefixed");
  }
  SECTION("a tool's token: BACK2BASE_ name in the shell, either in the file") {
    s.environment["BACK2BASE_GITHUB_TOKEN"] = "ghp_prefixed";
    CHECK(s.settings().value("GITHUB_TOKEN") == "ghp_prefixed");
    s.environment.erase("BACK2BASE_GITHUB_TOKEN");
    s.file = "GITHUB_TOKEN=ghp_in_file\n";
    CHECK(s.settings().value("GITHUB_TOKEN") == "ghp_in_file");
    s.file = "BACK2BASE_GITHUB_TOKEN=ghp_prefixed_in_file\n";
    CHECK(s.settings().value("GITHUB_TOKEN") == "ghp_prefixed_in_file");
  }
}

TEST_CASE("tokens_for forwards only what the session's servers need",
          "[config][settings][secrets]") {
  Sources s;
  s.file = "GITHUB_TOKEN=ghp_1\nDD_API_KEY=dd_1\nBRAVE_API_KEY=\n";
  s.environment["BACK2BASE_LINEAR_TOKEN"] = "lin_1";  // unknown to the table
  Settings settings = s.settings();
  std::vector<std::string> needed{"GITHUB_TOKEN", "BRAVE_API_KEY",
                                  "LINEAR_TOKEN", "CONTEXT7_API_KEY"};
  std::vector<Setting> tokens = settings.tokens_for(needed);
  REQUIRE(tokens.size() == 2);
  CHECK(tokens[0].name == "GITHUB_TOKEN");
  CHECK(tokens[0].value == "ghp_1");
  CHECK(tokens[0].secret);
  CHECK(tokens[1].name == "LINEAR_TOKEN");
  CHECK(tokens[1].value == "lin_1");
}

TEST_CASE("secret values are remembered for redaction and never shown",
          "[config][settings][secrets]") {
  Sources s;
  s.file =
      "BACK2BASE_ANTHROPIC_API_KEY=sk-ant-api03-unit-test-value\n"
      "MY_SERVICE_TOKEN=custom-secret-value\n"
      "PLAIN=visible\n";
  // Shadowed by the environment, but secret all the same.
  s.environment["BACK2BASE_ANTHROPIC_API_KEY"] = "sk-ant-api03-winning-value";
  Settings settings = s.settings();
  CHECK(log::redact("key sk-ant-api03-unit-test-value") == "key [redacted]");
  CHECK(log::redact("sk-ant-api03-winning-value") == "[redacted]");
  CHECK(log::redact("custom-secret-value") == "[redacted]");
  CHECK(redacted("sk-ant") == "[redacted, 6 characters]");

  std::vector<Setting> all = settings.effective();
  auto find = [&](std::string_view name) -> const Setting& {
    for (const Setting& setting : all) {
      if (setting.name == name) {
        return setting;
      }
    }
    FAIL("no setting " << name);
    throw;
  };
  CHECK(find("BACK2BASE_ANTHROPIC_API_KEY").secret);
  CHECK(find("MY_SERVICE_TOKEN").secret);
  CHECK(find("PLAIN").secret);  // unknown keys are hidden to be safe
  CHECK_FALSE(find("BACK2BASE_PROFILE").secret);
  CHECK(find("BACK2BASE_RUNTIME").value == "auto");
}

TEST_CASE("every known setting has a description and a unique name",
          "[config][settings]") {
  std::set<std::string> names;
  for (const SettingSpec& spec : known_settings()) {
    CHECK(std::string_view(spec.description).size() > 10);
    CHECK(names.insert(spec.name).second);
  }
  CHECK(find_setting("BACK2BASE_PROFILE") != nullptr);
  CHECK(find_setting("NOT_A_SETTING") == nullptr);
}

TEST_CASE("Settings::flag reads yes-like values in any case",
          "[config][settings]") {
  Sources s;
  s.environment["BACK2BASE_OVERVIEW"] = "TRUE";
  s.environment["DISABLE_FIREWALL"] = "no";
  s.file = "BACK2BASE_NO_UPDATE_CHECK=on\n";
  Settings settings = s.settings();
  CHECK(settings.flag("BACK2BASE_OVERVIEW"));
  CHECK(settings.flag("BACK2BASE_NO_UPDATE_CHECK"));
  CHECK_FALSE(settings.flag("DISABLE_FIREWALL"));
  CHECK_FALSE(settings.flag("BACK2BASE_ALLOW_UNSIGNED_PLUGINS"));  // "0"
  CHECK_FALSE(settings.flag("BACK2BASE_MODEL"));                   // unset
}
