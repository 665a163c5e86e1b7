// SPDX-License-Identifier: Apache-2.0
// What is left of sessions, and cleaning it up: `clean` (this project's
// containers and session files), `prune` (old images of this tool) and
// `wipe-images` (all of them). Only ever what this tool made: images of
// its own repository, containers with its labels; never one in use.
#pragma once

#include "core/app/context.hpp"

#include <back2base/sdk/runtime.hpp>

#include <optional>
#include <string>
#include <vector>

namespace b2b::app {

struct HousekeepingOptions {
  std::optional<std::string> runtime;         ///< --runtime
  std::optional<std::string> repo;            ///< -r, for clean
  std::optional<std::string> namespace_name;  ///< --namespace, for clean
  bool dry_run = false;                       ///< --dry-run: only say
  bool yes = false;                           ///< -y: no question
  std::size_t keep = 0;                       ///< --keep N
};

/// Which of `images` prune removes: not `current`, not in use, and not the
/// `keep` newest of the rest (by the engine's creation time).
std::vector<sdk::EngineObject> images_to_prune(
    std::vector<sdk::EngineObject> images, const std::string& current,
    std::size_t keep);

int clean_project(Context& context, const HousekeepingOptions& options);
int prune_images(Context& context, const HousekeepingOptions& options);
int wipe_images(Context& context, const HousekeepingOptions& options);

}  // namespace b2b::app
