// SPDX-License-Identifier: Apache-2.0
#include "core/payload/payload.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <vector>

namespace b2b::payload {
namespace {

namespace fs = std::filesystem;

class Hasher {
 public:
  Hasher() { crypto_generichash_init(&m_state, nullptr, 0, k_size); }
  void add(std::string_view path, unsigned mode,
           std::span<const std::uint8_t> content) {
    std::string header = std::string(path) + '\0' + std::to_string(mode) +
                         '\0' + std::to_string(content.size()) + '\0';
    update(util::bytes_of(header));
    update(content);
  }
  std::string finish() {
    unsigned char digest[k_size];
    crypto_generichash_final(&m_state, digest, k_size);
    return util::to_hex(digest, k_size);
  }

 private:
  static constexpr std::size_t k_size = 32;
  void update(std::span<const std::uint8_t> bytes) {
    crypto_generichash_update(&m_state, bytes.data(), bytes.size());
  }
  crypto_generichash_state m_state;
};

// Holds an exclusive flock on `path` for as long as it lives.
class FileLock {
 public:
  explicit FileLock(const fs::path& path)
      : m_fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0) {
      std::string reason = std::strerror(errno);
      if (m_fd >= 0) {
        ::close(m_fd);
      }
      throw Error(util::quote(path.string()) + ": cannot lock it: " + reason +
                  "; check the directory's permissions");
    }
  }
  ~FileLock() { ::close(m_fd); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int m_fd;
};

fs::path make_staging_dir(const fs::path& target) {
  std::string pattern = target.string() + ".tmp-XXXXXX";
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw Error(
        util::quote(target.parent_path().string()) +
        ": cannot create a directory to extract into: " + std::strerror(errno));
  }
  ::chmod(pattern.c_str(), 0755);
  return pattern;
}

// Leftovers of extractions that were killed; only called under the lock.
void remove_leftovers(const fs::path& target) {
  const std::string prefix = target.filename().string() + ".tmp-";
  std::error_code ignored;
  for (const auto& entry :
       fs::directory_iterator(target.parent_path(), ignored)) {
    if (entry.path().filename().string().starts_with(prefix)) {
      fs::remove_all(entry.path(), ignored);
    }
  }
}

void write_tree(const fs::path& root, std::span<const PayloadFile> files) {
  for (const PayloadFile& file : files) {
    fs::path path = root / file.path;
    util::create_directories(path.parent_path(), 0755);
    std::string_view content(reinterpret_cast<const char*>(file.bytes.data()),
                             file.bytes.size());
    util::write_file_atomic(path, content, mode_of(file));
  }
}

[[noreturn]] void refuse_non_directory(const fs::path& target) {
  throw Error(util::quote(target.string()) +
              ": is not a directory, but oss-back2base keeps its container "
              "files there; move it away and run again");
}

// Puts `staging` at `target`: an exchange in one step where the file
// system has one, so that `target` never goes missing; else the old tree
// is moved aside first. Returns where the old tree now is, if there was
// one. Called under the lock.
std::optional<fs::path> swap_into_place(const fs::path& staging,
                                        const fs::path& target) {
  if (::renameat2(AT_FDCWD, staging.c_str(), AT_FDCWD, target.c_str(),
                  RENAME_EXCHANGE) == 0) {
    return staging;
  }
  if (errno == ENOENT && ::rename(staging.c_str(), target.c_str()) == 0) {
    return std::nullopt;
  }
  // NFS and many FUSE file systems have no exchange.
  if (errno == EINVAL || errno == ENOSYS) {
    fs::path aside = staging.string() + "-old";
    if (::rename(target.c_str(), aside.c_str()) == 0 &&
        ::rename(staging.c_str(), target.c_str()) == 0) {
      return aside;
    }
  }
  throw Error(util::quote(target.string()) +
              ": cannot put the extracted files in place: " +
              std::strerror(errno) + "; check the directory's permissions");
}

}  // namespace

std::string_view embedded_text(std::string_view path) {
  for (const PayloadFile& file : embedded_payload()) {
    if (file.path == path) {
      return {reinterpret_cast<const char*>(file.bytes.data()),
              file.bytes.size()};
    }
  }
  throw Error("the payload has no " + std::string(path) +
              "; this build of oss-back2base is broken, please report it");
}

unsigned mode_of(const PayloadFile& file) {
  bool script =
      file.bytes.size() >= 2 && file.bytes[0] == '#' && file.bytes[1] == '!';
  return script ? 0755 : 0644;
}

std::string payload_hash(std::span<const PayloadFile> files) {
  Hasher hasher;
  for (const PayloadFile& file : files) {
    hasher.add(file.path, mode_of(file), file.bytes);
  }
  return hasher.finish();
}

std::string tree_hash(const fs::path& dir) {
  std::error_code error;
  if (!fs::is_directory(fs::symlink_status(dir, error))) {
    return "";
  }
  std::map<std::string, fs::path> files;  // sorted as the payload is
  fs::recursive_directory_iterator walk(dir, error), end;
  for (; !error && walk != end; walk.increment(error)) {
    fs::file_status status = walk->symlink_status(error);
    if (fs::is_directory(status)) {
      continue;
    }
    if (!fs::is_regular_file(status)) {
      return "";
    }
    files.emplace(fs::relative(walk->path(), dir).generic_string(),
                  walk->path());
  }
  if (error) {
    return "";
  }
  Hasher hasher;
  for (const auto& [relative, path] : files) {
    struct stat info {};
    std::optional<std::string> content;
    try {
      content = util::read_file_if_exists(path);
    } catch (const Error&) {
      return "";
    }
    if (!content || ::stat(path.c_str(), &info) != 0) {
      return "";
    }
    hasher.add(relative, (info.st_mode & 0100) != 0 ? 0755 : 0644,
               util::bytes_of(*content));
  }
  return hasher.finish();
}

Extraction ensure_extracted(const fs::path& target,
                            std::span<const PayloadFile> files) {
  if (sodium_init() < 0) {
    throw Error("libsodium: cannot initialise; is /dev/urandom readable?");
  }
  const std::string wanted = payload_hash(files);
  std::error_code error;
  fs::file_status status = fs::symlink_status(target, error);
  if (fs::exists(status) && !fs::is_directory(status)) {
    refuse_non_directory(target);
  }
  if (tree_hash(target) == wanted) {
    return Extraction::current;
  }
  util::create_directories(target.parent_path(), 0700);
  FileLock lock(target.string() + ".lock");
  // Another process may have finished while this one waited, or something
  // else may now be in the way.
  status = fs::symlink_status(target, error);
  bool existed = fs::exists(status);
  if (existed && !fs::is_directory(status)) {
    refuse_non_directory(target);
  }
  if (existed && tree_hash(target) == wanted) {
    return Extraction::current;
  }
  remove_leftovers(target);
  fs::path staging = make_staging_dir(target);
  try {
    write_tree(staging, files);
  } catch (...) {
    fs::remove_all(staging, error);
    throw;
  }
  if (std::optional<fs::path> old = swap_into_place(staging, target)) {
    fs::remove_all(*old, error);
  }
  return existed ? Extraction::replaced : Extraction::extracted;
}

}  // namespace b2b::payload
