// SPDX-License-Identifier: Apache-2.0
#include "helper_credential.hpp"

#include <boost/json.hpp>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <thread>

namespace b2b::auth_command {
namespace {

namespace fs = std::filesystem;
namespace json = boost::json;

constexpr std::size_t k_max_output = 64 * 1024;
// Past any credential's life (the year 5138): a larger number is
// milliseconds, or garbage, and would overflow the clock.
constexpr double k_latest_seconds = 1e11;

std::string trimmed(std::string_view text) {
  const char* blank = " \t\r\n";
  std::size_t start = text.find_first_not_of(blank);
  if (start == std::string_view::npos) {
    return "";
  }
  return std::string(
      text.substr(start, text.find_last_not_of(blank) + 1 - start));
}

// Whether `value` can be a credential: printable, no blank.
bool printable_token(std::string_view value) {
  return !value.empty() &&
         std::all_of(value.begin(), value.end(),
                     [](unsigned char c) { return c > 0x20 && c < 0x7f; });
}

// "2026-12-04T10:00:00Z", "...T10:00:00.123+01:00": RFC 3339's form.
std::optional<Clock::time_point> parse_rfc3339(const std::string& text) {
  std::tm parts{};
  int used = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &parts.tm_year,
                  &parts.tm_mon, &parts.tm_mday, &parts.tm_hour, &parts.tm_min,
                  &parts.tm_sec, &used) != 6 ||
      used != 19) {
    return std::nullopt;
  }
  std::size_t at = 19;
  if (at < text.size() && text[at] == '.') {
    do {
      ++at;
    } while (at < text.size() &&
             std::isdigit(static_cast<unsigned char>(text[at])));
  }
  long offset = 0;
  if (at + 1 == text.size() && (text[at] == 'Z' || text[at] == 'z')) {
    offset = 0;
  } else if (at + 6 == text.size() && (text[at] == '+' || text[at] == '-') &&
             text[at + 3] == ':') {
    int hours = 0, minutes = 0;
    if (std::sscanf(text.c_str() + at + 1, "%2d:%2d", &hours, &minutes) != 2) {
      return std::nullopt;
    }
    offset = (text[at] == '-' ? -1 : 1) * (hours * 3600L + minutes * 60L);
  } else {
    return std::nullopt;
  }
  parts.tm_year -= 1900;
  parts.tm_mon -= 1;
  std::time_t utc = ::timegm(&parts);
  if (utc == -1) {
    return std::nullopt;
  }
  return Clock::from_time_t(utc - offset);
}

std::variant<Issued, std::string> parse_json(std::string_view text,
                                             Clock::time_point now) {
  boost::system::error_code error;
  json::value value = json::parse(text, error);
  if (error || !value.is_object()) {
    return std::string(
        "printed something that starts like JSON but is not "
        "a JSON object");
  }
  const json::object& object = value.get_object();
  const json::value* token = object.if_contains("token");
  if (token == nullptr) {
    token = object.if_contains("value");
  }
  if (token == nullptr || !token->is_string() ||
      !printable_token(token->get_string())) {
    return std::string(
        "printed JSON without a \"token\" string (printable, "
        "without blanks)");
  }
  Issued issued{std::string(token->get_string()), std::nullopt};
  if (const json::value* at = object.if_contains("expires_at")) {
    if (at->is_string()) {
      issued.expires = parse_rfc3339(std::string(at->get_string()));
    } else if (at->is_number() && at->to_number<double>() > 0 &&
               at->to_number<double>() < k_latest_seconds) {
      issued.expires =
          Clock::from_time_t(static_cast<std::time_t>(at->to_number<double>()));
    }
    if (!issued.expires) {
      return std::string(
          "printed an \"expires_at\" that is neither RFC 3339 "
          "time (2026-12-04T10:00:00Z) nor Unix seconds (not "
          "milliseconds)");
    }
  } else if (const json::value* in = object.if_contains("expires_in")) {
    if (!in->is_number() || in->to_number<double>() < 0 ||
        in->to_number<double>() > k_latest_seconds) {
      return std::string(
          "printed an \"expires_in\" that is not a number of "
          "seconds");
    }
    issued.expires = now + std::chrono::seconds(static_cast<std::int64_t>(
                               in->to_number<double>()));
  }
  if (issued.expires && *issued.expires <= now) {
    return std::string("printed a credential that has already expired");
  }
  return issued;
}

// Holds an exclusive lock on a file for as long as it lives, if it got one.
class CacheLock {
 public:
  CacheLock(const fs::path& path, std::chrono::seconds wait)
      : m_fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600)) {
    if (m_fd < 0) {
      return;
    }
    auto give_up = std::chrono::steady_clock::now() + wait;
    while (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
      if (errno != EWOULDBLOCK || std::chrono::steady_clock::now() >= give_up) {
        ::close(m_fd);
        m_fd = -1;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  ~CacheLock() {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
  }
  CacheLock(const CacheLock&) = delete;
  CacheLock& operator=(const CacheLock&) = delete;
  bool held() const { return m_fd >= 0; }

 private:
  int m_fd;
};

// The kept credential, if it is still good at `now`.
std::optional<Issued> fresh(const fs::path& cache, Clock::time_point now) {
  std::FILE* file = std::fopen(cache.c_str(), "rb");
  if (file == nullptr) {
    return std::nullopt;
  }
  std::string text(k_max_output, '\0');
  text.resize(std::fread(text.data(), 1, text.size(), file));
  std::fclose(file);
  boost::system::error_code error;
  json::value kept = json::parse(text, error);
  if (error || !kept.is_object()) {
    return std::nullopt;
  }
  const json::object& object = kept.get_object();
  const json::value* value = object.if_contains("value");
  const json::value* obtained = object.if_contains("obtained");
  const json::value* expires = object.if_contains("expires");
  if (value == nullptr || !value->is_string() || obtained == nullptr ||
      !obtained->is_int64() || expires == nullptr || !expires->is_int64()) {
    return std::nullopt;
  }
  auto from = Clock::from_time_t(obtained->get_int64());
  auto until = Clock::from_time_t(expires->get_int64());
  auto margin =
      std::min<Clock::duration>(std::chrono::minutes(5), (until - from) / 4);
  if (until - now <= margin) {
    return std::nullopt;
  }
  return Issued{std::string(value->get_string()), until};
}

// `dir`, made if missing, when it is this user's alone (0700): else
// another user could plant a credential in it or read one.
bool private_directory(const fs::path& dir) {
  std::error_code ignored;
  fs::create_directories(dir, ignored);
  ::chmod(dir.c_str(), 0700);
  struct stat info {};
  return ::lstat(dir.c_str(), &info) == 0 && S_ISDIR(info.st_mode) &&
         info.st_uid == ::geteuid() && (info.st_mode & 077) == 0;
}

void keep(const fs::path& cache, const Issued& issued, Clock::time_point now) {
  json::object kept{{"value", issued.value},
                    {"obtained", Clock::to_time_t(now)},
                    {"expires", Clock::to_time_t(*issued.expires)}};
  std::string text = json::serialize(kept);
  char suffix[32];
  std::snprintf(suffix, sizeof suffix, ".%d.partial",
                static_cast<int>(::getpid()));
  fs::path partial = cache;
  partial += suffix;
  int fd = ::open(partial.c_str(),
                  O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0) {
    return;
  }
  bool written = ::write(fd, text.data(), text.size()) ==
                 static_cast<ssize_t>(text.size());
  written = ::fsync(fd) == 0 && written;
  ::close(fd);
  if (!written || ::rename(partial.c_str(), cache.c_str()) != 0) {
    ::unlink(partial.c_str());
  }
}

}  // namespace

std::variant<Issued, std::string> parse_output(std::string_view output,
                                               Clock::time_point now) {
  if (output.size() > k_max_output) {
    return std::string("printed more than 64 KiB");
  }
  std::string text = trimmed(output);
  if (text.empty()) {
    return std::string("printed nothing");
  }
  if (text.front() == '{') {
    return parse_json(text, now);
  }
  if (text.find('\n') != std::string::npos) {
    return std::string("printed more than one line");
  }
  if (!printable_token(text)) {
    return std::string("printed a line with blanks or control characters");
  }
  return Issued{text, std::nullopt};
}

fs::path cache_file(const fs::path& cache_dir, std::string_view command,
                    std::string_view variable) {
  // FNV-1a: stable from build to build, which std::hash need not be.
  std::uint64_t hash = 14695981039346656037ull;
  auto mix = [&hash](std::string_view text) {
    for (unsigned char c : text) {
      hash = (hash ^ c) * 1099511628211ull;
    }
  };
  mix(command);
  mix(std::string_view("\0", 1));
  mix(variable);
  char name[32];
  std::snprintf(name, sizeof name, "%016llx.json",
                static_cast<unsigned long long>(hash));
  return cache_dir / name;
}

Outcome obtain(const fs::path& cache,
               const std::function<Clock::time_point()>& clock,
               std::chrono::seconds wait,
               const std::function<Outcome()>& run_helper) {
  if (cache.empty() || !private_directory(cache.parent_path())) {
    return run_helper();  // nowhere safe to keep it, nor to lock
  }
  fs::path lock_path = cache;
  lock_path += ".lock";
  CacheLock lock(lock_path, wait);
  // The time now, after any wait for another launch's helper.
  if (std::optional<Issued> kept = fresh(cache, clock())) {
    return *kept;
  }
  Outcome outcome = run_helper();
  if (const Issued* issued = std::get_if<Issued>(&outcome);
      issued != nullptr && issued->expires && lock.held()) {
    keep(cache, *issued, clock());
  }
  return outcome;
}

}  // namespace b2b::auth_command
