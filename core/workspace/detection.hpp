// SPDX-License-Identifier: Apache-2.0
// Asking every detector about the workspace, each with a deadline. A
// detector that throws, overruns or answers nonsense is reported and left
// out; the others still count.
#pragma once

#include "core/plugin/registry.hpp"

#include <back2base/sdk/detector.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace b2b::workspace {

/// What one detector said, or why it was ignored.
struct DetectorOutcome {
  std::string detector;
  std::vector<sdk::Detection> matches;  ///< empty when ignored
  std::string problem;                  ///< why it was ignored, if it was
};

/// Runs each of `detectors` on `index`, all at once, and waits for each at
/// most until `deadline` has passed since the start. A detector still
/// running then is abandoned: its thread keeps the index and its library
/// alive until it returns, and its answer is dropped. A match is nonsense when
/// its profile is not 1 to 64 of [a-z0-9-], its confidence is not in (0, 1], or
/// its evidence names a path the walk did not see.
std::vector<DetectorOutcome> run_detectors(
    const std::vector<plugin::PluginRef<sdk::WorkspaceDetector>>& detectors,
    std::shared_ptr<const sdk::WorkspaceIndex> index,
    std::chrono::milliseconds deadline);

}  // namespace b2b::workspace
