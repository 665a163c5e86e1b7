// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/policy.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <vector>

namespace b2b::plugin {
namespace {

struct Key {
  const char* name;
  bool Policy::*member;
};

constexpr Key k_keys[] = {
    {"allow_unsigned_plugins", &Policy::allow_unsigned_plugins},
    {"allow_user_keys", &Policy::allow_user_keys},
    {"allow_user_plugins", &Policy::allow_user_plugins},
};

std::size_t line_at(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<std::size_t>(
                 std::count(text.begin(), text.begin() + offset, '\n'));
}

// The line where `key` is written, for messages about it.
std::size_t line_of_key(std::string_view text, std::string_view key) {
  return line_at(text, text.find(util::quote(key)));
}

boost::json::value parse(const std::string& where, std::string_view text) {
  boost::json::stream_parser parser;
  boost::system::error_code error;
  std::size_t consumed = parser.write(text.data(), text.size(), error);
  if (!error) {
    parser.finish(error);
  }
  if (error) {
    throw Error(where + ":" + std::to_string(line_at(text, consumed)) +
                ": not valid JSON: " + error.message() +
                "; fix the file, or remove it to lift the policy");
  }
  return parser.release();
}

}  // namespace

Policy load_policy(const std::filesystem::path& file) {
  Policy policy;
  std::optional<std::string> text = util::read_file_if_exists(file);
  if (!text) {
    return policy;
  }
  const std::string where = file.string();
  boost::json::value document = parse(where, *text);
  if (!document.is_object()) {
    throw Error(where + ":1: the policy must be a JSON object");
  }
  std::vector<std::string> problems;
  std::vector<std::string> names;
  for (const Key& key : k_keys) {
    names.emplace_back(key.name);
  }
  for (const auto& [name, value] : document.as_object()) {
    auto known = std::find_if(std::begin(k_keys), std::end(k_keys),
                              [&](const Key& k) { return name == k.name; });
    std::string at =
        where + ":" + std::to_string(line_of_key(*text, name)) + ": ";
    if (known == std::end(k_keys)) {
      std::string suggestion = util::closest_match(name, names);
      problems.push_back(
          at + "unknown key " + util::quote(name) +
          (suggestion.empty()
               ? "; the keys are " + util::quote(names[0]) + ", " +
                     util::quote(names[1]) + " and " + util::quote(names[2])
               : "; did you mean " + util::quote(suggestion) + "?"));
    } else if (!value.is_bool()) {
      problems.push_back(at + util::quote(name) + " must be true or false");
    } else {
      policy.*(known->member) = value.get_bool();
    }
  }
  if (!problems.empty()) {
    std::string message;
    for (const std::string& problem : problems) {
      message += (message.empty() ? "" : "\n") + problem;
    }
    throw Error(message);
  }
  policy.source = where;
  return policy;
}

}  // namespace b2b::plugin
