// SPDX-License-Identifier: Apache-2.0
#include "core/launch/session_dir.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace b2b;
namespace fs = std::filesystem;

TEST_CASE(
    "the newest session is the one that started last, even within "
    "one second",
    "[launch][session]") {
  test::TempDir data;
  // Sessions a few milliseconds apart, as a quick `shell -c` makes them:
  // their random suffixes must not decide which one is the newest.
  std::vector<std::string> started;
  for (int i = 0; i < 8; ++i) {
    started.push_back(launch::make_session_dir(data.path(), "shop", 20).id);
    auto newest = launch::latest_session(data.path(), "shop");
    REQUIRE(newest);
    CHECK(newest->id == started.back());
  }
  CHECK(fs::is_directory(data / "sessions" / started.back() / "firewall"));
}

TEST_CASE(
    "a new session removes the oldest beyond those kept, and only "
    "its own namespace's",
    "[launch][session]") {
  test::TempDir data;
  std::string other = launch::make_session_dir(data.path(), "shop-x").id;
  std::vector<std::string> started;
  for (int i = 0; i < 4; ++i) {
    started.push_back(launch::make_session_dir(data.path(), "shop", 3).id);
  }
  std::set<std::string> left;
  for (const auto& entry : fs::directory_iterator(data / "sessions")) {
    left.insert(entry.path().filename().string());
  }
  CHECK(left ==
        std::set<std::string>{other, started[1], started[2], started[3]});
  CHECK(launch::latest_session(data.path(), "shop")->id == started[3]);
  CHECK(launch::latest_session(data.path(), "shop-x")->id == other);
  CHECK_FALSE(launch::latest_session(data.path(), "cart"));
}

TEST_CASE(
    "sessions named before ids had milliseconds are still found and "
    "pruned first",
    "[launch][session]") {
  test::TempDir data;
  fs::create_directories(data / "sessions" / "shop-20261203-101010-abcdef");
  std::string newer = launch::make_session_dir(data.path(), "shop", 2).id;
  CHECK(launch::latest_session(data.path(), "shop")->id == newer);
  std::string newest = launch::make_session_dir(data.path(), "shop", 2).id;
  CHECK_FALSE(fs::exists(data / "sessions" / "shop-20261203-101010-abcdef"));
  CHECK(fs::exists(data / "sessions" / newer));
  CHECK(launch::latest_session(data.path(), "shop")->id == newest);
}
