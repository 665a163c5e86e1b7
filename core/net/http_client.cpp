// SPDX-License-Identifier: Apache-2.0
// The only file that includes Asio, Beast and OpenSSL: they cost seconds of
// compile time each.
#include "core/net/http_client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

#include <vector>

namespace b2b::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using Clock = std::chrono::steady_clock;

// "https://" of an absolute URL; empty for a reference, even one whose
// query holds a URL ("list?from=http://x").
std::string_view scheme_of(std::string_view url) {
  std::size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0 ||
      url.substr(0, colon).find_first_of("/?#") != std::string_view::npos) {
    return {};
  }
  return url.substr(0, colon + 3);
}

// "a/./b/../c" as "a/c": the dot segments of a path, resolved.
std::string remove_dot_segments(std::string_view path) {
  std::vector<std::string_view> kept;
  bool trailing =
      path.ends_with("/") || path.ends_with("/.") || path.ends_with("/..");
  std::size_t start = path.starts_with("/") ? 1 : 0;
  while (start <= path.size()) {
    std::size_t slash = path.find('/', start);
    std::string_view segment = path.substr(
        start, slash == std::string_view::npos ? slash : slash - start);
    if (segment == "..") {
      if (!kept.empty()) {
        kept.pop_back();
      }
    } else if (segment != "." && !segment.empty()) {
      kept.push_back(segment);
    }
    if (slash == std::string_view::npos) {
      break;
    }
    start = slash + 1;
  }
  std::string out;
  for (std::string_view segment : kept) {
    out += "/" + std::string(segment);
  }
  return trailing || out.empty() ? out + "/" : out;
}

// "host:port" as the Host header wants it: the port only when it is not
// the scheme's, an IPv6 literal in brackets.
std::string host_header(const Url& url) {
  std::string host =
      url.host.find(':') == std::string::npos ? url.host : "[" + url.host + "]";
  bool usual = url.port == (url.tls ? "443" : "80");
  return usual ? host : host + ":" + url.port;
}

bool is_redirect(http::status status) {
  return status == http::status::moved_permanently ||
         status == http::status::found || status == http::status::see_other ||
         status == http::status::temporary_redirect ||
         status == http::status::permanent_redirect;
}

// What a failed operation's error says, in the words of this tool.
std::string describe(const boost::system::error_code& error,
                     const HttpRequest& request, std::size_t body_read,
                     std::optional<std::uint64_t> length) {
  if (error == beast::error::timeout) {
    return "nothing came for " + std::to_string(request.idle_timeout.count()) +
           " ms";
  }
  if (error == http::error::body_limit) {
    return "the answer is longer than " + std::to_string(request.body_limit) +
           " bytes, the most taken";
  }
  if (error == http::error::partial_message || error == asio::error::eof ||
      error == http::error::end_of_stream) {
    return "cut off after " + std::to_string(body_read) +
           (length ? " of " + std::to_string(*length) : std::string()) +
           " bytes";
  }
  return error.message();
}

// The deadline of the next operation: the idle time, when there is one.
template <class Stream>
void arm(Stream& stream, const HttpRequest& request) {
  if (request.idle_timeout.count() > 0) {
    beast::get_lowest_layer(stream).expires_after(request.idle_timeout);
  } else {
    beast::get_lowest_layer(stream).expires_never();
  }
}

// One request on an open stream; a redirect's target in `location`.
template <class Stream>
asio::awaitable<void> exchange(Stream& stream, const Url& url,
                               const HttpRequest& request, bool first_host,
                               HttpResponse& response, std::string& stage,
                               std::string& location) {
  http::request<http::string_body> out{http::string_to_verb(request.method),
                                       url.target, 11};
  out.set(http::field::host, host_header(url));
  // The caller's headers (a token, perhaps) go to the host it named only,
  // never to another that a redirect points at.
  if (first_host) {
    for (const auto& [name, value] : request.headers) {
      out.set(name, value);
    }
  }
  out.body() = request.body;
  out.prepare_payload();
  arm(stream, request);
  co_await http::async_write(stream, out, asio::use_awaitable);

  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(request.body_limit);
  arm(stream, request);
  co_await http::async_read_header(stream, buffer, parser, asio::use_awaitable);
  const auto& answer = parser.get();
  response.status = static_cast<int>(answer.result_int());
  response.reason = std::string(answer.reason());
  response.content_type = std::string(answer[http::field::content_type]);
  if (is_redirect(answer.result())) {
    location = std::string(answer[http::field::location]);
    co_return;
  }
  stage = "the answer from " + url.host + ":" + url.port;
  while (!parser.is_done()) {
    arm(stream, request);
    boost::system::error_code error;
    co_await http::async_read_some(
        stream, buffer, parser,
        asio::redirect_error(asio::use_awaitable, error));
    const std::string& body = parser.get().body();
    std::optional<std::uint64_t> length;
    if (parser.content_length()) {
      length = *parser.content_length();
    }
    if (error) {
      response.error =
          stage + ": " + describe(error, request, body.size(), length);
      co_return;
    }
    if (request.progress) {
      request.progress(body.size(), length);
    }
    if (request.enough && request.enough(response.content_type, body)) {
      break;
    }
  }
  response.body = std::move(parser.get().body());
}

asio::awaitable<void> request_once(const Url& url, const HttpRequest& request,
                                   bool first_host, HttpResponse& response,
                                   std::string& stage, std::string& location) {
  auto executor = co_await asio::this_coro::executor;
  tcp::resolver resolver(executor);
  stage = "cannot resolve " + url.host;
  auto endpoints =
      co_await resolver.async_resolve(url.host, url.port, asio::use_awaitable);
  stage = "cannot connect to " + url.host + ":" + url.port;
  if (!url.tls) {
    beast::tcp_stream stream(executor);
    arm(stream, request);
    co_await stream.async_connect(endpoints, asio::use_awaitable);
    stage = "no reply from " + url.host + ":" + url.port;
    co_await exchange(stream, url, request, first_host, response, stage,
                      location);
    co_return;
  }
  asio::ssl::context tls(asio::ssl::context::tls_client);
  tls.set_default_verify_paths();
  tls.set_verify_mode(asio::ssl::verify_peer);
  beast::ssl_stream<beast::tcp_stream> stream(executor, tls);
  if (!SSL_set_tlsext_host_name(stream.native_handle(), url.host.c_str())) {
    response.error = "cannot set the TLS server name " + url.host;
    co_return;
  }
  stream.set_verify_callback(asio::ssl::host_name_verification(url.host));
  arm(stream, request);
  co_await beast::get_lowest_layer(stream).async_connect(endpoints,
                                                         asio::use_awaitable);
  stage = "TLS with " + url.host + " failed";
  arm(stream, request);
  co_await stream.async_handshake(asio::ssl::stream_base::client,
                                  asio::use_awaitable);
  stage = "no reply from " + url.host + ":" + url.port;
  co_await exchange(stream, url, request, first_host, response, stage,
                    location);
}

asio::awaitable<void> run_request(const HttpRequest& request,
                                  HttpResponse& response, std::string& stage) {
  std::string current = request.url;
  const std::optional<Url> first = parse_url(current);
  for (int redirects = 0;; ++redirects) {
    std::optional<Url> url = parse_url(current);
    if (!url) {
      response.error = "cannot read the URL \"" + current + "\"";
      co_return;
    }
    response.url = current;
    std::string location;
    const bool first_host = first && url->tls == first->tls &&
                            url->host == first->host &&
                            url->port == first->port;
    co_await request_once(*url, request, first_host, response, stage, location);
    if (location.empty()) {
      co_return;
    }
    std::string next = resolve_url(current, location);
    if (redirects == request.max_redirects) {
      response.error = current + " redirects to " + next +
                       ", and no more redirects are followed";
      co_return;
    }
    if (url->tls && !next.starts_with("https://")) {
      response.error = current + " redirects to " + next +
                       ", which is not https; not followed";
      co_return;
    }
    response = HttpResponse{};
    current = next;
  }
}

}  // namespace

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
  std::size_t end = text.find_first_of("/?#");
  std::string_view authority = text.substr(0, end);
  std::string_view rest =
      end == std::string_view::npos ? std::string_view() : text.substr(end);
  rest = rest.substr(0, rest.find('#'));
  url.target = rest.empty() || rest.front() != '/' ? "/" + std::string(rest)
                                                   : std::string(rest);
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
  if (url.host.empty() || url.port.empty() ||
      url.port.find_first_not_of("0123456789") != std::string::npos) {
    return std::nullopt;
  }
  return url;
}

std::string resolve_url(std::string_view base, std::string_view reference) {
  if (!scheme_of(reference).empty()) {
    return std::string(reference);
  }
  std::string_view scheme = scheme_of(base);
  if (reference.starts_with("//")) {
    return std::string(scheme.substr(0, scheme.size() - 2)) +
           std::string(reference);
  }
  std::string_view rest = base.substr(scheme.size());
  std::size_t path_start = rest.find_first_of("/?#");
  std::string_view authority = rest.substr(0, path_start);
  std::string_view path = path_start == std::string_view::npos
                              ? std::string_view("/")
                              : rest.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  std::string_view query;
  std::size_t mark = reference.find_first_of("?#");
  if (mark != std::string_view::npos) {
    query = reference.substr(mark);
    reference = reference.substr(0, mark);
  }
  std::string joined;
  if (reference.starts_with("/")) {
    joined = std::string(reference);
  } else if (reference.empty()) {
    joined = std::string(path.empty() ? "/" : path);
  } else {
    std::size_t slash = path.rfind('/');
    joined = (slash == std::string_view::npos
                  ? std::string("/")
                  : std::string(path.substr(0, slash + 1))) +
             std::string(reference);
  }
  return std::string(scheme) + std::string(authority) +
         remove_dot_segments(joined) + std::string(query);
}

HttpResponse fetch(const HttpRequest& request) {
  HttpResponse response;
  if (!parse_url(request.url)) {
    response.error = "cannot read the URL \"" + request.url + "\"";
    return response;
  }
  auto start = Clock::now();
  bool finished = false;
  std::string stage;
  {
    asio::io_context io;
    asio::co_spawn(io, run_request(request, response, stage),
                   [&](std::exception_ptr failure) {
                     finished = true;
                     if (!failure) {
                       return;
                     }
                     std::string what;
                     try {
                       std::rethrow_exception(failure);
                     } catch (const boost::system::system_error& e) {
                       what = describe(e.code(), request, 0, std::nullopt);
                     } catch (const std::exception& e) {
                       what = e.what();
                     }
                     response.error = stage + ": " + what;
                   });
    io.run_for(request.timeout);
  }
  response.milliseconds =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count();
  if (!finished) {
    response.error = stage + ": no answer within " +
                     std::to_string(request.timeout.count()) + " ms";
  }
  return response;
}

}  // namespace b2b::net
