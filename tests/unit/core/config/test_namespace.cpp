// SPDX-License-Identifier: Apache-2.0
#include "core/config/namespace.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>

using namespace b2b;
using namespace b2b::config;

namespace {

// A directory `name` in a scratch directory, optionally a git work tree
// with `remote` as its origin. Real git, through the real runner.
struct Workspace {
  test::TempDir root;
  std::filesystem::path repo;
  std::unique_ptr<process::ProcessRunner> runner =
      process::make_system_runner();

  explicit Workspace(std::string_view name) : repo(root / name) {
    std::filesystem::create_directories(repo);
    // A scratch directory inside someone's work tree is still outside git.
    ::setenv("GIT_CEILING_DIRECTORIES", root.path().c_str(), 1);
  }
  void git_init(std::optional<std::string> remote = std::nullopt) {
    git({"init", "-q"});
    if (remote) {
      git({"remote", "add", "origin", *remote});
    }
  }
  void git(std::vector<std::string> args) {
    args.insert(args.begin(), {"git", "-C", repo.string()});
    REQUIRE(runner->run(args, std::chrono::seconds(10)).succeeded());
  }
  Namespace resolve(std::optional<std::string> flag = std::nullopt,
                    Environment env = {}, bool pin = false) {
    Settings settings(env, EnvFile(), {});
    return resolve_namespace(repo, flag, settings, *runner, pin);
  }
};

Environment memory_namespace(std::string value) {
  std::map<std::string, std::string, std::less<>> vars;
  vars["MEMORY_NAMESPACE"] = std::move(value);
  return Environment(std::move(vars));
}

}  // namespace

TEST_CASE("namespace_problem holds names to a safe alphabet",
          "[config][namespace]") {
  CHECK_FALSE(namespace_problem("oss-back2base_1.2").has_value());
  CHECK(namespace_problem("") == "it is empty");
  CHECK(namespace_problem("..").has_value());
  CHECK(namespace_problem(".").has_value());
  CHECK_THAT(*namespace_problem("a/b"), Catch::Contains("\"/\""));
  CHECK_THAT(*namespace_problem(std::string(65, 'x')),
             Catch::Contains("longer than 64"));
  CHECK(sanitise_namespace("my project/ü") == "my-project---");
  CHECK(sanitise_namespace(std::string(80, 'x')).size() == 64);
}

TEST_CASE("remote_name takes the last segment of any git URL",
          "[config][namespace]") {
  CHECK(remote_name("git@github.com:org/repo.git") == "repo");
  CHECK(remote_name("https://github.com/org/repo") == "repo");
  CHECK(remote_name("https://github.com/org/repo.git/") == "repo");
  CHECK(remote_name("ssh://git@host:2222/team/svc.git") == "svc");
  CHECK(remote_name("host:repo") == "repo");
  CHECK(remote_name("/srv/git/local.git") == "local");
}

TEST_CASE(
    "the namespace comes from the flag, the setting, git, a pin file "
    "or the directory, in that order",
    "[config][namespace]") {
  Workspace w("my-dir");

  SECTION("the directory name, outside git, pinned when asked") {
    CHECK(w.resolve().name == "my-dir");
    CHECK_FALSE(std::filesystem::exists(w.repo / ".back2base"));
    Namespace pinned = w.resolve(std::nullopt, {}, true);
    CHECK(pinned.origin == "the directory name");
    CHECK(util::read_file(w.repo / ".back2base/namespace") == "my-dir\n");
    test::write(w.repo / ".back2base/namespace", "  kept-name \n");
    Namespace again = w.resolve();
    CHECK(again.name == "kept-name");
    CHECK_THAT(again.origin, Catch::StartsWith("pin file "));
  }
  SECTION("git's origin remote") {
    w.git_init("git@github.com:acme/widgets.git");
    Namespace name = w.resolve();
    CHECK(name.name == "widgets");
    CHECK(name.origin == "the git remote \"git@github.com:acme/widgets.git\"");
    w.resolve(std::nullopt, {}, true);  // git needs no pin
    CHECK_FALSE(std::filesystem::exists(w.repo / ".back2base"));
  }
  SECTION("a git repository without a remote: the directory name") {
    w.git_init();
    CHECK(w.resolve().name == "my-dir");
  }
  SECTION("MEMORY_NAMESPACE over git, the flag over both") {
    w.git_init("https://example.test/acme/widgets");
    CHECK(w.resolve(std::nullopt, memory_namespace("mem")).name == "mem");
    CHECK(w.resolve("flagged", memory_namespace("mem")).name == "flagged");
  }
}

TEST_CASE("a namespace never leaves its directory", "[config][namespace]") {
  Workspace w("ok");

  SECTION("given names are refused, saying why") {
    CHECK_THROWS_WITH(w.resolve(".."),
                      Catch::StartsWith("--namespace: \"..\" cannot be a "
                                        "namespace"));
    CHECK_THROWS_WITH(w.resolve("../../etc"), Catch::Contains("\"/\""));
    CHECK_THROWS_WITH(w.resolve(std::nullopt, memory_namespace("a/b")),
                      Catch::StartsWith("MEMORY_NAMESPACE: \"a/b\""));
    test::write(w.repo / ".back2base/namespace", "../../outside\n");
    CHECK_THROWS_WITH(w.resolve(), Catch::StartsWith("pin file "));
  }
  SECTION("a remote ending in \"..\" is refused") {
    w.git_init("https://evil.test/org/..");
    CHECK_THROWS_WITH(w.resolve(),
                      Catch::Contains("does not give a usable namespace") &&
                          Catch::Contains("pass --namespace"));
  }
  SECTION("a remote's credentials are never shown") {
    w.git_init("https://oauth2:glpat-SECRET@gitlab.test/org/svc.git");
    Namespace name = w.resolve();
    CHECK(name.name == "svc");
    CHECK(name.origin == "the git remote \"https://gitlab.test/org/svc.git\"");
  }
  SECTION("a remote with odd characters is sanitised") {
    w.git_init("https://host.test/org/we$ird%20name.git");
    CHECK(w.resolve().name == "we-ird-20name");
  }
}
