// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <back2base/sdk/plugin.hpp>
#include <back2base/sdk/result.hpp>
#include <back2base/sdk/workspace.hpp>

#include <string>
#include <vector>

namespace b2b::sdk {

/// One profile a detector recommends for the workspace, and why.
struct Detection {
  std::string profile;                ///< a profile name: "go"
  double confidence = 0.0;            ///< from 0 (a hint) to 1 (certain)
  std::vector<std::string> evidence;  ///< the paths that convinced it
};

/// Recognises a kind of workspace (a Go module, a Python project, ...) and
/// recommends the tool profiles that suit it. The host calls `detect` from
/// one thread at a time and gives it a deadline; a detector that overruns
/// it, throws or returns nonsense is reported and ignored.
class B2B_SDK_DETAIL_EXPORT WorkspaceDetector : public Plugin {
 public:
  /// The kind this interface's plugins declare in their descriptor.
  static constexpr PluginKind k_kind = PluginKind::detector;
  /// Always `k_kind`; the host checks it against the descriptor.
  PluginKind kind() const noexcept final { return k_kind; }

  /// Looks at `workspace` and appends what it recognises to `matches`;
  /// appends nothing when the workspace is not of its kind. Must not block
  /// beyond what `WorkspaceIndex::read_head` does. Fails only when it cannot
  /// decide (not when it finds nothing).
  virtual Result detect(const WorkspaceIndex& workspace,
                        std::vector<Detection>& matches) = 0;
};

}  // namespace b2b::sdk
