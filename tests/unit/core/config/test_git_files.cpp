// SPDX-License-Identifier: Apache-2.0
#include "core/config/git_files.hpp"

#include "core/process/process_runner.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace b2b;
using namespace b2b::config::git_files;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<process::ProcessRunner> runner() {
  return process::make_system_runner();
}

void git(const fs::path& dir, std::vector<std::string> args) {
  args.insert(args.begin(), {"git", "-C", dir.string()});
  REQUIRE(runner()->run(args, std::chrono::seconds(10)).succeeded());
}

// What git itself says, for the files to agree with: the URL, "" for
// none, or "error" when git refuses the file.
std::string git_says(const fs::path& repo) {
  process::ProcessResult result =
      runner()->run({"git", "-C", repo.string(), "config", "--local", "--get",
                     "remote.origin.url"},
                    std::chrono::seconds(10));
  if (result.exit_code == 1) {
    return "";
  }
  if (result.exit_code != 0) {
    return "error";
  }
  std::string out = result.out;
  if (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

}  // namespace

TEST_CASE("the work tree is found as git finds it", "[config][git]") {
  using Kind = Discovery::Kind;
  test::TempDir root;
  fs::create_directories(root / "shop" / "src" / "deep");
  git(root / "shop", {"init", "-q"});
  Discovery deep = find_work_tree(root / "shop" / "src" / "deep");
  REQUIRE(deep.kind == Kind::work_tree);
  CHECK(deep.tree.top == root / "shop");
  CHECK(deep.tree.config == root / "shop/.git/config");

  // A linked worktree: a gitdir file, and the config its commondir names.
  git(root / "shop", {"-c", "user.name=t", "-c", "user.email=t@t", "commit",
                      "-q", "--allow-empty", "-m", "first"});
  git(root / "shop", {"worktree", "add", "-q", (root / "linked").string()});
  Discovery linked = find_work_tree(root / "linked");
  REQUIRE(linked.kind == Kind::work_tree);
  CHECK(linked.tree.top == root / "linked");
  CHECK(linked.tree.config == root / "shop/.git/config");

  // The scratch directory may itself be inside some work tree; what
  // matters is that plain/ is not one of its own.
  fs::create_directories(root / "plain");
  Discovery plain = find_work_tree(root / "plain");
  CHECK((plain.kind != Kind::work_tree || plain.tree.top != root / "plain"));
}

TEST_CASE("a .git the files cannot follow is left to git", "[config][git]") {
  using Kind = Discovery::Kind;
  test::TempDir root;
  fs::create_directories(root / "empty/.git");
  CHECK(find_work_tree(root / "empty").kind == Kind::ask_git);
  fs::create_directories(root / "stale");
  test::write(root / "stale/.git", "gitdir: /nowhere/.git/worktrees/x\n");
  CHECK(find_work_tree(root / "stale").kind == Kind::ask_git);
  fs::create_directories(root / "moved");
  git(root / "moved", {"init", "-q"});
  git(root / "moved", {"config", "core.worktree", "/elsewhere"});
  CHECK(find_work_tree(root / "moved").kind == Kind::ask_git);
  fs::create_directories(root / "bare");
  git(root / "bare", {"init", "-q"});
  git(root / "bare", {"config", "core.bare", "true"});
  CHECK(find_work_tree(root / "bare").kind == Kind::ask_git);
}

TEST_CASE("the origin's URL is read as git reads it", "[config][git]") {
  test::TempDir root;
  fs::create_directories(root / "repo");
  git(root / "repo", {"init", "-q"});
  const fs::path config = root / "repo/.git/config";
  const std::string head = "[core]\n\trepositoryformatversion = 0\n";

  // Each file, and what the reading and git must both make of it.
  const std::vector<std::string> files = {
      "",
      "[remote \"origin\"]\n\turl = git@github.com:acme/shop.git\n",
      "[remote \"origin\"]\n\turl = https://a/one\n\turl = https://a/two\n",
      "[remote \"upstream\"]\n\turl = https://a/up\n",
      "[remote \"Origin\"]\n\turl = https://a/case\n",
      "[REMOTE \"origin\"]\n\tURL = https://a/keys\n",
      "[remote.origin]\n\turl = https://a/legacy\n",
      "[remote \"origin\"] url = https://a/same-line\n",
      "[remote \"origin\"]\n\turl = \"https://a/quoted path\" # note\n",
      "[remote \"origin\"]\n\turl = https://a/x ; comment\n",
      "[remote \"origin\"]\n\turl = https://a/con\\\ntinued\n",
      "[remote \"origin\"]\n\turl =   https://a/spaced\t  \n",
      "[remote \"origin\"]\n\turl = a  b\tc\n",
      "[remote \"origin\"]\n\turl = \"a\\tb\\\\c\\\"d\"\n",
      "[remote \"or\\\"igin\"]\n\turl = https://a/escaped-sub\n",
      "; top\n# comment\n[remote \"origin\"]\n\n\turl=https://a/tight\n",
      "[remote \"origin\"]\r\n\turl = https://a/crlf\r\n",
  };
  for (const std::string& file : files) {
    test::write(config, head + file);
    std::string expected = git_says(root / "repo");
    INFO("config: " << file << "git: " << expected);
    REQUIRE(expected != "error");
    std::optional<std::string> url = origin_url(config);
    REQUIRE(url);
    CHECK(*url == expected);
  }
}

TEST_CASE("what only git can follow is left to git", "[config][git]") {
  test::TempDir root;
  const fs::path config = root / "config";
  for (const char* file :
       {"[include]\n\tpath = other\n[remote \"origin\"]\n\turl = x\n",
        "[includeIf \"gitdir:~/\"]\n\tpath = other\n",
        "[remote \"origin\"]\n\turl = \"unterminated\n",
        "[remote \"origin\"]\n\turl = bad\\qescape\n",
        "[remote \"origin\"\n\turl = x\n", "= no key\n"}) {
    test::write(config, file);
    INFO(file);
    CHECK_FALSE(origin_url(config));
  }
  CHECK(origin_url(root / "missing") == "");
}
