// SPDX-License-Identifier: Apache-2.0
#include "core/workspace/workspace_scan.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace b2b::workspace {
namespace {

constexpr std::size_t k_max_head = 64 * 1024;

// A directory's first entries, sorted, so that the walk's order is stable
// wherever the cap does not cut it.
struct Listing {
  std::vector<std::pair<std::string, unsigned char>> names;
  bool more = false;  ///< the directory holds more than were read
};

// Reads at most `budget` entries of `dir_fd`: a directory of a million
// files costs no more than the cap.
Listing list(int dir_fd, std::size_t budget) {
  Listing listing;
  int fd = ::dup(dir_fd);
  DIR* dir = fd >= 0 ? ::fdopendir(fd) : nullptr;
  if (dir == nullptr) {
    if (fd >= 0) {
      ::close(fd);
    }
    return listing;
  }
  while (const dirent* entry = ::readdir(dir)) {
    std::string_view name = entry->d_name;
    if (name == "." || name == "..") {
      continue;
    }
    if (listing.names.size() == budget) {
      listing.more = true;
      break;
    }
    listing.names.emplace_back(name, entry->d_type);
  }
  ::closedir(dir);
  std::sort(listing.names.begin(), listing.names.end());
  return listing;
}

// The type of `name` in `dir_fd`, without following a link.
unsigned char type_of(int dir_fd, const std::string& name,
                      unsigned char reported) {
  if (reported != DT_UNKNOWN) {
    return reported;
  }
  struct stat info {};
  if (::fstatat(dir_fd, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) {
    return DT_UNKNOWN;
  }
  return S_ISDIR(info.st_mode)   ? DT_DIR
         : S_ISREG(info.st_mode) ? DT_REG
         : S_ISLNK(info.st_mode) ? DT_LNK
                                 : DT_UNKNOWN;
}

// Opens `path` below `root_fd` without following any symbolic link on the
// way, so that a directory swapped for a link after the walk leads nowhere.
int open_beneath(int root_fd, const std::string& path,
                 int flags = O_RDONLY | O_NONBLOCK) {
  open_how how{};
  how.flags = static_cast<unsigned>(flags | O_CLOEXEC | O_NOFOLLOW);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS;
  long fd = ::syscall(SYS_openat2, root_fd, path.c_str(), &how, sizeof how);
  if (fd >= 0 || errno != ENOSYS) {
    return static_cast<int>(fd);
  }
  // A kernel before 5.6: the last component, at least, is not followed.
  return ::openat(root_fd, path.c_str(), static_cast<int>(how.flags));
}

bool match_segments(const std::vector<std::string>& pattern, std::size_t p,
                    const std::vector<std::string>& path, std::size_t s) {
  if (p == pattern.size()) {
    return s == path.size();
  }
  if (pattern[p] == "**") {
    for (std::size_t skip = s; skip <= path.size(); ++skip) {
      if (match_segments(pattern, p + 1, path, skip)) {
        return true;
      }
    }
    return false;
  }
  return s < path.size() &&
         ::fnmatch(pattern[p].c_str(), path[s].c_str(), FNM_PERIOD) == 0 &&
         match_segments(pattern, p + 1, path, s + 1);
}

}  // namespace

bool is_skipped_directory(std::string_view name) {
  static constexpr std::string_view k_skipped[] = {
      ".git",   "node_modules", "vendor",      "dist",      "build",
      "target", ".venv",        "__pycache__", ".terraform"};
  return std::find(std::begin(k_skipped), std::end(k_skipped), name) !=
         std::end(k_skipped);
}

bool glob_match(std::string_view pattern, std::string_view path) {
  return match_segments(util::split(pattern, '/'), 0, util::split(path, '/'),
                        0);
}

WorkspaceScan::WorkspaceScan(const std::filesystem::path& root,
                             WalkLimits limits)
    // The root may be a link: the user chose it. Nothing below it is
    // followed.
    : m_root_fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)),
      m_limits(limits) {
  if (m_root_fd < 0) {
    throw Error(util::quote(root.string()) +
                ": cannot read the workspace: " + std::strerror(errno));
  }
  m_entries.reserve(std::min<std::size_t>(limits.max_entries, 4096));
  walk(m_root_fd, "", 0, limits);
  // Views into m_entries, which no longer grows.
  m_paths.reserve(m_entries.size());
  for (const Entry& entry : m_entries) {
    m_paths.insert(entry.path);
  }
}

WorkspaceScan::~WorkspaceScan() {
  if (m_root_fd >= 0) {
    ::close(m_root_fd);
  }
}

// Breadth first within one directory, then into its subdirectories, so
// that a cap cuts the deepest entries rather than a whole branch's
// neighbours.
void WorkspaceScan::walk(int dir_fd, const std::string& prefix, int depth,
                         const WalkLimits& limits) {
  Listing listing = list(dir_fd, limits.max_entries - m_entries.size());
  m_truncated = m_truncated || listing.more;
  std::vector<std::string> subdirectories;
  for (const auto& [name, reported] : listing.names) {
    unsigned char type = type_of(dir_fd, name, reported);
    m_entries.push_back({prefix + name, type == DT_REG});
    if (type == DT_DIR && depth < limits.max_depth &&
        !is_skipped_directory(name)) {
      subdirectories.push_back(name);
    }
  }
  for (const std::string& name : subdirectories) {
    int child = ::openat(dir_fd, name.c_str(),
                         O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW);
    if (child < 0) {
      continue;  // unreadable: seen by name, not entered
    }
    walk(child, prefix + name + "/", depth + 1, limits);
    ::close(child);
    if (m_entries.size() >= limits.max_entries) {
      m_truncated = true;
      return;
    }
  }
}

bool WorkspaceScan::exists(std::string_view path) const noexcept {
  return m_paths.count(path) > 0 || on_disk(path).has_value();
}

// Only when the walk stopped at its cap: what it left out may still be
// there, and a detector asking for "go.mod" by name must not miss it in a
// directory of a million files. The path is held to the walk's rules.
std::optional<bool> WorkspaceScan::on_disk(
    std::string_view path) const noexcept {
  if (!m_truncated || path.empty() || path.front() == '/') {
    return std::nullopt;
  }
  try {
    std::vector<std::string> segments = util::split(path, '/');
    if (static_cast<int>(segments.size()) > m_limits.max_depth + 1) {
      return std::nullopt;
    }
    for (std::size_t i = 0; i < segments.size(); ++i) {
      const std::string& segment = segments[i];
      if (segment.empty() || segment == "." || segment == ".." ||
          (i + 1 < segments.size() && is_skipped_directory(segment))) {
        return std::nullopt;
      }
    }
    int fd = open_beneath(m_root_fd, std::string(path), O_PATH);
    if (fd < 0) {
      return std::nullopt;
    }
    struct stat info {};
    int status = ::fstat(fd, &info);
    ::close(fd);
    if (status != 0) {
      return std::nullopt;
    }
    return S_ISREG(info.st_mode);
  } catch (...) {
    return std::nullopt;
  }
}

// Most detector patterns are a plain path, one top-level segment, or
// "**/<name pattern>"; those are matched without splitting any path.
std::vector<std::string> WorkspaceScan::glob(
    std::string_view pattern) const noexcept {
  std::vector<std::string> found;
  try {
    if (pattern.find_first_of("*?[") == std::string_view::npos) {
      if (exists(pattern)) {
        found.emplace_back(pattern);
      }
      return found;
    }
    const std::string text(pattern);
    const bool top_level = text.find('/') == std::string::npos;
    const bool any_depth = text.starts_with("**/") &&
                           text.find('/', 3) == std::string::npos &&
                           text.find("**", 3) == std::string::npos;
    // "**/*.go": a suffix to compare, no pattern to interpret.
    const std::string_view suffix =
        any_depth && text[3] == '*' &&
                text.find_first_of("*?[", 4) == std::string::npos
            ? std::string_view(text).substr(4)
            : std::string_view();
    const std::vector<std::string> segments = util::split(pattern, '/');
    for (const Entry& entry : m_entries) {
      std::size_t slash = entry.path.rfind('/');
      bool match = false;
      if (top_level) {
        match = slash == std::string::npos &&
                ::fnmatch(text.c_str(), entry.path.c_str(), FNM_PERIOD) == 0;
      } else if (any_depth) {
        const char* name =
            entry.path.c_str() + (slash == std::string::npos ? 0 : slash + 1);
        match = !suffix.empty()
                    ? *name != '.' && std::string_view(name).ends_with(suffix)
                    : ::fnmatch(text.c_str() + 3, name, FNM_PERIOD) == 0;
      } else {
        match = match_segments(segments, 0, util::split(entry.path, '/'), 0);
      }
      if (match) {
        found.push_back(entry.path);
      }
    }
  } catch (...) {
    found.clear();  // out of memory: nothing, rather than a crash
  }
  return found;
}

std::optional<std::string> WorkspaceScan::read_head(
    std::string_view path, std::size_t max_bytes) const noexcept {
  try {
    auto entry = std::find_if(m_entries.begin(), m_entries.end(),
                              [&](const Entry& e) { return e.path == path; });
    bool regular = entry != m_entries.end() ? entry->regular_file
                                            : on_disk(path).value_or(false);
    if (!regular) {
      return std::nullopt;
    }
    int fd = open_beneath(m_root_fd, std::string(path));
    if (fd < 0) {
      return std::nullopt;
    }
    std::string head(std::min(max_bytes, k_max_head), '\0');
    ssize_t n = ::read(fd, head.data(), head.size());
    ::close(fd);
    if (n < 0) {
      return std::nullopt;
    }
    head.resize(static_cast<std::size_t>(n));
    return head;
  } catch (...) {
    return std::nullopt;
  }
}

}  // namespace b2b::workspace
