// SPDX-License-Identifier: Apache-2.0
#include "core/mcp/http_probe.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace b2b::mcp;

TEST_CASE("the reply to initialize is found in an event stream",
          "[mcp][probe]") {
  const std::string reply = R"({"jsonrpc":"2.0","id":1,"result":{}})";
  CHECK(find_initialize_event("").empty());
  CHECK(find_initialize_event("data: " + reply + "\n").empty());
  CHECK(find_initialize_event("data: " + reply + "\n\n") == reply);
  CHECK(find_initialize_event("event: message\r\ndata:" + reply + "\r\n\r\n") ==
        reply);
  // A notification first, then the reply, split over two data lines.
  std::string stream =
      "event: message\ndata: {\"jsonrpc\":\"2.0\",\"method\":\"x\"}\n\n"
      ": a comment\n\n"
      "data: {\"jsonrpc\":\"2.0\",\n"
      "data: \"id\":1,\"result\":{}}\n\n";
  CHECK(find_initialize_event(stream) ==
        "{\"jsonrpc\":\"2.0\",\n\"id\":1,\"result\":{}}");
  CHECK(find_initialize_event("data: {\"id\":2}\n\n").empty());
}

TEST_CASE(
    "a probe fails, never throws, on a URL it cannot use or a closed "
    "port",
    "[mcp][probe]") {
  ProbeOutcome outcome = probe_http({"ftp://example.test/", {}, {}, "0"});
  CHECK_FALSE(outcome.passed);
  CHECK(outcome.detail == "cannot read the URL \"ftp://example.test/\"");

  // A port that was just free: nothing listens there.
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
  int port = ntohs(address.sin_port);
  ::close(fd);
  outcome = probe_http({"http://127.0.0.1:" + std::to_string(port) + "/mcp",
                        {},
                        std::chrono::milliseconds(2000),
                        "0"});
  CHECK_FALSE(outcome.passed);
  CHECK(outcome.detail == "cannot connect to 127.0.0.1:" +
                              std::to_string(port) + ": Connection refused");
}

TEST_CASE("a server that accepts and never answers times out", "[mcp][probe]") {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0);
  REQUIRE(::listen(fd, 4) == 0);
  REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0);
  std::string url =
      "http://127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/";
  ProbeOutcome outcome =
      probe_http({url, {}, std::chrono::milliseconds(300), "0"});
  ::close(fd);
  CHECK_FALSE(outcome.passed);
  CHECK_THAT(outcome.detail, Catch::EndsWith(": no answer within 300 ms"));
  CHECK(outcome.http_status == 0);
}
