// SPDX-License-Identifier: Apache-2.0
// The only file that includes Asio, Beast and OpenSSL: they cost seconds of
// compile time each.
#include "core/mcp/http_probe.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/json.hpp>

#include <optional>

namespace b2b::mcp {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace json = boost::json;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

/// Bodies larger than this are not an initialize reply.
constexpr std::size_t k_body_limit = 1 << 20;

struct Url {
  bool tls = false;
  std::string host;
  std::string port;
  std::string target;
};

std::optional<Url> parse_url(std::string_view text) {
  Url url;
  if (text.starts_with("https://")) {
    url.tls = true;
    text.remove_prefix(8);
  } else if (text.starts_with("http://")) {
    text.remove_prefix(7);
  } else {
    return std::nullopt;
  }
  std::size_t slash = text.find('/');
  std::string_view authority = text.substr(0, slash);
  url.target =
      slash == std::string_view::npos ? "/" : std::string(text.substr(slash));
  if (authority.find('@') != std::string_view::npos) {
    return std::nullopt;
  }
  std::size_t colon = authority.rfind(':');
  if (authority.starts_with("[")) {
    std::size_t close = authority.find(']');
    if (close == std::string_view::npos) {
      return std::nullopt;
    }
    url.host = std::string(authority.substr(1, close - 1));
    colon = authority.find(':', close);
  } else {
    url.host = std::string(authority.substr(0, colon));
  }
  url.port = colon == std::string_view::npos
                 ? (url.tls ? "443" : "80")
                 : std::string(authority.substr(colon + 1));
  if (url.host.empty() || url.port.empty()) {
    return std::nullopt;
  }
  return url;
}

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

template <class Stream>
asio::awaitable<void> exchange(Stream& stream, const Url& url,
                               const HttpProbe& probe, ProbeOutcome& outcome) {
  http::request<http::string_body> request{http::verb::post, url.target, 11};
  request.set(http::field::host, url.host);
  request.set(http::field::user_agent, "oss-back2base/" + probe.client_version);
  request.set(http::field::content_type, "application/json");
  request.set(http::field::accept, "application/json, text/event-stream");
  for (const auto& [name, value] : probe.headers) {
    request.set(name, value);
  }
  request.body() = initialize_body(probe.client_version);
  request.prepare_payload();
  co_await http::async_write(stream, request, asio::use_awaitable);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(k_body_limit);
  co_await http::async_read_header(stream, buffer, parser, asio::use_awaitable);
  const auto& response = parser.get();
  outcome.http_status = static_cast<int>(response.result_int());
  if (response.result() != http::status::ok) {
    outcome.detail = "HTTP " + std::to_string(outcome.http_status) + " " +
                     std::string(response.reason());
    if (response.result() == http::status::unauthorized ||
        response.result() == http::status::forbidden) {
      outcome.detail += "; check the token the server's headers name";
    }
    co_return;
  }
  std::string type(response[http::field::content_type]);
  if (type.starts_with("text/event-stream")) {
    // The stream may stay open after the reply: read only until it came.
    while (!parser.is_done()) {
      co_await http::async_read_some(stream, buffer, parser,
                                     asio::use_awaitable);
      std::string event = find_initialize_event(parser.get().body());
      if (!event.empty()) {
        judge(event, outcome);
        co_return;
      }
    }
    outcome.detail = "the event stream ended without a reply to initialize";
    co_return;
  }
  co_await http::async_read(stream, buffer, parser, asio::use_awaitable);
  judge(parser.get().body(), outcome);
}

asio::awaitable<void> run_probe(const Url& url, const HttpProbe& probe,
                                ProbeOutcome& outcome, std::string& stage) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  stage = "cannot resolve " + url.host;
  auto endpoints =
      co_await resolver.async_resolve(url.host, url.port, asio::use_awaitable);
  stage = "cannot connect to " + url.host + ":" + url.port;
  if (!url.tls) {
    beast::tcp_stream stream(executor);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    stage = "no reply from " + url.host + ":" + url.port;
    co_await exchange(stream, url, probe, outcome);
    co_return;
  }
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_default_verify_paths();
  tls.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(executor, tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str())) {
    outcome.detail = "cannot set the TLS server name " + url.host;
    co_return;
  }
  stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
  co_await beast::get_lowest_layer(stream).async_connect(endpoints,
                                                         asio::use_awaitable);
  stage = "TLS with " + url.host + " failed";
  co_await stream.async_handshake(asio::ssl::stream_base::client,
                                  asio::use_awaitable);
  stage = "no reply from " + url.host + ":" + url.port;
  co_await exchange(stream, url, probe, outcome);
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
  ProbeOutcome outcome;
  std::optional<Url> url = parse_url(probe.url);
  if (!url) {
    outcome.detail = "cannot read the URL \"" + probe.url + "\"";
    return outcome;
  }
  auto start = Clock::now();
  bool finished = false;
  std::string stage;
  {
    asio::io_context io;
    asio::co_spawn(io, run_probe(*url, probe, outcome, stage),
                   [&](std::exception_ptr failure) {
                     finished = true;
                     if (!failure) {
                       return;
                     }
                     try {
                       std::rethrow_exception(failure);
                     } catch (const boost::system::system_error& e) {
                       outcome.detail = e.code().message();
                     } catch (const std::exception& e) {
                       outcome.detail = e.what();
                     }
                     outcome.detail = stage + ": " + outcome.detail;
                   });
    io.run_for(probe.timeout);
  }
  outcome.milliseconds =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!finished) {
    outcome.passed = false;
    outcome.detail = stage + ": no answer within " +
                     std::to_string(probe.timeout.count()) + " ms";
  }
  return outcome;
}

}  // namespace b2b::mcp
