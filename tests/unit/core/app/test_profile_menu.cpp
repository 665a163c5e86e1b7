// SPDX-License-Identifier: Apache-2.0
#include "core/app/profile_menu.hpp"

#include "core/util/error.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace b2b;
using namespace b2b::app;

namespace {

config::ProfileSet profiles() {
  return config::parse_profiles(
      config::JsonDocument(R"({"core": ["fs", "git"], "profiles": {
        "full": {"description": "Everything", "servers": ["web", "docs"]},
        "go": {"description": "Go modules", "servers": ["docs", "git"]},
        "minimal": {"description": "Core only", "servers": []}}})",
                           "profiles.json"),
      {"fs", "git", "web", "docs"});
}

config::ProfileRequest answer(const std::string& input,
                              std::optional<std::string> remembered,
                              std::string* shown = nullptr) {
  std::istringstream in(input);
  std::ostringstream out;
  config::ProfileRequest request =
      ask_for_profile(in, out, profiles(), remembered);
  if (shown != nullptr) {
    *shown = out.str();
  }
  return request;
}

}  // namespace

TEST_CASE("the profile menu lists auto first and marks the last one used",
          "[app][menu]") {
  std::string shown;
  CHECK(answer("\n", std::string("go"), &shown).name == "go");
  CHECK(shown ==
        "Choose a tool profile (* is what this project used last):\n"
        "  1)  auto     every profile the workspace matches\n"
        "  2)  full     Everything (4 servers)\n"
        "* 3)  go       Go modules (3 servers)\n"
        "  4)  minimal  Core only (2 servers)\n"
        "Profile [1-4 or a name, Enter for go]: ");
}

TEST_CASE("the profile menu takes a number, a name, Enter or end of input",
          "[app][menu]") {
  CHECK(answer("2\n", std::nullopt).name == "full");
  CHECK(answer("2\n", std::nullopt).origin == "the menu");
  CHECK(answer("  minimal \n", std::nullopt).name == "minimal");
  CHECK(answer("\n", std::nullopt).name == "auto");
  CHECK(answer("", std::nullopt).name == "auto");
  CHECK(answer("", std::nullopt).origin == "the menu's default");
  // A remembered profile that is gone is not the default.
  CHECK(answer("\n", std::string("deleted")).name == "auto");
}

TEST_CASE("the profile menu asks again after a wrong answer, then gives up",
          "[app][menu]") {
  std::string shown;
  CHECK(answer("9\nfulll\n1\n", std::nullopt, &shown).name == "auto");
  CHECK_THAT(shown, Catch::Contains("not a choice: \"9\"\n"));
  CHECK_THAT(shown, Catch::Contains(
                        "not a choice: \"fulll\"; did you mean \"full\"?\n"));
  try {
    answer("x\ny\nz\n", std::nullopt);
    FAIL("accepted");
  } catch (const Error& e) {
    CHECK(std::string(e.what()) ==
          "profile menu: no valid choice in 3 answers; name one with "
          "--profile");
    CHECK(e.exit_code() == exit_status::k_usage);
  }
}

TEST_CASE("only a launch that nobody told which profile asks, on a terminal",
          "[app][menu]") {
  CHECK(should_ask_for_profile({"auto", "default"}, true));
  CHECK_FALSE(should_ask_for_profile({"auto", "default"}, false));
  CHECK_FALSE(should_ask_for_profile({"auto", "--profile"}, true));
  CHECK_FALSE(
      should_ask_for_profile({"go", "BACK2BASE_PROFILE (environment)"}, true));
}
