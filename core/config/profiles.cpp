// SPDX-License-Identifier: Apache-2.0
#include "core/config/profiles.hpp"

#include "core/config/config_problems.hpp"
#include "core/payload/payload.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace b2b::config {
namespace {

namespace json = boost::json;

/// Reads one profiles.json; every check adds to `problems` and carries
/// on, so that one run reports the whole file.
class ProfileReader {
 public:
  ProfileReader(const JsonDocument& document,
                const std::vector<std::string>& known_servers)
      : m_document(document), m_known(known_servers) {}

  ProfileSet read() {
    ProfileSet set;
    set.source = m_document.source();
    const json::object* top = m_document.root().if_object();
    if (top == nullptr) {
      m_problems.add(m_document.where(""),
                     "expected an object with \"core\" and \"profiles\"");
      m_problems.throw_if_any();
    }
    for (const auto& [key, value] : *top) {
      std::string pointer = json_pointer("", key);
      if (key == "core") {
        set.core = read_servers(value, pointer);
      } else if (key == "profiles") {
        read_profiles(value, pointer, set);
      } else {
        unknown_key(pointer, key, {"core", "profiles"});
      }
    }
    if (!top->contains("profiles")) {
      m_problems.add(m_document.where(""), "\"profiles\" is missing");
    }
    m_problems.throw_if_any();
    return set;
  }

 private:
  void read_profiles(const json::value& value, const std::string& pointer,
                     ProfileSet& set) {
    const json::object* profiles = value.if_object();
    if (profiles == nullptr) {
      m_problems.add(m_document.where(pointer),
                     "\"profiles\" must be an object of profiles by name");
      return;
    }
    for (const auto& [name, body] : *profiles) {
      std::string at = json_pointer(pointer, name);
      if (name == k_auto_profile || name == k_last_profile) {
        m_problems.add(m_document.where(at),
                       util::quote(name) +
                           " is reserved for choosing profiles; rename it");
      } else if (!util::is_plain_name(name)) {
        m_problems.add(m_document.where(at),
                       "profile name " + util::quote(name) +
                           " must be 1 to 64 of a-z, 0-9 and \"-\"");
      }
      set.profiles.push_back(read_profile(std::string(name), body, at));
    }
  }

  Profile read_profile(std::string name, const json::value& value,
                       const std::string& pointer) {
    Profile profile{std::move(name), "", {}, std::nullopt};
    const json::object* body = value.if_object();
    if (body == nullptr) {
      m_problems.add(m_document.where(pointer),
                     "profile " + util::quote(profile.name) +
                         " must be an object with \"description\" and "
                         "\"servers\"");
      return profile;
    }
    for (const auto& [key, field] : *body) {
      std::string at = json_pointer(pointer, key);
      if (key == "description") {
        profile.description = read_string(field, at, key);
      } else if (key == "servers") {
        profile.servers = read_servers(field, at);
      } else if (key == "model") {
        profile.model = read_string(field, at, key);
      } else {
        unknown_key(at, key, {"description", "servers", "model"});
      }
    }
    for (const char* required : {"description", "servers"}) {
      if (!body->contains(required)) {
        m_problems.add(m_document.where(pointer),
                       "profile " + util::quote(profile.name) + " has no " +
                           util::quote(required));
      }
    }
    return profile;
  }

  std::vector<std::string> read_servers(const json::value& value,
                                        const std::string& pointer) {
    std::vector<std::string> servers;
    const json::array* names = value.if_array();
    if (names == nullptr) {
      m_problems.add(m_document.where(pointer),
                     "expected an array of MCP server names");
      return servers;
    }
    for (std::size_t i = 0; i < names->size(); ++i) {
      std::string at = json_pointer(pointer, i);
      const json::string* name = (*names)[i].if_string();
      if (name == nullptr) {
        m_problems.add(m_document.where(at), "expected a server name");
        continue;
      }
      std::string server(*name);
      if (std::find(m_known.begin(), m_known.end(), server) == m_known.end()) {
        std::string near = util::closest_match(server, m_known);
        m_problems.add(
            m_document.where(at),
            "unknown MCP server " + util::quote(server) +
                (near.empty() ? ""
                              : "; did you mean " + util::quote(near) + "?") +
                "; add it to the registry (.mcp.json) or remove "
                "it here");
        continue;
      }
      if (std::find(servers.begin(), servers.end(), server) == servers.end()) {
        servers.push_back(std::move(server));
      }
    }
    return servers;
  }

  std::string read_string(const json::value& value, const std::string& pointer,
                          std::string_view key) {
    const json::string* text = value.if_string();
    if (text == nullptr || text->empty()) {
      m_problems.add(m_document.where(pointer),
                     util::quote(key) + " must be a non-empty string");
      return "";
    }
    return std::string(*text);
  }

  void unknown_key(const std::string& pointer, std::string_view key,
                   const std::vector<std::string>& allowed) {
    std::string near = util::closest_match(key, allowed);
    std::string list;
    for (const std::string& name : allowed) {
      list += (list.empty() ? "" : ", ") + util::quote(name);
    }
    m_problems.add(
        m_document.where(pointer),
        "unknown key " + util::quote(key) +
            (near.empty() ? "" : "; did you mean " + util::quote(near) + "?") +
            "; the keys here are " + list);
  }

  const JsonDocument& m_document;
  const std::vector<std::string>& m_known;
  ConfigProblems m_problems;
};

}  // namespace

const Profile* ProfileSet::find(std::string_view name) const {
  for (const Profile& profile : profiles) {
    if (profile.name == name) {
      return &profile;
    }
  }
  return nullptr;
}

std::vector<std::string> ProfileSet::names() const {
  std::vector<std::string> out;
  for (const Profile& profile : profiles) {
    out.push_back(profile.name);
  }
  return out;
}

std::vector<std::string> ProfileSet::including(std::string_view server) const {
  bool in_core = std::find(core.begin(), core.end(), server) != core.end();
  std::vector<std::string> out;
  for (const Profile& profile : profiles) {
    if (in_core || std::find(profile.servers.begin(), profile.servers.end(),
                             server) != profile.servers.end()) {
      out.push_back(profile.name);
    }
  }
  return out;
}

ProfileSet parse_profiles(const JsonDocument& document,
                          const std::vector<std::string>& known_servers) {
  return ProfileReader(document, known_servers).read();
}

ProfileSet load_profiles(const Paths& paths,
                         const std::vector<std::string>& known_servers) {
  std::filesystem::path user_file = paths.state_dir / "profiles.json";
  if (std::optional<std::string> text = util::read_file_if_exists(user_file)) {
    return parse_profiles(JsonDocument(*text, user_file.string()),
                          known_servers);
  }
  return parse_profiles(
      JsonDocument(payload::embedded_text("defaults/profiles.json"),
                   "embedded defaults/profiles.json"),
      known_servers);
}

}  // namespace b2b::config
