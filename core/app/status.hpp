// SPDX-License-Identifier: Apache-2.0
// `status`: where everything is and what state it is in. Reads only.
#pragma once

#include "core/app/context.hpp"
#include "core/config/state.hpp"
#include "core/process/process_runner.hpp"

#include <back2base/sdk/runtime.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace b2b::app {

struct StatusReport {
  config::Paths paths;
  bool env_file_exists = false;
  unsigned env_file_mode = 0;  ///< permission bits, when it exists
  bool state_seeded = false;
  std::string payload_hash;             ///< what this binary carries
  std::string extracted_hash;           ///< on disk; empty when missing
  std::optional<std::string> data_dir;  ///< BACK2BASE_DATA_DIR, if set
  config::ManagedSettings managed;
  std::filesystem::path workspace;  ///< REPO_PATH, else the current dir
  std::string namespace_name;       ///< empty when it cannot be had
  std::string namespace_origin;     ///< where it came from, or why not
  std::string image_tag;            ///< the session image this version uses
  std::string image_state;          ///< "current", "missing" or "unknown"
  std::string image_detail;         ///< the runtime, or why unknown
  /// The auth providers set up, in the order they are asked; or why the
  /// order cannot be had. Nothing is resolved: no helper runs.
  std::vector<std::string> auth_configured;
  std::string auth_problem;
  /// Every container of this tool's, running or not, by session.
  std::vector<sdk::EngineObject> containers;
};

/// Gathers the report without creating or changing anything; asks git
/// through `runner` for the workspace's namespace, and the first runtime
/// that answers for the image and the sessions.
StatusReport collect_status(Context& context, process::ProcessRunner& runner);

/// "current", "stale" or "missing", from the two hashes.
std::string_view payload_state(const StatusReport& report);

}  // namespace b2b::app
