// SPDX-License-Identifier: Apache-2.0
#include "core/launch/image.hpp"

#include "core/log/log.hpp"
#include "core/payload/payload.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <sodium.h>

namespace b2b::launch {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view k_default_base = "debian:bookworm-slim";

std::string read_certificates(const fs::path& file) {
  std::optional<std::string> text = util::read_file_if_exists(file);
  if (!text) {
    throw Error("BACK2BASE_EXTRA_CA_CERTS: " + util::quote(file.string()) +
                ": cannot be read; give a PEM file of CA certificates");
  }
  if (text->find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    throw Error("BACK2BASE_EXTRA_CA_CERTS: " + util::quote(file.string()) +
                ": holds no PEM certificate (\"-----BEGIN CERTIFICATE-----\");"
                " give the proxy's CA certificate in PEM form");
  }
  return *text;
}

// BLAKE2b-256 of the payload's hash, the base and the certificates; the
// payload's hash itself when the defaults are used, so the two agree.
std::string image_hash(const std::string& payload, const std::string& base,
                       const std::string& certificates) {
  if (base == k_default_base && certificates.empty()) {
    return payload;
  }
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, 32);
  for (const std::string* part : {&payload, &base, &certificates}) {
    std::uint64_t size = part->size();
    crypto_generichash_update(
        &state, reinterpret_cast<const unsigned char*>(&size), sizeof size);
    crypto_generichash_update(
        &state, reinterpret_cast<const unsigned char*>(part->data()),
        part->size());
  }
  unsigned char digest[32];
  crypto_generichash_final(&state, digest, sizeof digest);
  return util::to_hex(digest, sizeof digest);
}

}  // namespace

ImagePlan plan_image(const config::Settings& settings) {
  ImagePlan image;
  image.base = settings.value("BACK2BASE_BASE_IMAGE").value_or("");
  if (image.base.empty()) {
    image.base = std::string(k_default_base);
  }
  std::string certificates;
  std::string extra = settings.value("BACK2BASE_EXTRA_CA_CERTS").value_or("");
  if (!extra.empty()) {
    image.extra_ca_certs = extra;
    certificates = read_certificates(image.extra_ca_certs);
  }
  image.hash = image_hash(payload::payload_hash(payload::embedded_payload()),
                          image.base, certificates);
  image.tag =
      std::string(k_image_repository) + ":" + image.hash.substr(0, 16);
  return image;
}

bool image_is_current(sdk::ContainerRuntime& runtime, const ImagePlan& image) {
  std::optional<std::string> label;
  sdk::Result asked = runtime.image_label(image.tag, k_image_hash_label, label);
  if (!asked.ok()) {
    throw Error(asked.message());
  }
  return label == image.hash;
}

void build_image(sdk::ContainerRuntime& runtime, const ImagePlan& image,
                 const config::Paths& paths, const fs::path& scratch,
                 bool no_cache) {
  const fs::path payload_dir = paths.payload_dir();
  payload::ensure_extracted(payload_dir, payload::embedded_payload());
  fs::path context = payload_dir;
  if (!image.extra_ca_certs.empty()) {
    // A copy, so that the extracted payload stays exactly the payload.
    context = scratch / "build-context";
    fs::copy(payload_dir, context, fs::copy_options::recursive);
    util::write_file_atomic(
        context / "image" / "extra-ca-certs" / "back2base-extra.crt",
        read_certificates(image.extra_ca_certs), 0644);
  }
  log::notice("building the session image " + image.tag +
              " (once for this version; it takes a few minutes)");
  sdk::ImageBuild build{context.string(),
                        image.tag,
                        {{"BASE_IMAGE", image.base},
                         {"PAYLOAD_HASH", image.hash}},
                        no_cache};
  sdk::Result built = runtime.build_image(build);
  if (!built.ok()) {
    throw Error(built.message());
  }
  if (!image_is_current(runtime, image)) {
    throw Error("image " + image.tag + ": built, but it lacks the label " +
                k_image_hash_label + "; the payload's Dockerfile sets it");
  }
}

}  // namespace b2b::launch
