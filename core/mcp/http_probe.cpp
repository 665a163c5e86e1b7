// SPDX-License-Identifier: Apache-2.0
#include "core/mcp/http_probe.hpp"

#include "core/net/http_client.hpp"

#include <boost/json.hpp>

namespace b2b::mcp {
namespace {

namespace json = boost::json;

/// Bodies larger than this are not an initialize reply.
constexpr std::size_t k_body_limit = 1 << 20;

std::string initialize_body(const std::string& version) {
  json::object request{
      {"jsonrpc", "2.0"},
      {"id", 1},
      {"method", "initialize"},
      {"params",
       {{"protocolVersion", "2025-06-18"},
        {"capabilities", json::object()},
        {"clientInfo", {{"name", "oss-back2base"}, {"version", version}}}}}};
  return json::serialize(request);
}

/// Whether `text` is the JSON-RPC reply to request 1.
bool is_reply_to_initialize(std::string_view text) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  const json::object* message = error ? nullptr : value.if_object();
  const json::value* id = message ? message->if_contains("id") : nullptr;
  return id != nullptr && id->is_int64() && id->get_int64() == 1;
}

/// Judges the reply to initialize.
void judge(std::string_view text, ProbeOutcome& outcome) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  const json::object* message = error ? nullptr : value.if_object();
  if (message == nullptr) {
    outcome.detail = "the reply is not JSON-RPC; is this an MCP endpoint?";
    return;
  }
  if (const json::value* failure = message->if_contains("error")) {
    const json::value* text_of =
        failure->is_object() ? failure->get_object().if_contains("message")
                             : nullptr;
    outcome.detail =
        "initialize was refused: " + (text_of && text_of->is_string()
                                          ? std::string(text_of->get_string())
                                          : json::serialize(*failure));
    return;
  }
  const json::value* result = message->if_contains("result");
  const json::value* protocol =
      result && result->is_object()
          ? result->get_object().if_contains("protocolVersion")
          : nullptr;
  if (protocol == nullptr || !protocol->is_string()) {
    outcome.detail =
        "the reply has no protocol version; is this an MCP "
        "endpoint?";
    return;
  }
  std::string who = "the server";
  if (const json::value* info = result->get_object().if_contains("serverInfo");
      info && info->is_object()) {
    const json::value* name = info->get_object().if_contains("name");
    const json::value* version = info->get_object().if_contains("version");
    if (name && name->is_string()) {
      who = std::string(name->get_string());
      if (version && version->is_string()) {
        who += " " + std::string(version->get_string());
      }
    }
  }
  outcome.passed = true;
  outcome.detail = "initialize answered by " + who + ", protocol " +
                   std::string(protocol->get_string());
}

}  // namespace

std::string find_initialize_event(const std::string& stream) {
  std::size_t start = 0;
  while (true) {
    std::size_t lf = stream.find("\n\n", start);
    std::size_t crlf = stream.find("\r\n\r\n", start);
    std::size_t end = std::min(lf, crlf);
    if (end == std::string::npos) {
      return "";
    }
    std::string data;
    std::string_view event(stream.data() + start, end - start);
    while (!event.empty()) {
      std::size_t eol = event.find('\n');
      std::string_view line = event.substr(0, eol);
      if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
      }
      if (line.starts_with("data:")) {
        line.remove_prefix(line.starts_with("data: ") ? 6 : 5);
        data += (data.empty() ? "" : "\n") + std::string(line);
      }
      event = eol == std::string_view::npos ? std::string_view()
                                            : event.substr(eol + 1);
    }
    if (is_reply_to_initialize(data)) {
      return data;
    }
    start = end + (end == lf ? 2 : 4);
  }
}

ProbeOutcome probe_http(const HttpProbe& probe) {
  net::HttpRequest request;
  request.method = "POST";
  request.url = probe.url;
  request.headers = {{"User-Agent", "oss-back2base/" + probe.client_version},
                     {"Content-Type", "application/json"},
                     {"Accept", "application/json, text/event-stream"}};
  request.headers.insert(request.headers.end(), probe.headers.begin(),
                         probe.headers.end());
  request.body = initialize_body(probe.client_version);
  request.timeout = probe.timeout;
  request.body_limit = k_body_limit;
  // The stream may stay open after the reply: read only until it came.
  request.enough = [](std::string_view type, const std::string& body) {
    return type.starts_with("text/event-stream") &&
           !find_initialize_event(body).empty();
  };
  net::HttpResponse response = net::fetch(request);

  ProbeOutcome outcome;
  outcome.http_status = response.status;
  outcome.milliseconds = response.milliseconds;
  if (response.status == 0) {
    outcome.detail = response.error;
  } else if (response.status != 200) {
    outcome.detail =
        "HTTP " + std::to_string(response.status) + " " + response.reason;
    if (response.status == 401 || response.status == 403) {
      outcome.detail += "; check the token the server's headers name";
    }
  } else if (!response.complete()) {
    outcome.detail = response.error;
  } else if (response.content_type.starts_with("text/event-stream")) {
    std::string event = find_initialize_event(response.body);
    if (event.empty()) {
      outcome.detail = "the event stream ended without a reply to initialize";
    } else {
      judge(event, outcome);
    }
  } else {
    judge(response.body, outcome);
  }
  return outcome;
}

}  // namespace b2b::mcp
