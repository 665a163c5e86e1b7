// SPDX-License-Identifier: Apache-2.0
// The one walk of the workspace that every detector shares. It is bounded
// three ways (depth, the directories it does not enter, a cap on entries),
// never follows a symbolic link, and reads a file only when a detector asks
// for its first bytes.
#pragma once

#include <back2base/sdk/workspace.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace b2b::workspace {

struct WalkLimits {
  /// How deep to go below the root: 2 sees "cmd/app/main.go".
  int max_depth = 2;
  /// The most entries read before the walk stops: two levels of a large
  /// monorepo hold a few thousand, and a manifest past the cap is still
  /// found by name. At the cap, walk and detection take about 6 ms.
  std::size_t max_entries = 5000;
};

/// Directories seen by name but never entered: dependencies, build output,
/// caches, version control.
bool is_skipped_directory(std::string_view name);

/// Whether `path` (relative, with "/") matches `pattern`: `*` and `?`
/// within a segment, a `**` segment for any number of directories.
bool glob_match(std::string_view pattern, std::string_view path);

class WorkspaceScan final : public sdk::WorkspaceIndex {
 public:
  /// Walks `root` within `limits`. Throws `Error` naming `root` when it
  /// cannot be opened as a directory; what cannot be read below it is
  /// left out.
  WorkspaceScan(const std::filesystem::path& root, WalkLimits limits = {});
  ~WorkspaceScan() override;
  WorkspaceScan(const WorkspaceScan&) = delete;
  WorkspaceScan& operator=(const WorkspaceScan&) = delete;

  bool exists(std::string_view path) const noexcept override;
  std::vector<std::string> glob(
      std::string_view pattern) const noexcept override;
  std::optional<std::string> read_head(
      std::string_view path, std::size_t max_bytes) const noexcept override;

  /// How many entries the walk saw.
  std::size_t size() const { return m_entries.size(); }
  /// True when the walk stopped at `max_entries`. Paths asked for by name
  /// are then also looked up on disk, within the same bounds, so that a
  /// manifest is found in a directory too large to read.
  bool truncated() const { return m_truncated; }

 private:
  struct Entry {
    std::string path;
    bool regular_file;
  };
  void walk(int dir_fd, const std::string& prefix, int depth,
            const WalkLimits& limits);
  /// Whether `path`, which the walk did not see, is on disk within the
  /// walk's bounds (true: a regular file); none when it is not, or when
  /// the walk was complete and so already knows.
  std::optional<bool> on_disk(std::string_view path) const noexcept;

  int m_root_fd = -1;
  WalkLimits m_limits;
  std::vector<Entry> m_entries;
  std::unordered_set<std::string_view> m_paths;
  bool m_truncated = false;
};

}  // namespace b2b::workspace
