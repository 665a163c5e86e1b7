// SPDX-License-Identifier: Apache-2.0
// The session image: which one this binary needs, whether the engine has
// it, and building it when not. An image is known by a hash of everything
// that goes into it (the payload, the base image, the extra CA
// certificates), carried in its label; one that carries the hash is never
// rebuilt.
#pragma once

#include "core/config/paths.hpp"
#include "core/config/settings.hpp"

#include <back2base/sdk/runtime.hpp>

#include <filesystem>
#include <string>

namespace b2b::launch {

inline constexpr const char* k_image_hash_label = "org.back2base.payload-hash";
inline constexpr const char* k_image_repository = "back2base-session";

struct ImagePlan {
  std::string tag;   ///< "back2base-session:<first 16 of hash>"
  std::string hash;  ///< what the label must say
  std::string base;  ///< BACK2BASE_BASE_IMAGE
  std::filesystem::path extra_ca_certs;  ///< BACK2BASE_EXTRA_CA_CERTS, if any
};

/// The image this binary's payload and the settings call for. Throws
/// `Error` when BACK2BASE_EXTRA_CA_CERTS names a file that cannot be read
/// or holds no certificate.
ImagePlan plan_image(const config::Settings& settings);

/// Whether `runtime`'s engine has the image, labelled with its hash.
/// Throws `Error` when the engine cannot be asked.
bool image_is_current(sdk::ContainerRuntime& runtime, const ImagePlan& image);

/// Builds the image from the payload (extracted under `paths` if it is not
/// already) with the engine's progress on stderr; `no_cache` rebuilds every
/// layer. `scratch` is a directory the build context may be made in.
/// Throws `Error` when the build fails.
void build_image(sdk::ContainerRuntime& runtime, const ImagePlan& image,
                 const config::Paths& paths,
                 const std::filesystem::path& scratch, bool no_cache);

}  // namespace b2b::launch
