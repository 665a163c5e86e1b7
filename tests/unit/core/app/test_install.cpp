// SPDX-License-Identifier: Apache-2.0
#include "core/app/install.hpp"

#include "core/payload/payload.hpp"
#include "core/util/files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::app;

namespace {

// No program answers: the runtime check fails, the rest must not care.
class SilentRunner final : public process::ProcessRunner {
 public:
  process::ProcessResult run(const std::vector<std::string>&,
                             std::chrono::milliseconds) override {
    return {};
  }
};

const Check& find(const std::vector<Check>& checks, std::string_view name) {
  for (const Check& check : checks) {
    if (check.name == name) {
      return check;
    }
  }
  FAIL("no step named " << name);
  throw;
}

}  // namespace

TEST_CASE("install does every step it can, even without a runtime",
          "[app][install]") {
  test::TempDir home;
  Context context{config::Environment(
      {{"HOME", home.path().string()},
       {"BACK2BASE_MANAGED_DIR", (home / "etc").string()}})};
  SilentRunner runner;
  std::vector<Check> steps = run_install(context, runner);

  CHECK(find(steps, "container runtime").status == CheckStatus::fail);
  CHECK(find(steps, "payload").status == CheckStatus::pass);
  CHECK(find(steps, "env file").status == CheckStatus::pass);
  CHECK(find(steps, "state").status == CheckStatus::pass);
  CHECK(find(steps, "image").status == CheckStatus::warn);
  CHECK(payload::tree_hash(context.paths().payload_dir()) ==
        payload::payload_hash(payload::embedded_payload()));
  CHECK_THAT(util::read_file(context.paths().env_file()),
             Catch::Contains("#BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN="));

  SECTION("a second run keeps the user's env file word for word") {
    test::write(context.paths().env_file(), "BACK2BASE_PROFILE=go\n");
    Context again{config::Environment(
        {{"HOME", home.path().string()},
         {"BACK2BASE_MANAGED_DIR", (home / "etc").string()}})};
    std::vector<Check> second = run_install(again, runner);
    CHECK(find(second, "env file").detail ==
          "kept " + context.paths().env_file().string());
    CHECK(util::read_file(context.paths().env_file()) ==
          "BACK2BASE_PROFILE=go\n");
  }
}
