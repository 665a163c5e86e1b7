// SPDX-License-Identifier: Apache-2.0
#include "core/app/doctor.hpp"

#include "core/payload/payload.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <map>

using namespace b2b;
using namespace b2b::app;

namespace {

// Answers each program by its first two words; anything else is missing.
class FakeRunner final : public process::ProcessRunner {
 public:
  std::map<std::string, process::ProcessResult> answers;
  process::ProcessResult run(const std::vector<std::string>& argv,
                             std::chrono::milliseconds) override {
    std::string key = argv[0] + (argv.size() > 1 ? " " + argv[1] : "");
    auto found = answers.find(key);
    return found == answers.end() ? process::ProcessResult{} : found->second;
  }
  void answer(const std::string& key, std::string out, int code = 0,
              std::string err = "") {
    process::ProcessResult& result = answers[key];
    result.started = true;
    result.exit_code = code;
    result.out = std::move(out);
    result.err = std::move(err);
  }
};

const Check& find(const std::vector<Check>& checks, std::string_view name) {
  for (const Check& check : checks) {
    if (check.name == name) {
      return check;
    }
  }
  FAIL("no check named " << name);
  throw;
}

// A home of its own, with the build's plugins and whatever env it is given.
struct DoctorSetup {
  test::TempDir home;
  std::map<std::string, std::string, std::less<>> env{
      {"HOME", home.path().string()},
      {"BACK2BASE_MANAGED_DIR", (home / "etc").string()},
      {"BACK2BASE_MANAGED_SETTINGS_DIR", (home / "claude-code").string()}};
  FakeRunner runner;

  std::vector<Check> run() {
    Context context{config::Environment(env)};
    return run_doctor(context, runner);
  }
  std::filesystem::path env_file() const {
    return home / ".config/back2base/env";
  }
};

}  // namespace

TEST_CASE("doctor's container runtime check: Docker with Compose, or Podman",
          "[app][doctor]") {
  FakeRunner runner;

  SECTION("Docker with Compose v1, no Podman") {
    runner.answer("docker version", "20.10.24\n");
    runner.answer("docker-compose version", "1.29.2\n");
    Check check = check_container_runtime(runner);
    CHECK(check.status == CheckStatus::pass);
    CHECK(check.detail ==
          "Docker 20.10.24 with Compose v1 1.29.2; Podman: "
          "podman is not installed");
  }
  SECTION("Compose v2 is preferred; Podman alone is enough") {
    runner.answer("docker compose", "2.20.2\n");
    runner.answer("docker version", "24.0.5\n");
    CHECK_THAT(check_container_runtime(runner).detail,
               Catch::StartsWith("Docker 24.0.5 with Compose v2 2.20.2"));
    FakeRunner podman_only;
    podman_only.answer("podman version", "4.3.1\n");
    CHECK(check_container_runtime(podman_only).status == CheckStatus::pass);
  }
  SECTION("nothing answers: a failure that says what to install") {
    runner.answer("docker version", "", 1,
                  "Cannot connect to the Docker daemon\n");
    Check check = check_container_runtime(runner);
    CHECK(check.status == CheckStatus::fail);
    CHECK_THAT(check.detail,
               Catch::StartsWith("Docker: Cannot connect to the Docker "
                                 "daemon"));
    CHECK_THAT(check.fix, Catch::Contains("install docker.io"));
  }
}

TEST_CASE("doctor's env file check: present, private and readable",
          "[app][doctor][env]") {
  DoctorSetup s;
  CHECK(find(s.run(), "env file").status == CheckStatus::warn);

  test::write(s.env_file(), "BACK2BASE_PROFILE=go\n");
  std::filesystem::permissions(s.env_file(),
                               std::filesystem::perms::owner_read |
                                   std::filesystem::perms::owner_write |
                                   std::filesystem::perms::others_read);
  Check readable = find(s.run(), "env file");
  CHECK(readable.status == CheckStatus::warn);
  CHECK(readable.fix == "run \"chmod 600 " + s.env_file().string() + "\"");

  std::filesystem::permissions(
      s.env_file(),
      std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  CHECK(find(s.run(), "env file").status == CheckStatus::pass);

  test::write(s.env_file(), "good=1\nbad line\n");
  ::chmod(s.env_file().c_str(), 0600);
  Check broken = find(s.run(), "env file");
  CHECK(broken.status == CheckStatus::fail);
  CHECK_THAT(broken.detail, Catch::Contains(":2: expected KEY=VALUE"));
}

TEST_CASE("doctor's credential check names the provider, never the value",
          "[app][doctor][secrets]") {
  DoctorSetup s;
  Check none = find(s.run(), "credential");
  CHECK(none.status == CheckStatus::fail);
  CHECK_THAT(none.fix, Catch::Contains("oss-back2base login"));

  s.env["BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN"] = "sk-ant-oat01-doctor-secret";
  Check one = find(s.run(), "credential");
  CHECK(one.status == CheckStatus::pass);
  CHECK(one.detail ==
        "oauth-token: CLAUDE_CODE_OAUTH_TOKEN = [redacted, 26 "
        "characters]");

  s.env["BACK2BASE_ANTHROPIC_API_KEY"] = "sk-ant-api03-also-set";
  Check two = find(s.run(), "credential");
  CHECK(two.status == CheckStatus::warn);
  CHECK_THAT(two.detail, Catch::Contains("also configured: api-key"));
  CHECK_THAT(two.detail, !Catch::Contains("sk-ant"));
}

TEST_CASE("doctor's payload, managed settings and policy checks",
          "[app][doctor]") {
  DoctorSetup s;
  std::vector<Check> checks = s.run();
  CHECK(find(checks, "payload").status == CheckStatus::warn);
  CHECK(find(checks, "managed settings").detail ==
        "none in " + (s.home / "claude-code").string());
  CHECK(find(checks, "plugins").status == CheckStatus::pass);

  payload::ensure_extracted(s.home /
                                ".local/share/back2base/"
                                "back2base-container",
                            payload::embedded_payload());
  test::write(s.home / "claude-code/managed-settings.json", "{}");
  checks = s.run();
  CHECK(find(checks, "payload").status == CheckStatus::pass);
  CHECK_THAT(find(checks, "managed settings").detail,
             Catch::StartsWith("managed-settings.json from "));

  test::write(s.home / "etc/policy.json", "{ not json");
  checks = s.run();
  const Check& policy = find(checks, "plugin policy");
  CHECK(policy.status == CheckStatus::fail);
  CHECK_THAT(policy.detail, Catch::Contains("policy.json:1: not valid JSON"));
}
