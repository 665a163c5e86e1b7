// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::sdk {

/// A read-only view of the workspace, made by the host in one bounded walk
/// and shared by every detector. Paths are relative to the workspace root
/// and use `/`. The host implements it; the object outlives the call it is
/// passed to, and none of its methods throw. A detector reads the disk only
/// through this view.
class WorkspaceIndex {
 public:
  virtual ~WorkspaceIndex() = default;

  /// True when the walk saw `path` (a file or a directory). Never blocks.
  virtual bool exists(std::string_view path) const noexcept = 0;

  /// The paths the walk saw that match `pattern`, in walk order: `*` and
  /// `?` match within one path segment, a `**` segment matches any number
  /// of directories ("**/*.go"). The vector is the caller's. Never blocks.
  virtual std::vector<std::string> glob(
      std::string_view pattern) const noexcept = 0;

  /// Up to `max_bytes` (at most 64 KiB) from the start of the file `path`,
  /// or no value when the walk did not see it as a regular file or it cannot
  /// be read. May block on the disk.
  virtual std::optional<std::string> read_head(
      std::string_view path, std::size_t max_bytes) const noexcept = 0;
};

}  // namespace b2b::sdk
