// SPDX-License-Identifier: Apache-2.0
#include "core/config/state.hpp"

#include "core/platform/platform.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <set>

namespace b2b::config {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view k_manifest = ".back2base-seeded";

// Where a payload file goes in the state directory, if it is a default.
std::optional<std::string> state_path(std::string_view payload_path) {
  if (payload_path == "defaults/mcp.json") {
    return ".mcp.json";
  }
  if (payload_path == "defaults/settings.json") {
    return "settings.json";
  }
  for (std::string_view dir : {"defaults/skills/", "defaults/commands/"}) {
    if (payload_path.starts_with(dir)) {
      return std::string(
          payload_path.substr(std::string_view("defaults/").size()));
    }
  }
  return std::nullopt;
}

std::set<std::string> read_manifest(const fs::path& file) {
  std::set<std::string> seen;
  for (const std::string& line :
       util::split(util::read_file_if_exists(file).value_or(""), '\n')) {
    if (!line.empty()) {
      seen.insert(line);
    }
  }
  return seen;
}

void ensure_directory(const fs::path& dir) {
  std::error_code error;
  fs::file_status status = fs::status(dir, error);
  if (fs::exists(status) && !fs::is_directory(status)) {
    throw Error(util::quote(dir.string()) +
                ": is not a directory; move it away and run again");
  }
  util::create_directories(dir, 0700);
}

}  // namespace

SeedReport seed_state(const fs::path& state_dir,
                      std::span<const payload::PayloadFile> files) {
  ensure_directory(state_dir);
  const fs::path manifest = state_dir / k_manifest;
  std::set<std::string> seen = read_manifest(manifest);
  SeedReport report;
  for (const payload::PayloadFile& file : files) {
    std::optional<std::string> relative = state_path(file.path);
    if (!relative || seen.count(*relative) > 0) {
      continue;
    }
    const fs::path target = state_dir / *relative;
    std::error_code error;
    if (fs::exists(fs::symlink_status(target, error))) {
      report.kept.push_back(*relative);
    } else {
      util::create_directories(target.parent_path(), 0700);
      std::string_view content(reinterpret_cast<const char*>(file.bytes.data()),
                               file.bytes.size());
      // The container writes these files too: one made in the meantime is
      // kept, never replaced.
      bool created = util::create_file_exclusive(target, content, 0600);
      (created ? report.seeded : report.kept).push_back(*relative);
    }
    seen.insert(*relative);
  }
  if (!report.seeded.empty() || !report.kept.empty()) {
    std::string text;
    for (const std::string& path : seen) {
      text += path + "\n";
    }
    util::write_file_atomic(manifest, text, 0600);
  }
  return report;
}

std::optional<fs::path> prepare_data_dir(const Settings& settings) {
  std::optional<Setting> setting = settings.get("BACK2BASE_DATA_DIR");
  if (!setting || setting->value.empty()) {
    return std::nullopt;
  }
  fs::path dir(setting->value);
  if (!dir.is_absolute()) {
    std::string where =
        setting->origin == Origin::file ? " (" + setting->where + ")" : "";
    throw Error("BACK2BASE_DATA_DIR" + where + ": " +
                    util::quote(setting->value) +
                    " is not an absolute path; set it to one",
                exit_status::k_usage);
  }
  for (const fs::path& sub : {dir, dir / "plans", dir / "memories"}) {
    ensure_directory(sub);
  }
  return dir;
}

ManagedSettings probe_managed_settings(const Settings& settings) {
  ManagedSettings managed;
  std::optional<std::string> configured =
      settings.value("BACK2BASE_MANAGED_SETTINGS_DIR");
  if (configured && !configured->empty()) {
    managed.dir = *configured;
    managed.origin = "BACK2BASE_MANAGED_SETTINGS_DIR";
  } else {
    managed.dir = platform::k_managed_settings_dir;
    managed.origin = "platform default";
  }
  std::error_code error;
  for (const char* name :
       {"managed-settings.json", "managed-settings.d", "CLAUDE.md"}) {
    fs::path path = managed.dir / name;
    bool directory = std::string_view(name) == "managed-settings.d";
    fs::file_status status = fs::status(path, error);
    if (directory ? fs::is_directory(status) : fs::is_regular_file(status)) {
      managed.found.push_back(path);
    }
  }
  return managed;
}

}  // namespace b2b::config
