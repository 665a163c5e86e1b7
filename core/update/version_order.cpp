// SPDX-License-Identifier: Apache-2.0
#include "core/update/version_order.hpp"

#include "core/util/strings.hpp"

#include <algorithm>
#include <charconv>
#include <tuple>

namespace b2b::update {
namespace {

bool is_number(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
}

std::optional<unsigned long> number(std::string_view part) {
  if (!is_number(part) || (part.size() > 1 && part.front() == '0')) {
    return std::nullopt;
  }
  unsigned long value = 0;
  auto [end, error] =
      std::from_chars(part.data(), part.data() + part.size(), value);
  if (error != std::errc() || end != part.data() + part.size()) {
    return std::nullopt;
  }
  return value;
}

bool is_identifier(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
           (c >= 'A' && c <= 'Z') || c == '-';
  });
}

// SemVer's rule 11: numeric identifiers by value, below alphanumeric ones,
// which compare as ASCII; a shorter list that is a prefix comes first.
std::strong_ordering compare_identifier(const std::string& a,
                                        const std::string& b) {
  bool a_number = is_number(a), b_number = is_number(b);
  if (a_number && b_number) {
    if (a.size() != b.size()) {
      return a.size() <=> b.size();
    }
    return a.compare(b) <=> 0;
  }
  if (a_number != b_number) {
    return a_number ? std::strong_ordering::less
                    : std::strong_ordering::greater;
  }
  return a.compare(b) <=> 0;
}

}  // namespace

std::strong_ordering Version::operator<=>(const Version& other) const {
  if (auto c = std::tie(major, minor, patch) <=>
               std::tie(other.major, other.minor, other.patch);
      c != 0) {
    return c;
  }
  // A release comes after its pre-releases.
  if (prerelease.empty() != other.prerelease.empty()) {
    return prerelease.empty() ? std::strong_ordering::greater
                              : std::strong_ordering::less;
  }
  std::size_t common = std::min(prerelease.size(), other.prerelease.size());
  for (std::size_t i = 0; i < common; ++i) {
    if (auto c = compare_identifier(prerelease[i], other.prerelease[i]);
        c != 0) {
      return c;
    }
  }
  return prerelease.size() <=> other.prerelease.size();
}

std::optional<Version> parse_version(std::string_view text) {
  if (text.starts_with("v")) {
    text.remove_prefix(1);
  }
  Version version;
  version.text = std::string(text);
  std::string_view core = text.substr(0, text.find_first_of("-+"));
  std::string_view rest = text.substr(core.size());
  std::vector<std::string> parts = util::split(core, '.');
  if (parts.size() != 3) {
    return std::nullopt;
  }
  auto major = number(parts[0]), minor = number(parts[1]),
       patch = number(parts[2]);
  if (!major || !minor || !patch) {
    return std::nullopt;
  }
  version.major = *major;
  version.minor = *minor;
  version.patch = *patch;
  std::string_view build;
  if (std::size_t plus = rest.find('+'); plus != std::string_view::npos) {
    build = rest.substr(plus + 1);
    rest = rest.substr(0, plus);
    if (build.empty()) {
      return std::nullopt;
    }
    for (const std::string& part : util::split(build, '.')) {
      if (!is_identifier(part)) {
        return std::nullopt;
      }
    }
  }
  if (!rest.empty()) {
    rest.remove_prefix(1);  // the "-"
    version.prerelease = util::split(rest, '.');
    for (const std::string& part : version.prerelease) {
      if (!is_identifier(part) ||
          (is_number(part) && part.size() > 1 && part.front() == '0')) {
        return std::nullopt;
      }
    }
  }
  return version;
}

}  // namespace b2b::update
