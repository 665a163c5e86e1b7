// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <back2base/sdk/launch_spec.hpp>
#include <back2base/sdk/plugin.hpp>
#include <back2base/sdk/result.hpp>

#include <optional>
#include <string>
#include <vector>

namespace b2b::sdk {

/// What a runtime found when it looked for its engine.
struct RuntimeProbe {
  bool available = false;  ///< the engine answered and can run a session
  std::string engine;      ///< what answered: "docker compose v2.20.2"
  std::string detail;      ///< why not, when not available
};

/// A container or an image of this tool's, as the engine lists it.
struct EngineObject {
  std::string id;
  std::string name;       ///< a container's name; an image's "repo:tag"
  std::string created;    ///< as the engine says it
  std::string status;     ///< a container's ("Up 2 minutes"); empty else
  std::string namespace_name;  ///< its org.back2base.namespace label
  std::string session;         ///< its org.back2base.session label
  bool in_use = false;    ///< an image that some container uses
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

  /// Lists every container, running or not, that carries the label
  /// `label` (any value), into `containers`.
  virtual Result containers(const std::string& label,
                            std::vector<EngineObject>& containers) = 0;

  /// Lists the local images of `repository` into `images`, each marked
  /// whether a container uses it.
  virtual Result images(const std::string& repository,
                        std::vector<EngineObject>& images) = 0;

  /// Stops and removes the containers `names`, at once.
  virtual Result remove_containers(const std::vector<std::string>& names) = 0;

  /// Removes the images `references`; one that a container uses is not
  /// removed, and that is a failure.
  virtual Result remove_images(const std::vector<std::string>& references) = 0;

  /// Starts the session `spec` describes, waits for it to end and stores
  /// its exit status in `exit_status`. Blocks for the whole session. Fails
  /// when the engine refuses the spec or cannot be reached; the containers
  /// it started are removed either way.
  virtual Result run(const LaunchSpec& spec, int& exit_status) = 0;
};

}  // namespace b2b::sdk
