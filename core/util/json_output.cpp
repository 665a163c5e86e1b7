// SPDX-License-Identifier: Apache-2.0
#include "core/util/json_output.hpp"

#include <boost/json.hpp>

#include <charconv>
#include <cmath>

namespace b2b::util {
namespace {

void print(const boost::json::value& value, std::string& out, int depth) {
  const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
  const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
  if (value.is_object() && !value.as_object().empty()) {
    out += "{\n";
    bool first = true;
    for (const auto& [key, member] : value.as_object()) {
      out += first ? "" : ",\n";
      first = false;
      out += indent + boost::json::serialize(boost::json::string(key)) + ": ";
      print(member, out, depth + 1);
    }
    out += "\n" + closing + "}";
  } else if (value.is_array() && !value.as_array().empty()) {
    out += "[\n";
    bool first = true;
    for (const boost::json::value& element : value.as_array()) {
      out += first ? "" : ",\n";
      first = false;
      out += indent;
      print(element, out, depth + 1);
    }
    out += "\n" + closing + "]";
  } else if (value.is_double() && std::isfinite(value.get_double())) {
    // Plain decimals ("0.35", "1"), not Boost's exponent form ("3.5E-1"),
    // the shortest that reads back as the same number.
    char text[32];
    auto end = std::to_chars(text, text + sizeof text, value.get_double(),
                             std::chars_format::fixed);
    out.append(text, end.ptr);
  } else {
    out += boost::json::serialize(value);
  }
}

}  // namespace

std::string pretty_json(const boost::json::value& value) {
  std::string out;
  print(value, out, 0);
  out += '\n';
  return out;
}

boost::json::array json_strings(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const std::string& item : items) {
    out.emplace_back(item);
  }
  return out;
}

}  // namespace b2b::util
