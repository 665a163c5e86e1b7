// SPDX-License-Identifier: Apache-2.0
#include "core/config/last_profile.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/json_output.hpp"

#include <boost/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <cerrno>
#include <cstring>

namespace b2b::config {
namespace {

namespace json = boost::json;

constexpr const char* k_file = "last-profile.json";

/// The file's object, or an empty one when it is missing or not JSON.
json::object read_store(const std::filesystem::path& path) {
  std::optional<std::string> text;
  try {
    text = util::read_file_if_exists(path);
  } catch (const Error&) {
    return {};
  }
  if (!text) {
    return {};
  }
  boost::system::error_code error;
  json::value value = json::parse(*text, error);
  if (error || !value.is_object()) {
    return {};
  }
  return value.get_object();
}

/// Holds an exclusive lock on `path` for as long as it lives.
class FileLock {
 public:
  explicit FileLock(const std::filesystem::path& path)
      : m_fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (m_fd < 0 || ::flock(m_fd, LOCK_EX) != 0) {
      throw Error(path.string() + ": cannot lock: " + std::strerror(errno) +
                  "; check the state directory's permissions");
    }
  }
  ~FileLock() { ::close(m_fd); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int m_fd;
};

}  // namespace

std::optional<std::string> remembered_profile(
    const std::filesystem::path& state_dir, const std::string& namespace_name) {
  json::object store = read_store(state_dir / k_file);
  const json::value* namespaces = store.if_contains("namespaces");
  if (namespaces == nullptr || !namespaces->is_object()) {
    return std::nullopt;
  }
  const json::value* entry =
      namespaces->get_object().if_contains(namespace_name);
  if (entry == nullptr) {
    return std::nullopt;
  }
  if (entry->is_string()) {
    return std::string(entry->get_string());
  }
  const json::value* profile =
      entry->is_object() ? entry->get_object().if_contains("profile") : nullptr;
  if (profile == nullptr || !profile->is_string() ||
      profile->get_string().empty()) {
    return std::nullopt;
  }
  return std::string(profile->get_string());
}

void remember_profile(const std::filesystem::path& state_dir,
                      const std::string& namespace_name,
                      const std::string& profile) {
  FileLock lock(state_dir / (std::string(k_file) + ".lock"));
  std::filesystem::path path = state_dir / k_file;
  json::object store = read_store(path);
  json::value& namespaces = store["namespaces"];
  if (!namespaces.is_object()) {
    namespaces = json::object();
  }
  json::value& entry = namespaces.get_object()[namespace_name];
  if (!entry.is_object()) {
    entry = json::object();
  }
  entry.get_object()["profile"] = profile;
  util::write_file_atomic(path, util::pretty_json(store), 0644);
}

}  // namespace b2b::config
