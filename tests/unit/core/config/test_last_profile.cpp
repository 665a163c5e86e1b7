// SPDX-License-Identifier: Apache-2.0
#include "core/config/last_profile.hpp"

#include "core/util/files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <boost/json.hpp>

#include <thread>

using namespace b2b;
using namespace b2b::config;

TEST_CASE("the last profile is remembered per namespace",
          "[config][profiles][last]") {
  test::TempDir state;
  CHECK_FALSE(remembered_profile(state.path(), "shop"));
  remember_profile(state.path(), "shop", "go");
  remember_profile(state.path(), "blog", "frontend");
  remember_profile(state.path(), "shop", "infra");
  CHECK(remembered_profile(state.path(), "shop") == "infra");
  CHECK(remembered_profile(state.path(), "blog") == "frontend");
  CHECK_FALSE(remembered_profile(state.path(), "other"));
}

TEST_CASE("remembering keeps what else the file holds",
          "[config][profiles][last]") {
  test::TempDir state;
  test::write(state / "last-profile.json",
              R"({"namespaces": {"old": "python",
                  "shop": {"profile": "go", "overview": true}},
                  "version": 3})");
  CHECK(remembered_profile(state.path(), "old") == "python");
  remember_profile(state.path(), "shop", "infra");
  auto file = boost::json::parse(util::read_file(state / "last-profile.json"));
  CHECK(file.at("version") == 3);
  CHECK(file.at("namespaces").at("old") == "python");
  CHECK(file.at("namespaces").at("shop").at("overview") == true);
  CHECK(file.at("namespaces").at("shop").at("profile") == "infra");
}

TEST_CASE("a corrupt file remembers nothing and is replaced",
          "[config][profiles][last]") {
  test::TempDir state;
  test::write(state / "last-profile.json", "{not json");
  CHECK_FALSE(remembered_profile(state.path(), "shop"));
  remember_profile(state.path(), "shop", "go");
  CHECK(remembered_profile(state.path(), "shop") == "go");
}

TEST_CASE("launches remembering at once lose no namespace",
          "[config][profiles][last]") {
  test::TempDir state;
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&state, i] {
      remember_profile(state.path(), "ns" + std::to_string(i), "go");
    });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  for (int i = 0; i < 8; ++i) {
    CHECK(remembered_profile(state.path(), "ns" + std::to_string(i)) == "go");
  }
}
