// SPDX-License-Identifier: Apache-2.0
#include "core/update/release_check.hpp"

#include "core/app/build_info.hpp"
#include "core/config/settings.hpp"
#include "core/log/log.hpp"
#include "core/net/http_client.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <charconv>
#include <cstdio>

namespace b2b::update {

namespace {

using Clock = std::chrono::steady_clock;

// An index is a few lines, a list a line a file; much bigger is not one.
constexpr std::size_t k_index_limit = 64 * 1024;
constexpr std::size_t k_list_limit = 64 * 1024;
constexpr std::size_t k_signature_limit = 4 * 1024;

std::string megabytes(std::uint64_t bytes) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", static_cast<double>(bytes) / 1e6);
  return text;
}

// "downloading NAME: 4.2 of 9.8 MB", at most ten times a second.
auto progress_line(std::string_view label) {
  return
      [name = std::string(label), last = Clock::time_point()](
          std::size_t received, std::optional<std::uint64_t> length) mutable {
        auto now = Clock::now();
        if (now - last < std::chrono::milliseconds(100)) {
          return;
        }
        last = now;
        log::progress("downloading " + name + ": " + megabytes(received) +
                      (length ? " of " + megabytes(*length) : std::string()) +
                      " MB");
      };
}

}  // namespace

std::string release_index_url(const config::Settings& settings) {
  std::string url = settings.value("BACK2BASE_UPDATE_URL").value_or("");
  if (url.empty()) {
    url = std::string(app::build_info().release_index_url);
  }
  if (url.empty()) {
    throw Error(
        "update: this build has no release channel (it was not built for "
        "release); set BACK2BASE_UPDATE_URL to a release index, or update "
        "the way you built it");
  }
  return url;
}

Deadlines update_deadlines(const config::Settings& settings) {
  Deadlines deadlines;
  std::optional<config::Setting> setting =
      settings.get("BACK2BASE_UPDATE_TIMEOUT");
  if (!setting || setting->value.empty()) {
    return deadlines;
  }
  const std::string& text = setting->value;
  unsigned seconds = 0;
  auto [end, error] =
      std::from_chars(text.data(), text.data() + text.size(), seconds);
  if (error != std::errc() || end != text.data() + text.size() ||
      seconds == 0) {
    throw Error(setting->where +
                    ": BACK2BASE_UPDATE_TIMEOUT=" + util::quote(text) +
                    " is not a number of seconds; set it to one (30 when "
                    "unset)",
                exit_status::k_usage);
  }
  deadlines.idle = std::chrono::seconds(seconds);
  return deadlines;
}

std::string download(const std::string& url, std::size_t limit,
                     const Deadlines& deadlines, std::string_view label) {
  net::HttpRequest request;
  request.url = url;
  request.headers = {
      {"User-Agent",
       "oss-back2base/" + std::string(app::build_info().version)}};
  request.timeout = deadlines.total;
  request.idle_timeout = deadlines.idle;
  request.body_limit = limit;
  request.max_redirects = 5;
  if (!label.empty()) {
    request.progress = progress_line(label);
  }
  net::HttpResponse response = net::fetch(request);
  log::progress_end();
  // An error status says more than the body it came with; a redirect
  // that was not followed, less than why.
  if (response.status >= 400 ||
      (response.complete() && response.status != 200)) {
    throw Error("update: " + response.url + ": HTTP " +
                std::to_string(response.status) + " " + response.reason +
                "; check BACK2BASE_UPDATE_URL, or try again later");
  }
  if (!response.complete()) {
    throw Error("update: " + url + ": " + response.error +
                "; nothing was changed, try again later");
  }
  return std::move(response.body);
}

namespace {

std::string fetch_signed_list(const ReleaseIndex& release,
                              std::string_view release_key,
                              const Deadlines& deadlines) {
  std::string list = download(release.checksums_url, k_list_limit, deadlines);
  std::string signature =
      download(release.signature_url, k_signature_limit, deadlines);
  verify_checksum_list(list, signature, release_key, release.version);
  return list;
}

}  // namespace

Availability check_release(const std::string& index_url,
                           std::string_view running_version,
                           std::string_view release_key,
                           const Deadlines& deadlines) {
  std::optional<Version> running = parse_version(running_version);
  if (!running) {
    throw Error("update: this build's version " +
                util::quote(std::string(running_version)) +
                " is not a release version; update the way you built it");
  }
  Availability availability;
  availability.running = *running;
  availability.latest = parse_release_index(
      download(index_url, k_index_limit, deadlines), index_url);
  auto order = availability.latest.version <=> *running;
  availability.standing = order > 0    ? Standing::newer
                          : order == 0 ? Standing::same
                                       : Standing::older;
  if (availability.standing != Standing::same) {
    availability.signed_list =
        fetch_signed_list(availability.latest, release_key, deadlines);
  }
  return availability;
}

}  // namespace b2b::update
