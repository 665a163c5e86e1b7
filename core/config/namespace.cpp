// SPDX-License-Identifier: Apache-2.0
#include "core/config/namespace.hpp"

#include "core/config/git_files.hpp"
#include "core/log/log.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>

namespace b2b::config {
namespace {

using namespace std::chrono_literals;
constexpr std::size_t k_max_length = 64;

bool allowed(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
         (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}

// A name the user gave must be usable as it is.
Namespace given(std::string name, std::string origin) {
  if (std::optional<std::string> problem = namespace_problem(name)) {
    throw Error(origin + ": " + util::quote(name) +
                    " cannot be a namespace: " + *problem,
                exit_status::k_usage);
  }
  return {std::move(name), std::move(origin)};
}

// A name derived from something else is sanitised first.
Namespace derived(std::string_view text, std::string origin) {
  std::string name = sanitise_namespace(text);
  if (std::optional<std::string> problem = namespace_problem(name)) {
    throw Error(origin + ": " + util::quote(text) +
                " does not give a usable namespace (" + *problem +
                "); pass --namespace NAME or set MEMORY_NAMESPACE");
  }
  return {std::move(name), std::move(origin)};
}

// `url` without the "user:password@" a remote may carry, for showing it.
std::string without_userinfo(const std::string& url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) {
    return url;
  }
  std::size_t host = scheme + 3;
  std::size_t at = url.find('@', host);
  std::size_t slash = url.find('/', host);
  if (at == std::string::npos || (slash != std::string::npos && at > slash)) {
    return url;
  }
  return url.substr(0, host) + url.substr(at + 1);
}

// The repository's origin URL: a value when it has one, an empty string
// when it is a git work tree without one, none when it is not one. One git
// call: --local fails (128) outside a repository, and a missing key is 1.
std::optional<std::string> origin_url(const std::filesystem::path& repo,
                                      process::ProcessRunner& runner) {
  // From the repository's files where they tell it alone.
  using Kind = git_files::Discovery::Kind;
  git_files::Discovery found = git_files::environment_steers_git()
                                   ? git_files::Discovery{}
                                   : git_files::find_work_tree(repo);
  if (found.kind == Kind::none) {
    return std::nullopt;
  }
  if (found.kind == Kind::work_tree) {
    if (std::optional<std::string> url =
            git_files::origin_url(found.tree.config)) {
      return util::trim(*url);
    }
  }
  process::ProcessResult remote =
      runner.run({"git", "-C", repo.string(), "config", "--local", "--get",
                  "remote.origin.url"},
                 5s);
  if (remote.started && !remote.timed_out && remote.exit_code == 0) {
    return util::trim(remote.out);
  }
  if (remote.started && !remote.timed_out && remote.exit_code == 1) {
    return std::string();
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> namespace_problem(std::string_view name) {
  if (name.empty()) {
    return "it is empty";
  }
  if (name.size() > k_max_length) {
    return "it is longer than 64 characters; shorten it";
  }
  if (name == "." || name == "..") {
    return "\".\" and \"..\" name directories that already exist; choose "
           "another name";
  }
  auto bad = std::find_if_not(name.begin(), name.end(), allowed);
  if (bad != name.end()) {
    return "it has " + util::quote(std::string(1, *bad)) +
           "; use letters, digits, \".\", \"_\" and \"-\"";
  }
  return std::nullopt;
}

std::string sanitise_namespace(std::string_view text) {
  std::string name(text.substr(0, k_max_length));
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !allowed(c); }, '-');
  return name;
}

std::string remote_name(std::string_view url) {
  while (!url.empty() && url.back() == '/') {
    url.remove_suffix(1);
  }
  if (url.ends_with(".git")) {
    url.remove_suffix(4);
  }
  std::size_t cut = url.find_last_of("/:");
  return std::string(cut == std::string_view::npos ? url : url.substr(cut + 1));
}

Namespace resolve_namespace(const std::filesystem::path& repo,
                            const std::optional<std::string>& flag,
                            const Settings& settings,
                            process::ProcessRunner& runner, bool pin) {
  if (flag) {
    return given(*flag, "--namespace");
  }
  if (std::optional<std::string> value = settings.value("MEMORY_NAMESPACE");
      value && !value->empty()) {
    return given(*value, "MEMORY_NAMESPACE");
  }
  const std::string directory = repo.filename().empty()
                                    ? repo.parent_path().filename().string()
                                    : repo.filename().string();
  if (std::optional<std::string> url = origin_url(repo, runner)) {
    if (!url->empty()) {
      return derived(remote_name(*url),
                     "the git remote " + util::quote(without_userinfo(*url)));
    }
    return derived(directory, "the directory name");
  }
  const std::filesystem::path pin_file = repo / ".back2base" / "namespace";
  if (std::optional<std::string> pinned = util::read_file_if_exists(pin_file)) {
    return given(util::trim(*pinned), "pin file " + pin_file.string());
  }
  Namespace name = derived(directory, "the directory name");
  if (pin) {
    util::create_directories(pin_file.parent_path(), 0755);
    util::write_file_atomic(pin_file, name.name + "\n", 0644);
    log::info("pinned the namespace " + util::quote(name.name) + " in " +
              util::quote(pin_file.string()));
  }
  return name;
}

}  // namespace b2b::config
