// SPDX-License-Identifier: Apache-2.0
#include "core/app/doctor.hpp"

#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace b2b;
using namespace b2b::app;

namespace {

// Answers each program by its first argument; anything else is missing.
class FakeRunner final : public process::ProcessRunner {
 public:
  std::map<std::string, process::ProcessResult> answers;
  process::ProcessResult run(const std::vector<std::string>& argv,
                             std::chrono::milliseconds) override {
    std::string key = argv[0] + (argv.size() > 1 ? " " + argv[1] : "");
    auto found = answers.find(key);
    if (found == answers.end()) {
      return {};
    }
    return found->second;
  }
};

process::ProcessResult answered(std::string out, int code = 0) {
  process::ProcessResult result;
  result.started = true;
  result.exit_code = code;
  result.out = std::move(out);
  return result;
}

const Check& find(const std::vector<Check>& checks, std::string_view name) {
  for (const Check& check : checks) {
    if (check.name == name) {
      return check;
    }
  }
  FAIL("no check named " << name);
  throw;
}

struct DoctorSetup {
  test::TempDir home;
  Context context{config::Environment(
      {{"HOME", home.path().string()},
       {"BACK2BASE_MANAGED_DIR", (home / "etc").string()}})};
  FakeRunner runner;
};

}  // namespace

TEST_CASE("doctor passes with Docker and Compose v1, Podman missing",
          "[app][doctor]") {
  DoctorSetup s;
  s.runner.answers["docker version"] = answered("20.10.24\n");
  s.runner.answers["docker-compose version"] = answered("1.29.2\n");
  std::vector<Check> checks = run_doctor(s.context, s.runner);
  CHECK(find(checks, "docker engine").detail == "20.10.24");
  CHECK(find(checks, "docker compose").detail == "v1 1.29.2");
  CHECK(find(checks, "podman").status == CheckStatus::skipped);
  CHECK(find(checks, "podman").detail == "podman is not installed");
  CHECK(find(checks, "container engine").status == CheckStatus::ok);
  CHECK(find(checks, "container engine").detail == "Docker with Compose");
  CHECK(find(checks, "runtime plugins").detail == "compose, podman");
}

TEST_CASE("doctor fails when no engine answers, and says what to do",
          "[app][doctor]") {
  DoctorSetup s;
  s.runner.answers["docker version"] = answered("", 1);
  s.runner.answers["docker version"].err =
      "Cannot connect to the Docker daemon\n";
  std::vector<Check> checks = run_doctor(s.context, s.runner);
  CHECK(find(checks, "docker engine").detail ==
        "Cannot connect to the Docker daemon");
  const Check& engine = find(checks, "container engine");
  CHECK(engine.status == CheckStatus::failed);
  CHECK_THAT(engine.hint, Catch::Contains("install docker.io"));
}

TEST_CASE("doctor prefers Compose v2 and accepts Podman alone",
          "[app][doctor]") {
  DoctorSetup s;
  s.runner.answers["docker compose"] = answered("2.20.2\n");
  s.runner.answers["podman version"] = answered("4.3.1\n");
  std::vector<Check> checks = run_doctor(s.context, s.runner);
  CHECK(find(checks, "docker compose").detail == "v2 2.20.2");
  CHECK(find(checks, "container engine").detail == "Podman");
}

TEST_CASE("doctor reports a policy file it cannot read as a failure",
          "[app][doctor][policy]") {
  DoctorSetup s;
  test::write(s.home / "etc/policy.json", "{ not json");
  std::vector<Check> checks = run_doctor(s.context, s.runner);
  const Check& policy = find(checks, "plugin policy");
  CHECK(policy.status == CheckStatus::failed);
  CHECK_THAT(policy.detail, Catch::Contains("policy.json:1: not valid JSON"));
}
