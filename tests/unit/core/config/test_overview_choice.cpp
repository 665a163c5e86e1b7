// SPDX-License-Identifier: Apache-2.0
#include "core/config/overview_choice.hpp"

#include "core/config/last_profile.hpp"
#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::config;

namespace {

Settings with(const std::string& file_text,
              std::map<std::string, std::string, std::less<>> environment =
                  {}) {
  static test::TempDir dir;
  test::write(dir / "env", file_text);
  return Settings(Environment(environment), EnvFile::load(dir / "env"), {});
}

}  // namespace

TEST_CASE("a flag decides, then the namespace's choice, then the setting",
          "[config][overview]") {
  Settings on = with("BACK2BASE_OVERVIEW=1\n");
  Settings unset = with("");

  OverviewChoice choice = choose_overview(false, true, on, true);
  CHECK_FALSE(choice.on);
  CHECK(choice.reason == "--no-overview");
  choice = choose_overview(true, false, unset, true);
  CHECK(choice.on);
  CHECK(choice.reason == "--overview");

  choice = choose_overview(std::nullopt, false, on, true);
  CHECK_FALSE(choice.on);
  CHECK(choice.reason == "remembered for this namespace");

  choice = choose_overview(std::nullopt, std::nullopt, on, true);
  CHECK(choice.on);
  CHECK(choice.reason.starts_with("BACK2BASE_OVERVIEW ("));

  choice = choose_overview(std::nullopt, std::nullopt, unset, true);
  CHECK_FALSE(choice.on);
  CHECK(choice.reason == "the default; --overview turns it on");

  choice = choose_overview(std::nullopt, std::nullopt,
                           with("", {{"BACK2BASE_OVERVIEW", "No"}}), true);
  CHECK_FALSE(choice.on);
  CHECK(choice.reason == "BACK2BASE_OVERVIEW (environment)");
}

TEST_CASE("one-shot sessions, shells and resumes never get one",
          "[config][overview]") {
  OverviewChoice choice =
      choose_overview(true, true, with("BACK2BASE_OVERVIEW=1\n"), false);
  CHECK_FALSE(choice.on);
  CHECK(choice.reason == "only interactive sessions get one");
}

TEST_CASE("a BACK2BASE_OVERVIEW that is neither on nor off is an error",
          "[config][overview]") {
  Settings bad = with("# the overview\nBACK2BASE_OVERVIEW=maybe\n");
  try {
    choose_overview(true, std::nullopt, bad, false);
    FAIL("no error");
  } catch (const Error& e) {
    std::string message = e.what();
    CHECK(message.find("BACK2BASE_OVERVIEW (") == 0);
    CHECK(message.find("env:2): \"maybe\" is neither on nor off; set it to 1 "
                       "or 0") != std::string::npos);
  }
}

TEST_CASE("the overview choice is remembered beside the profile",
          "[config][overview][last]") {
  test::TempDir state;
  CHECK_FALSE(remembered_overview(state.path(), "shop"));
  test::write(state / "last-profile.json",
              R"({"namespaces": {"shop": "go", "blog": {"overview": "yes"}}})");
  CHECK_FALSE(remembered_overview(state.path(), "blog"));
  remember_overview(state.path(), "shop", true);
  CHECK(remembered_overview(state.path(), "shop") == true);
  CHECK(remembered_profile(state.path(), "shop") == "go");
  remember_profile(state.path(), "shop", "infra");
  remember_overview(state.path(), "shop", false);
  CHECK(remembered_overview(state.path(), "shop") == false);
  CHECK(remembered_profile(state.path(), "shop") == "infra");
}
