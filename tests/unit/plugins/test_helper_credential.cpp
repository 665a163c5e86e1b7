// SPDX-License-Identifier: Apache-2.0
#include "helper_credential.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <thread>

using namespace b2b::auth_command;
using namespace std::chrono_literals;

namespace {

const Clock::time_point k_now = Clock::from_time_t(1'800'000'000);

Issued issued(std::string_view output) {
  auto parsed = parse_output(output, k_now);
  INFO(output);
  REQUIRE(std::holds_alternative<Issued>(parsed));
  return std::get<Issued>(parsed);
}

std::function<Clock::time_point()> at(Clock::time_point when) {
  return [when] { return when; };
}

std::string refused(std::string_view output) {
  auto parsed = parse_output(output, k_now);
  INFO(output);
  REQUIRE(std::holds_alternative<std::string>(parsed));
  return std::get<std::string>(parsed);
}

}  // namespace

TEST_CASE("a helper prints the value alone, or JSON with its expiry",
          "[auth][command]") {
  CHECK(issued("sk-ant-oat01-abc\n").value == "sk-ant-oat01-abc");
  CHECK_FALSE(issued("  tok  \r\n").expires);

  Issued json = issued(R"({"token": "t1", "expires_in": 3600})");
  CHECK(json.value == "t1");
  CHECK(json.expires == k_now + 3600s);
  CHECK(issued(R"({"value": "t2", "expires_at": 1800000600})").expires ==
        k_now + 600s);
  // 1800000000 is 2027-01-15T08:00:00Z.
  CHECK(issued(R"({"token": "t", "expires_at": "2027-01-15T08:10:00Z"})")
            .expires == k_now + 600s);
  CHECK(issued(R"({"token": "t", "expires_at": "2027-01-15T09:10:00.5+01:00"})")
            .expires == k_now + 600s);
}

TEST_CASE("garbage is refused, saying what was wrong but not what it was",
          "[auth][command]") {
  CHECK(refused("") == "printed nothing");
  CHECK(refused("\n \n") == "printed nothing");
  CHECK(refused("Opening your browser...\nsk-secret") ==
        "printed more than one line");
  CHECK(refused("two words") ==
        "printed a line with blanks or control characters");
  CHECK(refused("tok\x01") ==
        "printed a line with blanks or control characters");
  CHECK(refused(R"({"token": "sk-secret", )").find("not a JSON object") !=
        std::string::npos);
  CHECK(refused(R"({"access": "sk-secret"})").find("without a \"token\"") !=
        std::string::npos);
  CHECK(refused(R"({"token": "t", "expires_at": "tomorrow"})")
            .find("neither RFC 3339") != std::string::npos);
  CHECK(refused(R"({"token": "t", "expires_in": -5})").find("expires_in") !=
        std::string::npos);
  CHECK(refused(R"({"token": "t", "expires_at": 1700000000})") ==
        "printed a credential that has already expired");
  CHECK(refused(std::string(70 * 1024, 'a')) == "printed more than 64 KiB");
  CHECK(refused(R"({"token": "t", "expires_at": 1800000600000})")
            .find("not milliseconds") != std::string::npos);
  for (const char* output :
       {"two words", R"({"token": "sk-secret", )", "Opening\nsk-secret"}) {
    CHECK(refused(output).find("secret") == std::string::npos);
  }
}

TEST_CASE("a fresh credential is kept, and the helper not run again",
          "[auth][command]") {
  b2b::test::TempDir dir;
  auto cache = cache_file(dir / "auth-command", "get-token --sso",
                          "ANTHROPIC_AUTH_TOKEN");
  CHECK(cache != cache_file(dir / "auth-command", "get-token --sso",
                            "ANTHROPIC_API_KEY"));
  int runs = 0;
  auto helper = [&runs]() -> Outcome {
    ++runs;
    return Issued{"tok-" + std::to_string(runs), k_now + 3600s};
  };

  CHECK(std::get<Issued>(obtain(cache, at(k_now), 5s, helper)).value ==
        "tok-1");
  struct stat info {};
  REQUIRE(::stat(cache.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
  REQUIRE(::stat(cache.parent_path().c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);

  // Still good 45 minutes on; not in its last quarter (five minutes here).
  CHECK(std::get<Issued>(obtain(cache, at(k_now + 45min), 5s, helper)).value ==
        "tok-1");
  CHECK(runs == 1);
  CHECK(std::get<Issued>(obtain(cache, at(k_now + 56min), 5s, helper)).value ==
        "tok-2");
  CHECK(runs == 2);
}

TEST_CASE("what does not expire, or failed, is not kept", "[auth][command]") {
  b2b::test::TempDir dir;
  auto cache = cache_file(dir.path(), "helper", "ANTHROPIC_API_KEY");
  int runs = 0;
  auto forever = [&runs]() -> Outcome {
    ++runs;
    return Issued{"tok", std::nullopt};
  };
  obtain(cache, at(k_now), 5s, forever);
  obtain(cache, at(k_now), 5s, forever);
  CHECK(runs == 2);

  auto failing = []() -> Outcome { return std::string("exited 3"); };
  Outcome outcome = obtain(cache, at(k_now), 5s, failing);
  REQUIRE(std::holds_alternative<std::string>(outcome));
  CHECK(std::get<std::string>(outcome) == "exited 3");

  b2b::test::write(cache, "{not json");
  CHECK(std::get<Issued>(obtain(cache, at(k_now), 5s, forever)).value == "tok");
}

TEST_CASE("a cache others may enter is not used", "[auth][command]") {
  b2b::test::TempDir dir;
  std::filesystem::create_directories(dir / "shared");
  auto cache = cache_file(dir / "shared", "helper", "ANTHROPIC_API_KEY");
  int runs = 0;
  auto helper = [&runs]() -> Outcome {
    ++runs;
    return Issued{"tok", k_now + 1h};
  };
  obtain(cache, at(k_now), 5s, helper);
  struct stat info {};
  REQUIRE(::stat((dir / "shared").c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0700);  // made private, so then used
  obtain(cache, at(k_now), 5s, helper);
  CHECK(runs == 1);
  CHECK(std::get<Issued>(obtain({}, at(k_now), 5s, helper)).value == "tok");
  CHECK(runs == 2);  // no cache at all: the helper each time
}

TEST_CASE("launches at once run the helper once", "[auth][command]") {
  b2b::test::TempDir dir;
  auto cache = cache_file(dir.path(), "slow-helper", "ANTHROPIC_AUTH_TOKEN");
  std::atomic<int> runs{0};
  std::atomic<int> running{0};
  std::atomic<int> most{0};
  auto helper = [&]() -> Outcome {
    int now_running = ++running;
    most = std::max(most.load(), now_running);
    ++runs;
    std::this_thread::sleep_for(200ms);
    --running;
    return Issued{"tok", k_now + 1h};
  };
  std::vector<std::thread> launches;
  std::atomic<int> got{0};
  for (int i = 0; i < 4; ++i) {
    launches.emplace_back([&] {
      if (std::get<Issued>(obtain(cache, at(k_now), 10s, helper)).value ==
          "tok") {
        ++got;
      }
    });
  }
  for (std::thread& launch : launches) {
    launch.join();
  }
  CHECK(runs == 1);
  CHECK(most == 1);
  CHECK(got == 4);
}
