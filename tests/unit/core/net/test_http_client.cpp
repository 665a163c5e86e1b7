// SPDX-License-Identifier: Apache-2.0
#include "core/net/http_client.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>

using namespace b2b::net;

TEST_CASE("URLs are split for a request, credentials in them refused",
          "[net][http]") {
  auto url = parse_url("https://example.test/a/b?c=d#frag");
  REQUIRE(url);
  CHECK(url->tls);
  CHECK(url->host == "example.test");
  CHECK(url->port == "443");
  CHECK(url->target == "/a/b?c=d");
  url = parse_url("http://[::1]:8080");
  REQUIRE(url);
  CHECK(url->host == "::1");
  CHECK(url->port == "8080");
  CHECK(url->target == "/");
  CHECK(parse_url("http://h?x=1")->target == "/?x=1");
  CHECK_FALSE(parse_url("ftp://example.test/"));
  CHECK_FALSE(parse_url("https://user:secret@example.test/"));
  CHECK_FALSE(parse_url("http://example.test:http/"));
  CHECK_FALSE(parse_url("https:///path"));
}

TEST_CASE("a reference is read against its base as a browser would",
          "[net][http]") {
  const std::string base = "https://dl.example.test/releases/index.json?x=1";
  CHECK(resolve_url(base, "0.2.0/checksums.txt") ==
        "https://dl.example.test/releases/0.2.0/checksums.txt");
  CHECK(resolve_url(base, "/other/list") ==
        "https://dl.example.test/other/list");
  CHECK(resolve_url(base, "../up/./list?sig=1") ==
        "https://dl.example.test/up/list?sig=1");
  CHECK(resolve_url(base, "../../../../list") ==
        "https://dl.example.test/list");
  CHECK(resolve_url(base, "//mirror.test/list") == "https://mirror.test/list");
  CHECK(resolve_url(base, "http://plain.test/x") == "http://plain.test/x");
  CHECK(resolve_url("http://h:81", "a") == "http://h:81/a");
  CHECK(resolve_url("http://h/dir/", "a") == "http://h/dir/a");
  CHECK(resolve_url("http://h/dir/i", "list?from=http://x/y") ==
        "http://h/dir/list?from=http://x/y");
}

namespace {

// A one-shot HTTP server on `host` (a loopback address) that answers the
// first request with `answer` and keeps what it was sent.
class OneShotServer {
 public:
  OneShotServer(const char* host, std::string answer)
      : m_fd(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    ::inet_pton(AF_INET, host, &address.sin_addr);
    socklen_t size = sizeof address;
    REQUIRE(::bind(m_fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
    REQUIRE(::listen(m_fd, 4) == 0);
    REQUIRE(::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &size) ==
            0);
    m_url = std::string("http://") + host + ":" +
            std::to_string(ntohs(address.sin_port));
    m_thread = std::thread([this, answer = std::move(answer)] {
      int client = ::accept(m_fd, nullptr, nullptr);
      if (client < 0) {
        return;
      }
      char buffer[4096];
      while (m_request.find("\r\n\r\n") == std::string::npos) {
        ssize_t n = ::read(client, buffer, sizeof buffer);
        if (n <= 0) {
          break;
        }
        m_request.append(buffer, static_cast<std::size_t>(n));
      }
      (void)::write(client, answer.data(), answer.size());
      ::close(client);
    });
  }
  ~OneShotServer() {
    ::shutdown(m_fd, SHUT_RDWR);
    m_thread.join();
    ::close(m_fd);
  }
  const std::string& url() const { return m_url; }
  /// What it was sent; read once the exchange is over.
  const std::string& request() const { return m_request; }

 private:
  int m_fd;
  std::string m_url;
  std::string m_request;
  std::thread m_thread;
};

}  // namespace

TEST_CASE(
    "a redirect is followed, and the caller's headers go to the host "
    "it named only",
    "[net][http]") {
  // Two loopback addresses: two hosts as far as the client knows.
  OneShotServer second("127.0.0.2",
                       "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"
                       "Connection: close\r\n\r\nfinal");
  OneShotServer first("127.0.0.1",
                      "HTTP/1.1 302 Found\r\nLocation: " + second.url() +
                          "/list\r\nContent-Length: 0\r\n\r\n");
  HttpRequest request;
  request.url = first.url() + "/index";
  request.headers = {{"Authorization", "Bearer s3cr3t"}};
  request.max_redirects = 5;
  request.timeout = std::chrono::milliseconds(5000);
  HttpResponse response = fetch(request);
  CHECK(response.error.empty());
  CHECK(response.status == 200);
  CHECK(response.body == "final");
  CHECK(response.url == second.url() + "/list");
  CHECK_THAT(first.request(), Catch::Contains("Authorization: Bearer s3cr3t"));
  CHECK_THAT(second.request(), Catch::StartsWith("GET /list HTTP/1.1"));
  CHECK_THAT(second.request(), !Catch::Contains("s3cr3t"));
}

TEST_CASE(
    "no redirect is followed unless asked, and none from https to "
    "http",
    "[net][http]") {
  OneShotServer server("127.0.0.1",
                       "HTTP/1.1 301 Moved\r\nLocation: /elsewhere\r\n"
                       "Content-Length: 0\r\n\r\n");
  HttpRequest request;
  request.url = server.url() + "/here";
  HttpResponse response = fetch(request);
  CHECK(response.status == 301);
  CHECK_THAT(response.error,
             Catch::Contains("redirects to " + server.url() +
                             "/elsewhere, and no more redirects are "
                             "followed"));
}
