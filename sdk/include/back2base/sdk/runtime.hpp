// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <back2base/sdk/launch_spec.hpp>
#include <back2base/sdk/plugin.hpp>
#include <back2base/sdk/result.hpp>

#include <optional>
#include <string>

namespace b2b::sdk {

/// What a runtime found when it looked for its engine.
struct RuntimeProbe {
  bool available = false;  ///< the engine answered and can run a session
  std::string engine;      ///< what answered: "docker compose v2.20.2"
  std::string detail;      ///< why not, when not available
};

/// A container engine that can realise a `LaunchSpec`: Docker Compose,
/// Podman, or a third party's. One object serves one process; the host
/// calls it from one thread at a time.
class B2B_SDK_DETAIL_EXPORT ContainerRuntime : public Plugin {
 public:
  /// The kind this interface's plugins declare in their descriptor.
  static constexpr PluginKind k_kind = PluginKind::runtime;
  /// Always `k_kind`; the host checks it against the descriptor.
  PluginKind kind() const noexcept final { return k_kind; }

  /// Checks whether the engine is installed and reachable, filling `probe`.
  /// May block for a few seconds (it asks the engine). An engine that is
  /// missing is a successful probe with `available` false; a failure
  /// `Result` means the probe itself could not be made.
  virtual Result probe(RuntimeProbe& probe) = 0;

  /// Reads the label `label` of the local image `image` into `value`; no
  /// value when the image or the label is missing. Asks the engine, never
  /// a registry.
  virtual Result image_label(const std::string& image,
                             const std::string& label,
                             std::optional<std::string>& value) = 0;

  /// Builds `build`, showing the engine's progress on the user's stderr.
  virtual Result build_image(const ImageBuild& build) = 0;

  /// Starts the session `spec` describes, waits for it to end and stores
  /// its exit status in `exit_status`. Blocks for the whole session. Fails
  /// when the engine refuses the spec or cannot be reached; the containers
  /// it started are removed either way.
  virtual Result run(const LaunchSpec& spec, int& exit_status) = 0;
};

}  // namespace b2b::sdk
