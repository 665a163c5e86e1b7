// SPDX-License-Identifier: Apache-2.0
#include "core/config/overview_choice.hpp"

#include "core/util/error.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace b2b::config {
namespace {

constexpr std::array<std::string_view, 4> k_on{"1", "true", "yes", "on"};
constexpr std::array<std::string_view, 4> k_off{"0", "false", "no", "off"};

bool is_one_of(std::string_view value, const auto& words) {
  return std::find(words.begin(), words.end(), value) != words.end();
}

}  // namespace

OverviewChoice choose_overview(std::optional<bool> flag,
                               std::optional<bool> remembered,
                               const Settings& settings, bool interactive) {
  // Checked even when it does not decide, so that a typo is found the day
  // it is made rather than the day it first matters.
  std::optional<Setting> setting = settings.get("BACK2BASE_OVERVIEW");
  std::string value = setting ? setting->value : "";
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  bool setting_on = is_one_of(value, k_on);
  if (!value.empty() && !setting_on && !is_one_of(value, k_off)) {
    throw Error(described(*setting) + ": \"" + setting->value +
                "\" is neither on nor off; set it to 1 or 0");
  }

  if (!interactive) {
    return {false, "only interactive sessions get one"};
  }
  if (flag) {
    return {*flag, *flag ? "--overview" : "--no-overview"};
  }
  if (remembered) {
    return {*remembered, "remembered for this namespace"};
  }
  if (setting && setting->origin != Origin::default_value) {
    return {setting_on, described(*setting)};
  }
  return {false, "the default; --overview turns it on"};
}

}  // namespace b2b::config
