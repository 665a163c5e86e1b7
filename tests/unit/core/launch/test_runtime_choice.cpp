// SPDX-License-Identifier: Apache-2.0
#include "core/launch/runtime_choice.hpp"
#include "core/util/error.hpp"

#include <catch2/catch.hpp>

using namespace b2b;

namespace {

class FakeRuntime final : public sdk::ContainerRuntime {
 public:
  explicit FakeRuntime(bool available) : m_available(available) {}
  sdk::Result probe(sdk::RuntimeProbe& probe) override {
    ++probes;
    probe.available = m_available;
    probe.engine = "fake 1.0";
    probe.detail = m_available ? "" : "the fake engine is stopped";
    return sdk::Result::success();
  }
  sdk::Result image_label(const std::string&, const std::string&,
                          std::optional<std::string>&) override {
    return sdk::Result::success();
  }
  sdk::Result build_image(const sdk::ImageBuild&) override {
    return sdk::Result::success();
  }
  sdk::Result run(const sdk::LaunchSpec&, int&) override {
    return sdk::Result::success();
  }
  sdk::Result containers(const std::string&,
                         std::vector<sdk::EngineObject>&) override {
    return sdk::Result::success();
  }
  sdk::Result images(const std::string&,
                     std::vector<sdk::EngineObject>&) override {
    return sdk::Result::success();
  }
  sdk::Result remove_containers(const std::vector<std::string>&) override {
    return sdk::Result::success();
  }
  sdk::Result remove_images(const std::vector<std::string>&) override {
    return sdk::Result::success();
  }
  int probes = 0;

 private:
  bool m_available;
};

plugin::PluginRef<sdk::ContainerRuntime> fake(std::string name,
                                              bool available) {
  return {std::move(name), std::make_shared<FakeRuntime>(available)};
}

}  // namespace

TEST_CASE("auto takes compose, then podman, then others, skipping engines "
          "that do not answer",
          "[launch][runtime]") {
  auto mine = fake("mine", true);
  auto podman = fake("podman", true);
  auto compose = fake("compose", false);
  launch::ChosenRuntime chosen =
      launch::choose_runtime({mine, podman, compose}, "auto", "default");
  CHECK(chosen.runtime.name == "podman");
  CHECK(chosen.engine == "fake 1.0");
  CHECK(static_cast<FakeRuntime&>(*mine.object).probes == 0);
}

TEST_CASE("a runtime asked for by name is used or refused, never swapped",
          "[launch][runtime]") {
  auto podman = fake("podman", false);
  auto compose = fake("compose", true);
  CHECK_THROWS_WITH(
      launch::choose_runtime({podman, compose}, "podman", "--runtime"),
      Catch::Contains("runtime podman: the fake engine is stopped; start "
                      "the engine, or choose another with --runtime"));
  CHECK_THROWS_WITH(
      launch::choose_runtime({podman, compose}, "kubernetes",
                             "BACK2BASE_RUNTIME"),
      Catch::Contains("BACK2BASE_RUNTIME: no runtime \"kubernetes\" is "
                      "loaded (loaded: podman, compose)"));
  CHECK_THROWS_WITH(
      launch::choose_runtime({podman}, "auto", "default"),
      Catch::Contains("no container engine can run a session") &&
          Catch::Contains("podman: the fake engine is stopped"));
}
