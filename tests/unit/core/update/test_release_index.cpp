// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/minisign.hpp"
#include "core/plugin/signing.hpp"
#include "core/update/release_index.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::update;

namespace {

const std::string k_index = "https://dl.example.test/channel/release.json";

std::string signature_of(const std::string& list, const plugin::SecretKey& key,
                         const std::string& comment) {
  return plugin::format_signature(
      plugin::sign(util::bytes_of(list), key, comment));
}

std::string error_of(const std::function<void()>& call) {
  try {
    call();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("the release index names the version and where its list is",
          "[update][release]") {
  ReleaseIndex index = parse_release_index(
      R"({"version": "v0.2.0", "checksums": "0.2.0/checksums.txt",
          "notes": "ignored"})",
      k_index);
  CHECK(index.version.text == "0.2.0");
  CHECK(index.checksums_url ==
        "https://dl.example.test/channel/0.2.0/checksums.txt");
  CHECK(index.signature_url ==
        "https://dl.example.test/channel/0.2.0/checksums.txt.minisig");

  CHECK_THAT(error_of([] { parse_release_index("{}", k_index); }),
             Catch::Contains(k_index + ": the release index has no "
                                       "\"version\" string"));
  CHECK_THAT(error_of([] {
               parse_release_index(
                   "{\n \"version\": \"latest\",\n \"checksums\": \"x\"}",
                   k_index);
             }),
             Catch::Contains(k_index + ":2: \"latest\" is not a version"));
  CHECK_THAT(error_of([] { parse_release_index("<html>", k_index); }),
             Catch::StartsWith(k_index + ":1:"));
  // What the unsigned index names may not lower the channel or carry
  // control characters into a message.
  for (const char* bad :
       {"http://dl.example.test/list", "list\\u001b[2Jx", "a b"}) {
    INFO(bad);
    CHECK_THAT(error_of([&] {
                 parse_release_index(std::string(R"({"version": "1.0.0", )") +
                                         "\"checksums\": \"" + bad + "\"}",
                                     k_index);
               }),
               Catch::Contains("must be named by an https URL"));
  }
  CHECK(artifact_name("linux/x86_64") == "oss-back2base_linux_x86_64.tar.gz");
}

TEST_CASE(
    "a checksum list counts only when the release key signed it for "
    "the version the index names",
    "[update][release]") {
  plugin::KeyPair release = plugin::generate_key_pair();
  plugin::KeyPair other = plugin::generate_key_pair();
  const std::string key = util::trim(
      util::split(plugin::format_public_key(release.public_key), '\n')[1]);
  const Version version = *parse_version("0.2.0");
  const std::string list =
      std::string(64, 'a') + "  oss-back2base_linux_x86_64.tar.gz\n";
  const std::string good = "timestamp:1\tfile:checksums.txt\tversion:0.2.0";

  CHECK_NOTHROW(verify_checksum_list(
      list, signature_of(list, release.secret_key, good), key, version));
  CHECK_THAT(error_of([&] {
               verify_checksum_list(list,
                                    signature_of(list, other.secret_key, good),
                                    key, version);
             }),
             Catch::Contains("not by this build's release key " +
                             plugin::format_key_id(release.public_key.id)));
  CHECK_THAT(error_of([&] {
               verify_checksum_list(
                   list + "x", signature_of(list, release.secret_key, good),
                   key, version);
             }),
             Catch::Contains("do not match its signature"));
  // An older release's list, offered as the new one.
  CHECK_THAT(error_of([&] {
               verify_checksum_list(
                   list,
                   signature_of(list, release.secret_key,
                                "file:checksums.txt\tversion:0.1.9"),
                   key, version);
             }),
             Catch::Contains("the signature is for release \"0.1.9\", not "
                             "\"0.2.0\""));
  CHECK_THAT(error_of([&] {
               verify_checksum_list(
                   list,
                   signature_of(list, release.secret_key, "file:checksums.txt"),
                   key, version);
             }),
             Catch::Contains("\"(none named)\""));
  CHECK_THAT(error_of([&] {
               verify_checksum_list(
                   list,
                   signature_of(list, release.secret_key,
                                "file:other.txt\tversion:0.2.0"),
                   key, version);
             }),
             Catch::Contains("signed for \"other.txt\""));
  CHECK_THAT(
      error_of([&] { verify_checksum_list(list, "garbage", key, version); }),
      Catch::StartsWith("update: checksums.txt.minisig: "));
}

TEST_CASE("the list gives each file's SHA-256, as sha256sum writes it",
          "[update][release]") {
  const std::string a(64, 'A'), b(64, 'b');
  const std::string list = a + "  oss-back2base_linux_x86_64.tar.gz\n" + b +
                           " *oss-back2base_darwin_arm64.tar.gz\n" +
                           "garbage line\n";
  CHECK(listed_checksum(list, "oss-back2base_linux_x86_64.tar.gz") ==
        std::string(64, 'a'));
  CHECK(listed_checksum(list, "oss-back2base_darwin_arm64.tar.gz") == b);
  CHECK_THAT(error_of([&] { listed_checksum(list, "oss-back2base_x.tar.gz"); }),
             Catch::Contains("no build for this machine"));
  const std::string abc = "abc";
  CHECK(sha256_hex({reinterpret_cast<const unsigned char*>(abc.data()), 3}) ==
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
