// SPDX-License-Identifier: Apache-2.0
#include "core/config/domain_pattern.hpp"

#include "core/util/strings.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace b2b::config {
namespace {

bool is_label(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' ||
      label.back() == '-') {
    return false;
  }
  return std::all_of(label.begin(), label.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
}

bool is_number(std::string_view label) {
  return !label.empty() && std::all_of(label.begin(), label.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

}  // namespace

std::string normalise_domain(std::string_view pattern) {
  std::string out;
  for (char c : pattern) {
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  if (out.size() > 1 && out.back() == '.') {
    out.pop_back();
  }
  return out;
}

std::optional<std::string> domain_pattern_problem(std::string_view pattern) {
  if (pattern.empty()) {
    return "an empty name; remove the stray comma or give a host name";
  }
  if (pattern.find("://") != std::string_view::npos) {
    return util::quote(pattern) +
           " is a URL; give its host name alone, like \"api.example.com\"";
  }
  if (pattern.find('/') != std::string_view::npos) {
    return util::quote(pattern) +
           " is a network or a path; the firewall allows host names only";
  }
  if (pattern.find(':') != std::string_view::npos) {
    return util::quote(pattern) +
           " has a port or is an IPv6 address; give a host name alone";
  }
  std::string_view name = pattern;
  bool wildcard = name.starts_with("*.");
  if (wildcard) {
    name.remove_prefix(2);
  }
  if (name.find('*') != std::string_view::npos) {
    return util::quote(pattern) +
           " may use \"*\" only as a leading \"*.\", like \"*.example.com\"";
  }
  std::vector<std::string> labels = util::split(name, '.');
  if (std::all_of(labels.begin(), labels.end(), is_number)) {
    return util::quote(pattern) +
           " is an address; the firewall allows names only, so that it "
           "follows them through DNS";
  }
  if (name.size() > 253 ||
      !std::all_of(labels.begin(), labels.end(),
                   [](const std::string& label) { return is_label(label); })) {
    return util::quote(pattern) +
           " is not a host name: labels of a-z, 0-9 and \"-\", joined by "
           "\".\"";
  }
  if (wildcard && labels.size() < 2) {
    return util::quote(pattern) +
           " is too broad; a wildcard must name a domain, like "
           "\"*.example.com\"";
  }
  return std::nullopt;
}

}  // namespace b2b::config
