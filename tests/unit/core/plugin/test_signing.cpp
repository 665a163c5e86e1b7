// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/signing.hpp"

#include "core/util/strings.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::plugin;

namespace {

struct Setup {
  KeyPair signer = generate_key_pair();
  KeyPair other = generate_key_pair();
  std::vector<TrustedKey> trusted{{other.public_key, "other"},
                                  {signer.public_key, "signer"}};
  std::string data =
      "\x7f"
      "ELF pretend plugin bytes";
  Signature signature =
      sign(util::bytes_of(data), signer.secret_key,
           default_trusted_comment("detector-go.so", 1700000000));
};

}  // namespace

TEST_CASE("verify accepts a signature by a trusted key and names the signer",
          "[plugin][signature]") {
  Setup s;
  Verdict verdict =
      verify(util::bytes_of(s.data), s.signature, s.trusted, "detector-go.so");
  REQUIRE(verdict.accepted());
  CHECK(verdict.signer->source == "signer");
}

TEST_CASE("verify refuses every kind of bad signature, saying why",
          "[plugin][signature]") {
  Setup s;
  auto verdict_for = [&](std::string_view data, const Signature& signature,
                         std::string_view name = "detector-go.so") {
    return verify(util::bytes_of(data), signature, s.trusted, name);
  };

  SECTION("a flipped byte") {
    std::string tampered = s.data;
    tampered[5] ^= 0x01;
    Verdict verdict = verdict_for(tampered, s.signature);
    CHECK(verdict.refusal == Refusal::bad_signature);
    CHECK_THAT(verdict.reason, Catch::Contains("do not match"));
  }
  SECTION("a key that is not trusted") {
    std::vector<TrustedKey> only_other{{s.other.public_key, "other"}};
    Verdict verdict = verify(util::bytes_of(s.data), s.signature, only_other,
                             "detector-go.so");
    CHECK(verdict.refusal == Refusal::untrusted_key);
    CHECK_THAT(verdict.reason,
               Catch::Contains(format_key_id(s.signer.public_key.id)) &&
                   Catch::Contains("plugin trust"));
  }
  SECTION("a signature made for another file name") {
    Verdict verdict = verdict_for(s.data, s.signature, "runtime-evil.so");
    CHECK(verdict.refusal == Refusal::wrong_file_name);
    CHECK(verdict.reason ==
          "signed for \"detector-go.so\", not \"runtime-evil.so\"");
  }
  SECTION("a trusted comment edited after signing") {
    Signature edited = s.signature;
    edited.trusted_comment = "timestamp:1700000000\tfile:runtime-evil.so";
    Verdict verdict = verdict_for(s.data, edited, "runtime-evil.so");
    CHECK(verdict.refusal == Refusal::bad_comment);
  }
  SECTION("a trusted comment that names no file") {
    Signature anonymous = sign(util::bytes_of(s.data), s.signer.secret_key,
                               "timestamp:1700000000");
    Verdict verdict = verdict_for(s.data, anonymous);
    CHECK(verdict.refusal == Refusal::wrong_file_name);
    CHECK_THAT(verdict.reason, Catch::Contains("names no file"));
  }
  SECTION("minisign's legacy form, which is not prehashed") {
    Signature legacy = s.signature;
    legacy.prehashed = false;
    CHECK(verdict_for(s.data, legacy).refusal == Refusal::legacy_algorithm);
  }
  SECTION("a trusted key whose ID another trusted key shares") {
    KeyPair twin = generate_key_pair();
    twin.public_key.id = s.signer.public_key.id;
    std::vector<TrustedKey> both{{twin.public_key, "twin"},
                                 {s.signer.public_key, "signer"}};
    Verdict verdict =
        verify(util::bytes_of(s.data), s.signature, both, "detector-go.so");
    REQUIRE(verdict.accepted());
    CHECK(verdict.signer->source == "signer");
  }
  SECTION("a key with a trusted key's ID but other bytes") {
    KeyPair impostor = generate_key_pair();
    impostor.secret_key.id = s.signer.public_key.id;
    Signature forged = sign(util::bytes_of(s.data), impostor.secret_key,
                            default_trusted_comment("detector-go.so", 1));
    Verdict verdict = verdict_for(s.data, forged);
    CHECK_FALSE(verdict.accepted());
  }
}

TEST_CASE("comment_field reads tab-separated fields", "[plugin][signature]") {
  std::string comment = default_trusted_comment("a.so", 42);
  CHECK(comment == "timestamp:42\tfile:a.so\thashed");
  CHECK(comment_field(comment, "file") == "a.so");
  CHECK(comment_field(comment, "timestamp") == "42");
  CHECK_FALSE(comment_field(comment, "hashed").has_value());
  CHECK_FALSE(comment_field("profile:a.so", "file").has_value());
}

TEST_CASE("verify_beside reads the signature file next to a plugin",
          "[plugin][signature]") {
  test::TempDir dir;
  Setup s;
  const auto file = dir / "detector-go.so";
  test::write(file, s.data);
  CHECK_FALSE(verify_beside(util::bytes_of(s.data), file, s.trusted));

  test::write(file.string() + ".minisig", format_signature(s.signature));
  std::optional<Verdict> good =
      verify_beside(util::bytes_of(s.data), file, s.trusted);
  REQUIRE(good);
  CHECK(good->accepted());
  CHECK(good->key_id == s.signer.public_key.id);
  CHECK(good->trusted_comment == s.signature.trusted_comment);

  test::write(file.string() + ".minisig", "untrusted comment: x\n");
  std::optional<Verdict> bad =
      verify_beside(util::bytes_of(s.data), file, s.trusted);
  REQUIRE(bad);
  CHECK(bad->refusal == Refusal::malformed);
  CHECK_THAT(bad->reason, Catch::StartsWith("bad signature file \"") &&
                              Catch::Contains("the signature line is "
                                              "missing"));
  CHECK_FALSE(bad->key_id);
}
