// SPDX-License-Identifier: Apache-2.0
#include "core/app/profile_menu.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"
#include "core/util/table.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

namespace b2b::app {
namespace {

constexpr int k_attempts = 3;

std::size_t server_count(const config::ProfileSet& profiles,
                         const config::Profile& profile) {
  std::vector<std::string> servers = profiles.core;
  for (const std::string& server : profile.servers) {
    if (std::find(servers.begin(), servers.end(), server) == servers.end()) {
      servers.push_back(server);
    }
  }
  return servers.size();
}

}  // namespace

bool should_ask_for_profile(const config::ProfileRequest& request,
                            bool interactive) {
  return interactive && request.origin == "default";
}

config::ProfileRequest ask_for_profile(
    std::istream& in, std::ostream& out, const config::ProfileSet& profiles,
    const std::optional<std::string>& remembered) {
  std::vector<std::string> choices{std::string(config::k_auto_profile)};
  std::vector<std::vector<std::string>> rows{
      {"", "auto", "every profile the workspace matches"}};
  for (const config::Profile& profile : profiles.profiles) {
    choices.push_back(profile.name);
    rows.push_back({"", profile.name,
                    profile.description + " (" +
                        std::to_string(server_count(profiles, profile)) +
                        " servers)"});
  }
  std::string fallback(config::k_auto_profile);
  if (remembered &&
      std::find(choices.begin(), choices.end(), *remembered) != choices.end()) {
    fallback = *remembered;
  }
  for (std::size_t i = 0; i < rows.size(); ++i) {
    rows[i][0] =
        (choices[i] == fallback ? "* " : "  ") + std::to_string(i + 1) + ")";
  }

  out << "Choose a tool profile (* is what this project used last):\n";
  for (const std::string& line : util::table_lines(rows)) {
    out << line << "\n";
  }
  for (int attempt = 0; attempt < k_attempts; ++attempt) {
    out << "Profile [1-" << choices.size() << " or a name, Enter for "
        << fallback << "]: " << std::flush;
    std::string answer;
    if (!std::getline(in, answer)) {
      out << "\n";
      return {fallback, "the menu's default"};
    }
    answer = util::trim(answer);
    if (answer.empty()) {
      return {fallback, "the menu's default"};
    }
    if (std::all_of(answer.begin(), answer.end(), ::isdigit) &&
        answer.size() < 4) {
      std::size_t number = std::stoul(answer);
      if (number >= 1 && number <= choices.size()) {
        return {choices[number - 1], "the menu"};
      }
    }
    if (std::find(choices.begin(), choices.end(), answer) != choices.end()) {
      return {answer, "the menu"};
    }
    std::string near = util::closest_match(answer, choices);
    out << "not a choice: " << util::quote(answer)
        << (near.empty() ? "" : "; did you mean " + util::quote(near) + "?")
        << "\n";
  }
  throw Error("profile menu: no valid choice in " + std::to_string(k_attempts) +
                  " answers; name one with --profile",
              exit_status::k_usage);
}

}  // namespace b2b::app
