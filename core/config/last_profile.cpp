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

// The namespace's entry as an object; the older bare name is the profile.
std::optional<json::object> namespace_entry(
    const std::filesystem::path& state_dir, const std::string& namespace_name) {
  json::object store = read_store(state_dir / k_file);
  const json::value* namespaces = store.if_contains("namespaces");
  if (namespaces == nullptr || !namespaces->is_object()) {
    return std::nullopt;
  }
  const json::value* entry =
      namespaces->get_object().if_contains(namespace_name);
  if (entry != nullptr && entry->is_string()) {
    return json::object{{"profile", entry->get_string()}};
  }
  if (entry == nullptr || !entry->is_object()) {
    return std::nullopt;
  }
  return entry->get_object();
}

// Sets one key of the namespace's entry, under the lock, keeping the rest.
void remember(const std::filesystem::path& state_dir,
              const std::string& namespace_name, std::string_view key,
              json::value value) {
  FileLock lock(state_dir / (std::string(k_file) + ".lock"));
  std::filesystem::path path = state_dir / k_file;
  json::object store = read_store(path);
  json::value& namespaces = store["namespaces"];
  if (!namespaces.is_object()) {
    namespaces = json::object();
  }
  json::value& entry = namespaces.get_object()[namespace_name];
  if (entry.is_string()) {
    entry = json::object{{"profile", entry.get_string()}};
  } else if (!entry.is_object()) {
    entry = json::object();
  }
  entry.get_object()[key] = std::move(value);
  util::write_file_atomic(path, util::pretty_json(store), 0644);
}

}  // namespace

std::optional<std::string> remembered_profile(
    const std::filesystem::path& state_dir, const std::string& namespace_name) {
  std::optional<json::object> entry =
      namespace_entry(state_dir, namespace_name);
  const json::value* profile = entry ? entry->if_contains("profile") : nullptr;
  if (profile == nullptr || !profile->is_string() ||
      profile->get_string().empty()) {
    return std::nullopt;
  }
  return std::string(profile->get_string());
}

void remember_profile(const std::filesystem::path& state_dir,
                      const std::string& namespace_name,
                      const std::string& profile) {
  remember(state_dir, namespace_name, "profile", json::value(profile));
}

std::optional<bool> remembered_overview(const std::filesystem::path& state_dir,
                                        const std::string& namespace_name) {
  std::optional<json::object> entry =
      namespace_entry(state_dir, namespace_name);
  const json::value* overview =
      entry ? entry->if_contains("overview") : nullptr;
  if (overview == nullptr || !overview->is_bool()) {
    return std::nullopt;
  }
  return overview->get_bool();
}

void remember_overview(const std::filesystem::path& state_dir,
                       const std::string& namespace_name, bool overview) {
  remember(state_dir, namespace_name, "overview", json::value(overview));
}

}  // namespace b2b::config
