// SPDX-License-Identifier: Apache-2.0
#include "core/util/files.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace b2b::util {
namespace {

std::string system_reason() {
  return std::strerror(errno);
}

// Writes all of `content` to `fd`, retrying short writes.
bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    ssize_t written = ::write(fd, content.data(), content.size());
    if (written < 0 && errno == EINTR) {
      continue;
    }
    if (written <= 0) {
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(written));
  }
  return true;
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  std::optional<std::string> content = read_file_if_exists(path);
  if (!content) {
    throw Error(quote(path.string()) +
                ": cannot read: " + std::strerror(ENOENT));
  }
  return *content;
}

std::optional<std::string> read_file_if_exists(
    const std::filesystem::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    if (errno == ENOENT) {
      return std::nullopt;
    }
    throw Error(quote(path.string()) + ": cannot read: " + system_reason());
  }
  struct stat info {};
  bool stat_failed = ::fstat(fd, &info) != 0;
  if (stat_failed || !S_ISREG(info.st_mode)) {
    std::string reason = stat_failed             ? system_reason()
                         : S_ISDIR(info.st_mode) ? std::strerror(EISDIR)
                                                 : "not a regular file";
    ::close(fd);
    throw Error(quote(path.string()) + ": cannot read: " + reason);
  }
  std::string content;
  char buffer[65536];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      std::string reason = system_reason();
      ::close(fd);
      throw Error(quote(path.string()) + ": cannot read: " + reason);
    }
    if (n == 0) {
      break;
    }
    content.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return content;
}

void write_file_atomic(const std::filesystem::path& path,
                       std::string_view content, unsigned mode) {
  std::filesystem::path temporary = path;
  temporary += ".tmp-XXXXXX";
  std::string name = temporary.string();
  int fd = ::mkostemp(name.data(), O_CLOEXEC);
  if (fd < 0) {
    throw Error(quote(path.string()) + ": cannot write: " + system_reason());
  }
  bool ok =
      ::fchmod(fd, mode) == 0 && write_all(fd, content) && ::fsync(fd) == 0;
  int reason = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = errno;
  }
  if (ok && ::rename(name.c_str(), path.c_str()) == 0) {
    return;
  }
  if (ok) {
    reason = errno;
  }
  ::unlink(name.c_str());
  throw Error(quote(path.string()) + ": cannot write: " +
              std::strerror(reason) + "; the file was left as it was");
}

bool create_file_exclusive(const std::filesystem::path& path,
                           std::string_view content, unsigned mode) {
  std::filesystem::path temporary = path;
  temporary += ".new-" + std::to_string(::getpid());
  write_file_atomic(temporary, content, mode);
  bool created = ::link(temporary.c_str(), path.c_str()) == 0;
  int reason = errno;
  ::unlink(temporary.c_str());
  if (created || reason == EEXIST) {
    return created;
  }
  throw Error(quote(path.string()) +
              ": cannot create: " + std::strerror(reason));
}

void create_directories(const std::filesystem::path& dir, unsigned mode) {
  std::error_code error;
  if (dir.empty() || std::filesystem::is_directory(dir, error)) {
    return;
  }
  create_directories(dir.parent_path(), mode);
  if (::mkdir(dir.c_str(), mode) != 0 && errno != EEXIST) {
    throw Error(quote(dir.string()) +
                ": cannot create the directory: " + system_reason());
  }
}

}  // namespace b2b::util
