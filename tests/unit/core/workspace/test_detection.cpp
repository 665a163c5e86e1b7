// SPDX-License-Identifier: Apache-2.0
#include "core/workspace/detection.hpp"

#include "core/plugin/registry.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::workspace;
using namespace std::chrono_literals;

namespace {

// The fixture detector, signed, loaded as the tool loads plugins.
struct Loaded {
  test::TempDir dir;
  std::unique_ptr<plugin::PluginRegistry> registry;
  Loaded() {
    test::copy(test::fixture_plugin("good_detector"),
               dir / "detector-fixture.so");
    plugin::sign_file(dir / "detector-fixture.so",
                      test::test_keys().secret_key);
    registry = std::make_unique<plugin::PluginRegistry>(
        std::vector<plugin::TrustedKey>{{test::test_keys().public_key, "t"}},
        plugin::Policy{}, test::settings_of());
    registry->load(plugin::discover({{dir.path(), "test"}}), {});
    REQUIRE(registry->detectors().size() == 1);
  }
  DetectorOutcome run(std::set<std::string> paths,
                      std::chrono::milliseconds deadline = 2s) {
    auto index = std::make_shared<test::FakeIndex>(std::move(paths));
    std::vector<DetectorOutcome> outcomes =
        run_detectors(registry->detectors(), index, deadline);
    REQUIRE(outcomes.size() == 1);
    return outcomes[0];
  }
};

}  // namespace

TEST_CASE("run_detectors collects what a detector recognises",
          "[workspace][detection]") {
  Loaded l;
  DetectorOutcome outcome = l.run({"fixture.txt"});
  CHECK(outcome.detector == "fixture");
  CHECK(outcome.problem.empty());
  REQUIRE(outcome.matches.size() == 1);
  CHECK(outcome.matches[0].evidence == std::vector<std::string>{"fixture.txt"});
  CHECK(l.run({"README.md"}).matches.empty());
}

TEST_CASE("run_detectors reports and ignores a detector that misbehaves",
          "[workspace][detection]") {
  Loaded l;
  auto ignored = [](const DetectorOutcome& outcome) {
    return outcome.matches.empty() && !outcome.problem.empty();
  };

  DetectorOutcome thrown = l.run({"fixture.txt", "throw"});
  CHECK(ignored(thrown));
  CHECK_THAT(thrown.problem, Catch::Contains("asked to throw"));

  DetectorOutcome evidence = l.run({"fixture.txt", "bad-evidence"});
  CHECK(ignored(evidence));
  CHECK_THAT(evidence.problem, Catch::Contains("\"nowhere/seen\""));

  CHECK_THAT(l.run({"bad-confidence"}).problem,
             Catch::Contains("confidence outside (0, 1]"));
  CHECK_THAT(l.run({"bad-profile"}).problem,
             Catch::Contains("a profile that cannot exist"));
}

TEST_CASE("run_detectors does not wait for a detector past its deadline",
          "[workspace][detection]") {
  Loaded l;
  auto start = std::chrono::steady_clock::now();
  DetectorOutcome outcome = l.run({"fixture.txt", "hang"}, 200ms);
  CHECK(std::chrono::steady_clock::now() - start < 2s);
  CHECK(outcome.matches.empty());
  CHECK(outcome.problem == "it did not answer within 200 ms");
}
