// SPDX-License-Identifier: Apache-2.0
#include "core/update/update_notice.hpp"

#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <boost/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace b2b::update {
namespace {

namespace json = boost::json;
constexpr std::int64_t k_day = 24 * 60 * 60;

std::int64_t number_member(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value && value->is_int64() ? value->get_int64() : 0;
}

std::string string_member(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  return value && value->is_string() ? std::string(value->get_string()) : "";
}

// In a session of its own, so that the terminal's Ctrl-C and hang-up do
// not reach it: it finishes its check even after this command ended.
pid_t spawn_detached(const std::filesystem::path& executable) {
  posix_spawn_file_actions_t actions;
  posix_spawnattr_t attributes;
  posix_spawn_file_actions_init(&actions);
  posix_spawnattr_init(&attributes);
  for (int fd = 0; fd <= 2; ++fd) {
    posix_spawn_file_actions_addopen(&actions, fd, "/dev/null",
                                     fd == 0 ? O_RDONLY : O_WRONLY, 0);
  }
  // No descriptor of this process reaches it: a session's pipe held open
  // by the check would keep the session's reader waiting.
  posix_spawn_file_actions_addclosefrom_np(&actions, 3);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSID);
  std::string path = executable.string();
  char* argv[] = {path.data(), const_cast<char*>("update"),
                  const_cast<char*>("--check"), const_cast<char*>("--record"),
                  nullptr};
  pid_t child = -1;
  int error =
      posix_spawn(&child, path.c_str(), &actions, &attributes, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return error == 0 ? child : -1;
}

}  // namespace

CheckRecord read_check_record(const std::filesystem::path& file) {
  CheckRecord record;
  std::optional<std::string> text = util::read_file_if_exists(file);
  if (!text) {
    return record;
  }
  boost::system::error_code error;
  json::value value = json::parse(*text, error);
  const json::object* object = error ? nullptr : value.if_object();
  if (object == nullptr) {
    return record;
  }
  record.checked_at = number_member(*object, "checked_at");
  record.latest = string_member(*object, "latest");
  record.error = string_member(*object, "error");
  record.noticed_at = number_member(*object, "noticed_at");
  return record;
}

void write_check_record(const std::filesystem::path& file,
                        const CheckRecord& record) {
  json::object object{{"checked_at", record.checked_at},
                      {"latest", record.latest},
                      {"error", record.error},
                      {"noticed_at", record.noticed_at}};
  util::create_directories(file.parent_path(), 0700);
  util::write_file_atomic(file, json::serialize(object) + "\n", 0644);
}

bool check_due(const CheckRecord& record, std::int64_t now) {
  return now - record.checked_at >= k_day || record.checked_at > now + k_day;
}

std::optional<std::string> due_notice(
    CheckRecord& record, const Version& running,
    const std::function<std::string()>& upgrade, std::int64_t now) {
  std::optional<Version> latest = parse_version(record.latest);
  if (!latest || *latest <= running ||
      (now - record.noticed_at < k_day && record.noticed_at <= now)) {
    return std::nullopt;
  }
  record.noticed_at = now;
  return "oss-back2base " + latest->text + " is out (this is " + running.text +
         "); run " + util::quote(upgrade()) +
         " to update, or set BACK2BASE_NO_UPDATE_CHECK=1 to stop these";
}

bool start_background_check(const std::filesystem::path& executable) {
  pid_t child = spawn_detached(executable);
  if (child < 0) {
    return false;
  }
  // It runs on in its own session; it is reaped when it ends, by init
  // once we have exited, or here if it ended already.
  int status = 0;
  ::waitpid(child, &status, WNOHANG);
  return true;
}

}  // namespace b2b::update
