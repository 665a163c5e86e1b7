// SPDX-License-Identifier: Apache-2.0
#include "core/config/mcp_registry.hpp"

#include "core/config/config_problems.hpp"
#include "core/config/domain_pattern.hpp"
#include "core/payload/payload.hpp"
#include "core/util/files.hpp"
#include "core/util/json_output.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <set>

namespace b2b::config {
namespace {

namespace json = boost::json;

/// Our keys in a server entry; Claude Code never sees them.
constexpr std::string_view k_our_keys[] = {"egress", "package", "description"};

bool is_ours(std::string_view key) {
  return std::find(std::begin(k_our_keys), std::end(k_our_keys), key) !=
         std::end(k_our_keys);
}

bool is_server_name(std::string_view name) {
  return !name.empty() && name.size() <= 64 &&
         std::all_of(name.begin(), name.end(), [](char c) {
           return std::isalnum(static_cast<unsigned char>(c)) || c == '-' ||
                  c == '_' || c == '.';
         });
}

void collect_variables(const json::value& value, bool defaulted,
                       std::set<std::string>& out) {
  if (const json::string* text = value.if_string()) {
    for (std::string& name : placeholder_names(*text, defaulted)) {
      out.insert(std::move(name));
    }
  } else if (const json::array* items = value.if_array()) {
    for (const json::value& item : *items) {
      collect_variables(item, defaulted, out);
    }
  } else if (const json::object* members = value.if_object()) {
    for (const auto& member : *members) {
      collect_variables(member.value(), defaulted, out);
    }
  }
}

class RegistryReader {
 public:
  explicit RegistryReader(const JsonDocument& document)
      : m_document(document) {}

  std::vector<McpServer> read() {
    std::vector<McpServer> servers;
    const json::object* top = m_document.root().if_object();
    const json::value* list = top ? top->if_contains("mcpServers") : nullptr;
    if (list == nullptr || !list->is_object()) {
      m_problems.add(m_document.where(""),
                     "expected an object with \"mcpServers\", as Claude "
                     "Code's .mcp.json has");
      m_problems.throw_if_any();
    }
    for (const auto& [name, body] : list->get_object()) {
      servers.push_back(
          read_server(name, body, json_pointer("/mcpServers", name)));
    }
    m_problems.throw_if_any();
    return servers;
  }

 private:
  McpServer read_server(std::string_view name, const json::value& value,
                        const std::string& pointer) {
    McpServer server;
    server.name = std::string(name);
    server.line = m_document.line_of(pointer);
    if (!is_server_name(name)) {
      problem(pointer, "server name " + util::quote(name) +
                           " must be 1 to 64 of A-Z, a-z, 0-9, \"-\", \"_\" "
                           "and \".\"");
    }
    const json::object* body = value.if_object();
    if (body == nullptr) {
      problem(pointer, "server " + util::quote(name) + " must be an object");
      return server;
    }
    server.transport =
        optional_string(*body, pointer, "type").value_or("stdio");
    if (server.transport == "stdio") {
      server.command = required_string(*body, pointer, "command");
      server.args = string_list(*body, pointer, "args");
    } else if (server.transport == "http" || server.transport == "sse") {
      server.url = required_string(*body, pointer, "url");
      if (!server.url.empty() && !server.url.starts_with("http://") &&
          !server.url.starts_with("https://")) {
        problem(json_pointer(pointer, "url"),
                "the URL " + util::quote(server.url) +
                    " must start with http:// or https://");
      }
    } else {
      problem(json_pointer(pointer, "type"),
              "unknown transport " + util::quote(server.transport) +
                  "; use \"stdio\", \"http\" or \"sse\"");
    }
    for (const char* map : {"env", "headers"}) {
      check_string_map(*body, pointer, map);
    }
    for (const std::string& domain : string_list(*body, pointer, "egress")) {
      std::string normal = normalise_domain(domain);
      if (std::optional<std::string> why = domain_pattern_problem(normal)) {
        problem(json_pointer(pointer, "egress"), "egress: " + *why);
      } else {
        server.egress.push_back(normal);
      }
    }
    server.package = optional_string(*body, pointer, "package").value_or("");
    server.description =
        optional_string(*body, pointer, "description").value_or("");
    std::set<std::string> required;
    std::set<std::string> optional;
    for (const auto& member : *body) {
      if (!is_ours(member.key())) {
        server.entry.emplace(member.key(), member.value());
        collect_variables(member.value(), false, required);
        collect_variables(member.value(), true, optional);
      }
    }
    server.variables.assign(required.begin(), required.end());
    for (const std::string& variable : optional) {
      if (!required.contains(variable)) {
        server.optional_variables.push_back(variable);
      }
    }
    return server;
  }

  std::optional<std::string> optional_string(const json::object& body,
                                             const std::string& pointer,
                                             std::string_view key) {
    const json::value* value = body.if_contains(key);
    if (value == nullptr) {
      return std::nullopt;
    }
    if (!value->is_string()) {
      problem(json_pointer(pointer, key),
              util::quote(key) + " must be a string");
      return std::nullopt;
    }
    return std::string(value->get_string());
  }

  std::string required_string(const json::object& body,
                              const std::string& pointer,
                              std::string_view key) {
    std::optional<std::string> text = optional_string(body, pointer, key);
    if (!text && !body.contains(key)) {
      problem(pointer, "this server has no " + util::quote(key));
    } else if (text && text->empty()) {
      problem(json_pointer(pointer, key),
              util::quote(key) + " must not be empty");
    }
    return text.value_or("");
  }

  std::vector<std::string> string_list(const json::object& body,
                                       const std::string& pointer,
                                       std::string_view key) {
    std::vector<std::string> out;
    const json::value* value = body.if_contains(key);
    if (value == nullptr) {
      return out;
    }
    const json::array* items = value->if_array();
    if (items == nullptr ||
        !std::all_of(items->begin(), items->end(), [](const json::value& item) {
          return item.is_string();
        })) {
      problem(json_pointer(pointer, key),
              util::quote(key) + " must be an array of strings");
      return out;
    }
    for (const json::value& item : *items) {
      out.emplace_back(item.get_string());
    }
    return out;
  }

  void check_string_map(const json::object& body, const std::string& pointer,
                        std::string_view key) {
    const json::value* value = body.if_contains(key);
    if (value == nullptr) {
      return;
    }
    const json::object* map = value->if_object();
    if (map == nullptr ||
        !std::all_of(map->begin(), map->end(), [](const auto& member) {
          return member.value().is_string();
        })) {
      problem(json_pointer(pointer, key),
              util::quote(key) + " must be an object of strings");
    }
  }

  void problem(const std::string& pointer, const std::string& what) {
    m_problems.add(m_document.where(pointer), what);
  }

  const JsonDocument& m_document;
  ConfigProblems m_problems;
};

}  // namespace

std::string McpServer::display() const {
  if (transport != "stdio") {
    return url;
  }
  for (const std::string& arg : args) {
    if (!arg.starts_with("-")) {
      return command + " " + arg;
    }
  }
  return command;
}

const McpServer* McpRegistry::find(std::string_view name) const {
  for (const McpServer& server : servers) {
    if (server.name == name) {
      return &server;
    }
  }
  return nullptr;
}

std::vector<std::string> McpRegistry::names() const {
  std::vector<std::string> out;
  for (const McpServer& server : servers) {
    out.push_back(server.name);
  }
  return out;
}

McpRegistry parse_registry(const JsonDocument& document, bool from_defaults) {
  return {document.source(), from_defaults, RegistryReader(document).read()};
}

McpRegistry default_registry() {
  return parse_registry(
      JsonDocument(payload::embedded_text("defaults/mcp.json"),
                   "embedded defaults/mcp.json"),
      true);
}

McpRegistry load_registry(const Paths& paths) {
  std::filesystem::path user_file = paths.state_dir / ".mcp.json";
  std::optional<std::string> text = util::read_file_if_exists(user_file);
  if (!text) {
    return default_registry();
  }
  McpRegistry registry =
      parse_registry(JsonDocument(*text, user_file.string()), false);
  McpRegistry defaults = default_registry();
  for (McpServer& server : registry.servers) {
    server.own = defaults.find(server.name) == nullptr;
  }
  return registry;
}

boost::json::object session_config(const McpRegistry& registry,
                                   const std::vector<std::string>& names) {
  json::object servers;
  for (const std::string& name : names) {
    if (const McpServer* server = registry.find(name)) {
      servers.emplace(name, server->entry);
    }
  }
  return {{"mcpServers", std::move(servers)}};
}

void write_session_config(const std::filesystem::path& path,
                          const McpRegistry& registry,
                          const std::vector<std::string>& names) {
  util::write_file_atomic(
      path, util::pretty_json(session_config(registry, names)), 0600);
}

std::vector<std::string> placeholder_names(std::string_view text,
                                           bool defaulted) {
  std::vector<std::string> out;
  for (std::size_t at = text.find("${"); at != std::string_view::npos;
       at = text.find("${", at + 2)) {
    std::size_t end = text.find('}', at);
    if (end == std::string_view::npos) {
      break;
    }
    std::string_view inside = text.substr(at + 2, end - at - 2);
    std::size_t dash = inside.find(":-");
    if (dash != 0 && !inside.empty() &&
        (dash != std::string_view::npos) == defaulted) {
      out.emplace_back(inside.substr(0, dash));
    }
  }
  return out;
}

}  // namespace b2b::config
