// SPDX-License-Identifier: Apache-2.0
#include "core/launch/session_dir.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <sodium.h>
#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <thread>

namespace b2b::launch {
namespace fs = std::filesystem;

namespace {

// To the millisecond: sessions started within one second still sort in
// the order they started, so "the newest" is the one that started last.
std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(
                    now.time_since_epoch()) %
                1000;
  std::tm utc{};
  ::gmtime_r(&seconds, &utc);
  char text[32];
  std::size_t length = std::strftime(text, sizeof text, "%Y%m%d-%H%M%S", &utc);
  std::snprintf(text + length, sizeof text - length, "-%03d",
                static_cast<int>(millis.count()));
  return text;
}

std::string random_suffix() {
  unsigned char bytes[3];
  randombytes_buf(bytes, sizeof bytes);
  return util::to_hex(bytes, sizeof bytes);
}

// "<namespace>-<stamp>-<random>", the stamp "yyyymmdd-hhmmss-mmm"; the
// stamps of 0.1.0's first builds had no milliseconds, and their
// directories are still found and pruned.
constexpr std::size_t stamp_length = 19;
constexpr std::size_t id_tail = 1 + stamp_length + 1 + 6;
constexpr std::size_t seconds_id_tail = id_tail - 4;

// The sessions of `namespace_name`, oldest first (their names sort by time).
std::vector<fs::path> sessions_of(const fs::path& sessions,
                                  const std::string& namespace_name) {
  std::vector<fs::path> found;
  std::error_code error;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(sessions, error)) {
    std::string name = entry.path().filename().string();
    const std::size_t tail = name.size() - namespace_name.size();
    if (name.starts_with(namespace_name + "-") &&
        (tail == id_tail || tail == seconds_id_tail)) {
      found.push_back(entry.path());
    }
  }
  std::sort(found.begin(), found.end());
  return found;
}

void make_dir(const fs::path& dir, unsigned mode) {
  if (::mkdir(dir.c_str(), mode) != 0 || ::chmod(dir.c_str(), mode) != 0) {
    throw Error(util::quote(dir.string()) + ": cannot make it: " +
                std::strerror(errno) + "; check the data directory");
  }
}

}  // namespace

SessionDir planned_session_dir(const fs::path& data_dir,
                               const std::string& namespace_name) {
  SessionDir dir;
  dir.id = namespace_name + "-" + timestamp() + "-" + random_suffix();
  dir.root = data_dir / "sessions" / dir.id;
  return dir;
}

SessionDir make_session_dir(const fs::path& data_dir,
                            const std::string& namespace_name,
                            std::size_t keep) {
  const fs::path sessions = data_dir / "sessions";
  util::create_directories(sessions, 0700);
  std::vector<fs::path> old = sessions_of(sessions, namespace_name);
  // A session begun in the same millisecond as the newest one waits for
  // the next, or the random suffixes would decide which is newer. (Not
  // for an older stamp: after the clock was set back that could be hours.)
  const std::string newest_stamp =
      old.empty() ? std::string()
                  : old.back().filename().string().substr(
                        namespace_name.size() + 1, stamp_length);
  while (timestamp() == newest_stamp) {
    std::this_thread::sleep_for(std::chrono::microseconds(200));
  }
  while (old.size() >= keep && !old.empty()) {
    std::error_code ignored;
    fs::remove_all(old.front(), ignored);
    old.erase(old.begin());
  }
  SessionDir dir = planned_session_dir(data_dir, namespace_name);
  make_dir(dir.root, 0700);
  // Inside a directory only the user may enter: the sidecar is root
  // without CAP_DAC_OVERRIDE, so its directory is open to it by mode.
  make_dir(dir.session(), 0755);
  make_dir(dir.firewall(), 0777);
  return dir;
}

void write_session_files(const SessionDir& dir,
                         const std::vector<config::AllowEntry>& allowlist,
                         const config::McpRegistry& registry,
                         const std::vector<std::string>& servers) {
  std::string entries =
      "# The session's allowlist, written by oss-back2base.\n";
  for (const config::AllowEntry& entry : allowlist) {
    entries += entry.domain + "\n";
  }
  util::write_file_atomic(dir.session() / "allowlist", entries, 0644);
  config::write_session_config(dir.session() / "mcp.json", registry, servers);
  fs::permissions(dir.session() / "mcp.json", fs::perms(0644));
  util::write_file_atomic(dir.session() / "resolv.conf",
                          "nameserver 127.0.0.1\n", 0644);
}

std::optional<SessionDir> latest_session(const fs::path& data_dir,
                                         const std::string& namespace_name) {
  std::vector<fs::path> found =
      sessions_of(data_dir / "sessions", namespace_name);
  if (found.empty()) {
    return std::nullopt;
  }
  return SessionDir{found.back().filename().string(), found.back()};
}

}  // namespace b2b::launch
