// SPDX-License-Identifier: Apache-2.0
#include "core/update/self_update.hpp"

#include "core/log/log.hpp"
#include "core/net/http_client.hpp"
#include "core/process/process_runner.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace b2b::update {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

constexpr std::size_t k_archive_limit = std::size_t{256} << 20;

[[noreturn]] void fail_system(const std::string& what, int error) {
  throw Error("update: " + what + ": " + std::strerror(error) +
              "; the installed files are as they were");
}

// A private directory beside the installed executable, on its file system
// so that renames can move files between the two; removed on the way out.
class Staging {
 public:
  explicit Staging(const fs::path& beside) {
    std::string pattern = (beside / ".oss-back2base-update-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) {
      fail_system("cannot make a directory in " + util::quote(beside.string()),
                  errno);
    }
    m_dir = pattern;
  }
  ~Staging() {
    if (!m_kept) {
      std::error_code ignored;
      fs::remove_all(m_dir, ignored);
    }
  }
  Staging(const Staging&) = delete;
  Staging& operator=(const Staging&) = delete;
  const fs::path& path() const { return m_dir; }
  /// Left in place: it holds what could not be put back.
  void keep() { m_kept = true; }

 private:
  fs::path m_dir;
  bool m_kept = false;
};

// Swaps two directories in one step (Linux's RENAME_EXCHANGE): at no time
// is either path missing or half-filled. 0, or the errno.
int exchange(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(),
                     RENAME_EXCHANGE) == 0
             ? 0
             : errno;
}

// Puts the previous executable (and, when swapped, its plugins) back;
// if that fails, says where they are, and keeps them there.
void restore(const fs::path& previous, const fs::path& executable,
             const fs::path* fresh_plugins, const fs::path* plugins,
             Staging& staging, const std::string& why) {
  bool back = ::rename(previous.c_str(), executable.c_str()) == 0;
  if (back && fresh_plugins != nullptr) {
    back = exchange(*fresh_plugins, *plugins) == 0;
  }
  if (!back) {
    const int error = errno;
    staging.keep();
    const std::string where = util::quote(staging.path().string());
    throw Error("update: " + why + ", and the previous version could not " +
                "be put back: " + std::strerror(error) + "; its files are " +
                "in " + where + " (\"previous\" is the executable, \"tree\" " +
                "the rest): move them back by hand");
  }
}

// Empty when `executable version --json` names `version`; else why not.
std::string refusal_to_answer(const fs::path& executable,
                              const Version& version,
                              process::ProcessRunner& runner) {
  process::ProcessResult result =
      runner.run({executable.string(), "version", "--json"}, 10s);
  if (!result.succeeded()) {
    std::string said = util::trim(result.err);
    return result.timed_out
               ? "it did not answer within 10 s"
               : "it exited with status " + std::to_string(result.exit_code) +
                     (said.empty() ? "" : ": " + said);
  }
  boost::system::error_code error;
  boost::json::value answer = boost::json::parse(result.out, error);
  const boost::json::object* object = error ? nullptr : answer.if_object();
  const boost::json::value* named =
      object ? object->if_contains("version") : nullptr;
  std::optional<Version> answered = named && named->is_string()
                                        ? parse_version(named->get_string())
                                        : std::nullopt;
  if (!answered) {
    return "its answer names no version";
  }
  if (*answered != version) {
    return "it says it is " + answered->text + ", not " + version.text;
  }
  return "";
}

// The unpacked release's root: the directory with bin/oss-back2base, the
// archive's top directory or the archive itself.
fs::path unpacked_root(const fs::path& tree) {
  if (fs::is_regular_file(tree / "bin" / "oss-back2base")) {
    return tree;
  }
  std::error_code error;
  for (const fs::directory_entry& entry : fs::directory_iterator(tree, error)) {
    if (fs::is_regular_file(entry.path() / "bin" / "oss-back2base", error)) {
      return entry.path();
    }
  }
  throw Error(
      "update: the release's archive has no bin/oss-back2base; the "
      "release is broken, tell whoever publishes it");
}

// The archive, unpacked under `staging`.
fs::path unpack(const std::string& archive, const std::string& name,
                const Staging& staging, process::ProcessRunner& runner) {
  const fs::path file = staging.path() / name;
  const fs::path tree = staging.path() / "tree";
  util::write_file_atomic(file, archive, 0600);
  util::create_directories(tree, 0700);
  process::ProcessResult result = runner.run(
      {"tar", "--no-same-owner", "-xzf", file.string(), "-C", tree.string()},
      120s);
  if (!result.succeeded()) {
    throw Error("update: cannot unpack " + name + ": " +
                (result.started ? util::trim(result.err) : result.reason) +
                "; the installed files are as they were");
  }
  return unpacked_root(tree);
}

// The archive of `request`'s release for this platform, checked.
std::string fetch_checked_archive(const InstallRequest& request) {
  const ReleaseIndex& release = request.release;
  const std::string name = artifact_name(request.platform);
  const std::string expected = listed_checksum(request.signed_list, name);
  std::string archive = download(net::resolve_url(release.checksums_url, name),
                                 k_archive_limit, request.deadlines, name);
  std::string actual = sha256_hex(
      {reinterpret_cast<const unsigned char*>(archive.data()), archive.size()});
  if (actual != expected) {
    throw Error("update: " + name + ": its SHA-256 is " + actual + ", but " +
                "the signed checksum list says " + expected +
                "; the download is damaged or was tampered with, and "
                "nothing was installed");
  }
  return archive;
}

// What the installation holds beside the binary and its plugins, as the
// release lays it out: the SDK, the man page, the completions, the
// license. Each replaced where the installation has it.
constexpr const char* k_beside[] = {
    "include/back2base",
    "lib/cmake/back2base-sdk",
    "share/man/man1/oss-back2base.1",
    "share/bash-completion/completions/oss-back2base",
    "share/zsh/vendor-completions/_oss-back2base",
    "share/zsh/site-functions/_oss-back2base",
    "share/fish/vendor_completions.d/oss-back2base.fish",
    "share/doc/oss-back2base",
};

// Once the new binary runs, the rest follows, each piece in one rename. A
// piece that cannot be replaced is said, and the update stands: the tool
// runs without it.
void refresh_beside(const fs::path& root, const fs::path& prefix) {
  for (const char* piece : k_beside) {
    const fs::path fresh = root / piece;
    const fs::path installed = prefix / piece;
    std::error_code error;
    if (!fs::exists(fresh, error) || !fs::exists(installed, error)) {
      continue;
    }
    const bool dir = fs::is_directory(installed, error);
    if (dir != fs::is_directory(fresh, error)) {
      continue;
    }
    int failed =
        dir ? exchange(fresh, installed)
            : (::rename(fresh.c_str(), installed.c_str()) == 0 ? 0 : errno);
    if (failed != 0) {
      log::warning("update: cannot replace " + util::quote(installed.string()) +
                   ": " + std::strerror(failed) +
                   "; the rest is installed, and it is the previous "
                   "version's");
    }
  }
}

// The plugins and the executable, each in one rename; the previous
// executable kept, hard-linked, until the new one has answered, and put
// back (with its plugins) if it does not.
void swap_in(const fs::path& root, const Installation& installed,
             const Version& version, Staging& staging,
             process::ProcessRunner& runner) {
  const fs::path fresh = root / "bin" / "oss-back2base";
  const fs::path fresh_plugins = root / "lib" / "oss-back2base" / "plugins";
  const bool swap_plugins =
      installed.plugin_dir && fs::is_directory(fresh_plugins);
  const fs::path previous = staging.path() / "previous";
  if (::link(installed.executable.c_str(), previous.c_str()) != 0) {
    fail_system("cannot keep the installed executable", errno);
  }
  if (swap_plugins) {
    if (int error = exchange(fresh_plugins, *installed.plugin_dir)) {
      fail_system("cannot swap in the new plugins at " +
                      util::quote(installed.plugin_dir->string()),
                  error);
    }
  }
  const fs::path* swapped = swap_plugins ? &fresh_plugins : nullptr;
  const fs::path* plugins = swap_plugins ? &*installed.plugin_dir : nullptr;
  if (::rename(fresh.c_str(), installed.executable.c_str()) != 0) {
    const std::string why = "cannot replace " +
                            util::quote(installed.executable.string()) + ": " +
                            std::strerror(errno);
    // The executable is untouched; only the plugins go back.
    if (swapped != nullptr && exchange(*swapped, *plugins) != 0) {
      staging.keep();
      throw Error("update: " + why + ", and the previous plugins could not " +
                  "be put back; they are in " + util::quote(swapped->string()) +
                  ": move them back by hand");
    }
    throw Error("update: " + why + "; the installed files are as they were");
  }
  if (std::string why =
          refusal_to_answer(installed.executable, version, runner);
      !why.empty()) {
    const std::string what = "the installed oss-back2base " + version.text +
                             " does not answer \"version\": " + why;
    restore(previous, installed.executable, swapped, plugins, staging, what);
    throw Error("update: " + what +
                "; the previous version is back in its place");
  }
}

}  // namespace

void install_release(const InstallRequest& request,
                     process::ProcessRunner& runner) {
  const Installation& installed = request.installation;
  const Version& version = request.release.version;
  std::string archive = fetch_checked_archive(request);

  // Unpacked beside the installed files, and asked before anything moves.
  Staging staging(installed.executable.parent_path());
  const fs::path root =
      unpack(archive, artifact_name(request.platform), staging, runner);
  const fs::path fresh = root / "bin" / "oss-back2base";
  if (std::string why = refusal_to_answer(fresh, version, runner);
      !why.empty()) {
    throw Error("update: the downloaded oss-back2base " + version.text +
                " does not answer \"version\": " + why +
                "; nothing was installed");
  }

  swap_in(root, installed, version, staging, runner);
  refresh_beside(root, installed.executable.parent_path().parent_path());
}

}  // namespace b2b::update
