// SPDX-License-Identifier: Apache-2.0
// The four first-party detectors on real directories, through the walk a
// launch makes: each signal, their unions, and the workspaces that try to
// trip a walk up.
#include "core/plugin/build_key.hpp"
#include "core/plugin/registry.hpp"
#include "core/workspace/detection.hpp"
#include "core/workspace/workspace_scan.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <set>

using namespace b2b;

namespace {

class Detectors {
 public:
  Detectors() {
    std::vector<plugin::TrustedKey> keys{
        {plugin::parse_public_key(plugin::build_public_key()), "build"}};
    m_registry = std::make_unique<plugin::PluginRegistry>(
        keys, plugin::Policy{}, test::settings_of());
    m_registry->load(
        plugin::discover({{test::first_party_plugin_dir(), "install"}}), {});
  }

  /// What the detectors match in `root`, by profile, with the evidence.
  std::map<std::string, std::vector<std::string>> run(
      const std::filesystem::path& root) const {
    auto scan = std::make_shared<workspace::WorkspaceScan>(root);
    std::map<std::string, std::vector<std::string>> found;
    for (const auto& outcome : workspace::run_detectors(
             m_registry->detectors(), scan, std::chrono::seconds(10))) {
      REQUIRE(outcome.problem.empty());
      for (const sdk::Detection& match : outcome.matches) {
        found[match.profile] = match.evidence;
      }
    }
    return found;
  }

  std::set<std::string> profiles(const std::filesystem::path& root) const {
    std::set<std::string> names;
    for (const auto& [name, evidence] : run(root)) {
      names.insert(name);
    }
    return names;
  }

 private:
  std::unique_ptr<plugin::PluginRegistry> m_registry;
};

/// A workspace holding `files`; a name ending in "/" is a directory.
std::unique_ptr<test::TempDir> workspace_of(
    std::initializer_list<const char*> files) {
  auto dir = std::make_unique<test::TempDir>();
  for (std::string file : files) {
    if (file.ends_with("/")) {
      std::filesystem::create_directories(*dir / file);
    } else {
      test::write(*dir / file, "");
    }
  }
  return dir;
}

}  // namespace

TEST_CASE("each detector's signals, one at a time", "[plugins][detectors]") {
  Detectors detectors;
  const std::pair<const char*, const char*> signals[] = {
      {"go.mod", "go"},
      {"go.work", "go"},
      {"cmd/api/main.go", "go"},
      {"services/billing/go.mod", "go"},
      {"pyproject.toml", "python"},
      {"requirements-dev.txt", "python"},
      {"setup.py", "python"},
      {"Pipfile", "python"},
      {"tools/lint.py", "python"},
      {"package.json", "frontend"},
      {"tsconfig.json", "frontend"},
      {"src/index.ts", "frontend"},
      {"src/App.tsx", "frontend"},
      {"vite.config.ts", "frontend"},
      {"next.config.mjs", "frontend"},
      {"webpack.config.js", "frontend"},
      {"apps/web/package.json", "frontend"},
      {"main.tf", "infra"},
      {"env/prod.tfvars", "infra"},
      {"charts/api/Chart.yaml", "infra"},
      {"deploy/kustomization.yaml", "infra"},
      {".terraform/", "infra"},
  };
  for (const auto& [file, profile] : signals) {
    INFO(file);
    auto dir = workspace_of({file, "README.md"});
    CHECK(detectors.profiles(dir->path()) == std::set<std::string>{profile});
  }
}

TEST_CASE(
    "a Dockerfile or compose file is infrastructure only beside "
    "stronger evidence",
    "[plugins][detectors]") {
  Detectors detectors;
  CHECK(detectors.profiles(workspace_of({"Dockerfile"})->path()).empty());
  CHECK(detectors.profiles(workspace_of({"compose.yaml"})->path()).empty());
  CHECK(
      detectors.profiles(workspace_of({"docker-compose.yml"})->path()).empty());
  auto dir = workspace_of({"Dockerfile", "compose.yaml", "infra/main.tf"});
  auto found = detectors.run(dir->path());
  CHECK(found["infra"] == std::vector<std::string>{
                              "infra/main.tf", "Dockerfile", "compose.yaml"});
}

TEST_CASE("a mixed workspace matches every kind it holds; an empty one none",
          "[plugins][detectors]") {
  Detectors detectors;
  auto mixed = workspace_of({"go.mod", "web/package.json", "web/src/App.tsx",
                             "deploy/main.tf", "scripts/seed.py"});
  CHECK(detectors.profiles(mixed->path()) ==
        std::set<std::string>{"frontend", "go", "infra", "python"});
  CHECK(detectors.profiles(workspace_of({})->path()).empty());
  CHECK(
      detectors.profiles(workspace_of({"README.md", "docs/"})->path()).empty());
}

TEST_CASE("dependencies, build output and deep files are not evidence",
          "[plugins][detectors]") {
  Detectors detectors;
  auto dir = workspace_of({"node_modules/left-pad/package.json",
                           "vendor/github.com/x/y.go", ".venv/lib/site.py",
                           "target/gen.ts", "a/b/c/d/deep.go"});
  CHECK(detectors.profiles(dir->path()).empty());
}

TEST_CASE("a symbolic link loop neither hangs the walk nor counts",
          "[plugins][detectors]") {
  Detectors detectors;
  auto dir = workspace_of({"go.mod", "pkg/"});
  std::filesystem::create_directory_symlink(".", *dir / "self");
  std::filesystem::create_directory_symlink("../..", *dir / "pkg/up");
  auto found = detectors.run(dir->path());
  CHECK(found.size() == 1);
  CHECK(found["go"] == std::vector<std::string>{"go.mod"});
}

TEST_CASE("an unreadable directory is seen by name and left unread",
          "[plugins][detectors]") {
  auto dir = workspace_of({"go.mod", "secret/main.tf"});
  ::chmod(dir->path().c_str(), 0755);
  ::chmod((*dir / "secret").c_str(), 0);
  // Root reads everything: the walk runs as nobody, in a child.
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (::geteuid() == 0 && (::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      ::_exit(2);
    }
    workspace::WorkspaceScan scan(dir->path());
    bool right = scan.exists("go.mod") && scan.exists("secret") &&
                 !scan.exists("secret/main.tf") && scan.glob("**/*.tf").empty();
    ::_exit(right ? 0 : 1);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  ::chmod((*dir / "secret").c_str(), 0755);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
