// SPDX-License-Identifier: Apache-2.0
#include "core/cli/check_report.hpp"

#include "core/util/json_output.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <iostream>

namespace b2b::cli {
namespace {

using app::Check;
using app::CheckStatus;

std::size_t count(const std::vector<Check>& checks, CheckStatus status) {
  return static_cast<std::size_t>(
      std::count_if(checks.begin(), checks.end(),
                    [&](const Check& c) { return c.status == status; }));
}

void print_text(const std::vector<Check>& checks, std::string_view command) {
  for (const Check& check : checks) {
    // A multi-line detail (every bad line of a file) stays readable.
    std::vector<std::string> lines = util::split(check.detail, '\n');
    std::cout << "[" << app::status_name(check.status) << "] " << check.name
              << ": " << lines[0] << "\n";
    for (std::size_t i = 1; i < lines.size(); ++i) {
      std::cout << "       " << lines[i] << "\n";
    }
    if (!check.fix.empty()) {
      std::cout << "       fix: " << check.fix << "\n";
    }
  }
  std::cout << "\n"
            << command << ": " << count(checks, CheckStatus::pass) << " ok, "
            << count(checks, CheckStatus::warn) << " to look at, "
            << count(checks, CheckStatus::fail) << " to fix\n";
}

void print_json(const std::vector<Check>& checks) {
  boost::json::array out;
  for (const Check& check : checks) {
    out.push_back({{"name", check.name},
                   {"status", app::status_name(check.status)},
                   {"detail", check.detail},
                   {"fix", check.fix}});
  }
  std::cout << util::pretty_json(boost::json::object{{"checks", out}});
}

}  // namespace

int report_checks(const std::vector<Check>& checks, bool json,
                  std::string_view command) {
  if (json) {
    print_json(checks);
  } else {
    print_text(checks, command);
  }
  return count(checks, CheckStatus::fail) == 0 ? 0 : 1;
}

}  // namespace b2b::cli
