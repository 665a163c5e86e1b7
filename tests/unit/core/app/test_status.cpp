// SPDX-License-Identifier: Apache-2.0
#include "core/app/status.hpp"

#include "core/payload/payload.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::app;

TEST_CASE("collect_status reports without creating anything", "[app][status]") {
  test::TempDir home;
  auto runner = process::make_system_runner();
  Context context{config::Environment(
      {{"HOME", home.path().string()},
       {"REPO_PATH", (home / "project").string()},
       {"BACK2BASE_MANAGED_DIR", (home / "etc").string()}})};
  std::filesystem::create_directories(home / "project");

  StatusReport report = collect_status(context, *runner);
  CHECK_FALSE(report.env_file_exists);
  CHECK_FALSE(report.state_seeded);
  CHECK(payload_state(report) == "missing");
  CHECK(report.workspace == home / "project");
  CHECK(report.namespace_name == "project");
  CHECK_FALSE(std::filesystem::exists(home / ".config"));
  CHECK_FALSE(std::filesystem::exists(home / "project/.back2base"));

  payload::ensure_extracted(context.paths().payload_dir(),
                            payload::embedded_payload());
  CHECK(payload_state(collect_status(context, *runner)) == "current");
  test::write(context.paths().payload_dir() / "README.md", "edited");
  CHECK(payload_state(collect_status(context, *runner)) == "stale");
}
