// SPDX-License-Identifier: Apache-2.0
#include "core/update/release_index.hpp"

#include "core/config/json_document.hpp"
#include "core/net/http_client.hpp"
#include "core/plugin/minisign.hpp"
#include "core/plugin/signing.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <sodium.h>
#include <boost/json.hpp>

#include <algorithm>

namespace b2b::update {
namespace {

namespace json = boost::json;

const std::string k_list_name = "checksums.txt";

std::string string_member(const config::JsonDocument& index,
                          std::string_view key) {
  const json::object* root = index.root().if_object();
  const json::value* value = root ? root->if_contains(key) : nullptr;
  if (value == nullptr || !value->is_string() || value->get_string().empty()) {
    throw Error(index.source() + ": the release index has no \"" +
                std::string(key) +
                "\" string; is this the right URL (BACK2BASE_UPDATE_URL)?");
  }
  return std::string(value->get_string());
}

}  // namespace

ReleaseIndex parse_release_index(std::string_view text,
                                 std::string_view index_url) {
  config::JsonDocument index(text, std::string(index_url));
  std::string version = string_member(index, "version");
  std::optional<Version> parsed = parse_version(version);
  if (!parsed) {
    throw Error(index.where("/version") + ": " + util::quote(version) +
                " is not a version (\"1.2.3\"); the release index is "
                "broken, tell whoever publishes it");
  }
  ReleaseIndex release;
  release.version = *parsed;
  release.checksums_url =
      net::resolve_url(index_url, string_member(index, "checksums"));
  // The index is not signed: what it names is only ever looked at over as
  // good a channel as the index came by, and never shown raw.
  const std::string& url = release.checksums_url;
  if (std::any_of(url.begin(), url.end(),
                  [](unsigned char c) { return c <= ' ' || c >= 0x7f; }) ||
      (index_url.starts_with("https://") && !url.starts_with("https://"))) {
    throw Error(index.where("/checksums") +
                ": the checksum list must be named by an https URL of "
                "printable characters when the index came over https; the "
                "release index is broken, tell whoever publishes it");
  }
  release.signature_url = release.checksums_url + ".minisig";
  return release;
}

std::string artifact_name(std::string_view platform) {
  std::string name(platform);
  std::replace(name.begin(), name.end(), '/', '_');
  return "oss-back2base_" + name + ".tar.gz";
}

void verify_checksum_list(std::string_view list, std::string_view signature,
                          std::string_view release_key,
                          const Version& version) {
  plugin::Signature parsed;
  try {
    parsed = plugin::parse_signature(signature);
  } catch (const Error& e) {
    throw Error("update: " + k_list_name + ".minisig: " + e.what() +
                "; the release is not installed");
  }
  const plugin::TrustedKey key{plugin::parse_public_key(release_key),
                               "release"};
  plugin::Verdict verdict = plugin::verify(
      {reinterpret_cast<const std::uint8_t*>(list.data()), list.size()}, parsed,
      std::span(&key, 1), k_list_name);
  if (!verdict.accepted()) {
    // Not the plugin wording: no key but the build's may sign a release.
    std::string reason = *verdict.refusal == plugin::Refusal::untrusted_key
                             ? "signed by key " +
                                   plugin::format_key_id(parsed.key_id) +
                                   ", not by this build's release key " +
                                   plugin::format_key_id(key.key.id)
                             : verdict.reason;
    throw Error("update: " + k_list_name + ": " + reason +
                "; the release is not installed");
  }
  std::optional<std::string> signed_version =
      plugin::comment_field(verdict.trusted_comment, "version");
  std::optional<Version> named =
      signed_version ? parse_version(*signed_version) : std::nullopt;
  if (!named || *named != version) {
    throw Error("update: " + k_list_name + ": the signature is for release " +
                util::quote(signed_version.value_or("(none named)")) +
                ", not " + util::quote(version.text) +
                " as the index says; the release is not installed");
  }
}

std::string listed_checksum(std::string_view list, std::string_view name) {
  for (const std::string& line : util::split(list, '\n')) {
    // "<64 hex>  <name>", or " *<name>" for sha256sum's binary mode.
    if (line.size() < 66 || line[64] != ' ') {
      continue;
    }
    std::string_view file = std::string_view(line).substr(65);
    if (file.starts_with("*") || file.starts_with(" ")) {
      file.remove_prefix(1);
    }
    if (file == name) {
      std::string hash = line.substr(0, 64);
      std::transform(hash.begin(), hash.end(), hash.begin(),
                     [](unsigned char c) { return std::tolower(c); });
      return hash;
    }
  }
  throw Error("update: " + k_list_name + " lists no " +
              util::quote(std::string(name)) +
              ": this release has no build for this machine; build it from "
              "source, or wait for one");
}

std::string sha256_hex(std::span<const unsigned char> data) {
  unsigned char hash[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(hash, data.data(), data.size());
  return util::to_hex(hash, sizeof hash);
}

}  // namespace b2b::update
