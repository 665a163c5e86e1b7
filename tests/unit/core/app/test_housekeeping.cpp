// SPDX-License-Identifier: Apache-2.0
#include "core/app/housekeeping.hpp"

#include <catch2/catch.hpp>

using namespace b2b;

namespace {

sdk::EngineObject image(std::string name, std::string created,
                        bool in_use = false) {
  return {"id-" + name, std::move(name), std::move(created), "", "", "",
          in_use};
}

std::vector<std::string> names(const std::vector<sdk::EngineObject>& images) {
  std::vector<std::string> out;
  for (const sdk::EngineObject& i : images) {
    out.push_back(i.name);
  }
  return out;
}

}  // namespace

TEST_CASE("prune never takes the current image or one in use, and keeps "
          "the newest it is asked to",
          "[app][housekeeping]") {
  std::vector<sdk::EngineObject> images = {
      image("back2base-session:a", "2026-12-01 10:00:00 +0000 UTC"),
      image("back2base-session:current", "2026-12-04 10:00:00 +0000 UTC"),
      image("back2base-session:c", "2026-12-03 10:00:00 +0000 UTC"),
      image("back2base-session:used", "2026-11-01 10:00:00 +0000 UTC", true),
      image("back2base-session:b", "2026-12-02 10:00:00 +0000 UTC")};
  CHECK(names(app::images_to_prune(images, "back2base-session:current", 0)) ==
        std::vector<std::string>{"back2base-session:c", "back2base-session:b",
                                 "back2base-session:a"});
  CHECK(names(app::images_to_prune(images, "back2base-session:current", 2)) ==
        std::vector<std::string>{"back2base-session:a"});
  CHECK(app::images_to_prune(images, "back2base-session:current", 9).empty());
}
