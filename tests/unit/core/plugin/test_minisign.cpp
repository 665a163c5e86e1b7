// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/minisign.hpp"

#include "core/plugin/signing.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <catch2/catch.hpp>

using namespace b2b;
using namespace b2b::plugin;

namespace {

// Made by minisign 0.11: "minisign -G -W", then "minisign -S" of "hi\n".
constexpr const char* k_minisign_public_key =
    "untrusted comment: minisign public key 8200D1DD0C0C8337\n"
    "RWQ3gwwM3dEAgq6ctS5q6x03MW3rrP9433Gclk6rmDR1grXngnDOd+WI\n";
constexpr const char* k_minisign_secret_key =
    "untrusted comment: minisign encrypted secret key\n"
    "RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAN4"
    "MMDN3RAII80m5+S5L63XVS38FwKVA+A69pZR67GYZ1Mux62Kd2g66ctS5q6x03MW3rrP9433"
    "Gclk6rmDR1grXngnDOd+WIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
constexpr const char* k_minisign_signature =
    "untrusted comment: signature from minisign secret key\n"
    "RUQ3gwwM3dEAgp5YJdhCuNrIJhBQVUbQzJA6d45lZShtVZ2YbVjZyyZBiR82KOa+UePCVqSVE"
    "lQY2wOSsCUygSG6wtRNOiQi5gg=\n"
    "trusted comment: timestamp:1796323134\tfile:t.txt\thashed\n"
    "MUMdG4LMv4demp0RM9pUSoebgPgr4g/xOhgF7iT0WcZkPSmAZ9GhKW05shXGh2KNcsH1CmAK6F"
    "cfs3SNhTUNAQ==\n";

std::string_view no_password_expected() {
  FAIL("a password was asked for an unencrypted key");
  return {};
}

}  // namespace

TEST_CASE("minisign formats read keys and signatures made by minisign",
          "[plugin][minisign]") {
  PublicKey key = parse_public_key(k_minisign_public_key);
  CHECK(format_key_id(key.id) == "8200D1DD0C0C8337");

  SECTION("the bare base64 line that minisign -P takes is a key too") {
    PublicKey bare = parse_public_key(
        "RWQ3gwwM3dEAgq6ctS5q6x03MW3rrP9433Gclk6rmDR1grXngnDOd+WI");
    CHECK(bare.key == key.key);
  }
  SECTION("its signature verifies and carries minisign's trusted comment") {
    Signature signature = parse_signature(k_minisign_signature);
    CHECK(signature.prehashed);
    CHECK(signature.key_id == key.id);
    CHECK(comment_field(signature.trusted_comment, "file") == "t.txt");
    TrustedKey trusted{key, "minisign"};
    Verdict verdict = verify(util::bytes_of("hi\n"), signature,
                             std::span(&trusted, 1), "t.txt");
    CHECK(verdict.accepted());
  }
  SECTION(
      "its unencrypted secret key, whose checksum it leaves zero, signs "
      "what its public key verifies") {
    SecretKey secret = parse_secret_key(k_minisign_secret_key, [] {
      return std::string(no_password_expected());
    });
    CHECK(secret.id == key.id);
    Signature signature = sign(util::bytes_of("data"), secret, "file:x.so");
    TrustedKey trusted{key, "minisign"};
    CHECK(verify(util::bytes_of("data"), signature, std::span(&trusted, 1),
                 "x.so")
              .accepted());
  }
}

TEST_CASE("minisign formats write what they read", "[plugin][minisign]") {
  KeyPair pair = generate_key_pair();

  SECTION("public key, with the key ID in its comment") {
    std::string text = format_public_key(pair.public_key);
    CHECK(text.starts_with("untrusted comment: minisign public key " +
                           format_key_id(pair.public_key.id) + "\n"));
    PublicKey back = parse_public_key(text);
    CHECK(back.id == pair.public_key.id);
    CHECK(back.key == pair.public_key.key);
  }
  SECTION("signature") {
    Signature signature = sign(util::bytes_of("x"), pair.secret_key,
                               "timestamp:1\tfile:a.so\thashed");
    Signature back = parse_signature(format_signature(signature));
    CHECK(back.signature == signature.signature);
    CHECK(back.global_signature == signature.global_signature);
    CHECK(back.trusted_comment == signature.trusted_comment);
  }
  SECTION("unencrypted secret key, with a real checksum") {
    SecretKey back = parse_secret_key(format_secret_key(pair.secret_key, ""),
                                      [] { return std::string(); });
    CHECK(back.key == pair.secret_key.key);
  }
  SECTION("encrypted secret key, which needs its password") {
    std::string text = format_secret_key(pair.secret_key, "s3cret");
    CHECK(text.starts_with("untrusted comment: minisign encrypted secret"));
    int asked = 0;
    SecretKey back = parse_secret_key(text, [&] {
      ++asked;
      return std::string("s3cret");
    });
    CHECK(asked == 1);
    CHECK(back.key == pair.secret_key.key);
    CHECK_THROWS_WITH(
        parse_secret_key(text, [] { return std::string("wrong"); }),
        "wrong password for the secret key");
  }
}

TEST_CASE("minisign signature parser says what is wrong with a bad file",
          "[plugin][minisign]") {
  std::vector<std::string> lines = util::split(k_minisign_signature, '\n');

  SECTION("truncated after each line") {
    CHECK_THROWS_WITH(parse_signature(""),
                      Catch::Contains("an \"untrusted comment:\" line is "
                                      "missing"));
    CHECK_THROWS_WITH(parse_signature(lines[0] + "\n"),
                      Catch::Contains("the signature line is missing"));
    CHECK_THROWS_WITH(parse_signature(lines[0] + "\n" + lines[1] + "\n"),
                      Catch::Contains("\"trusted comment:\" line is missing"));
    CHECK_THROWS_WITH(
        parse_signature(lines[0] + "\n" + lines[1] + "\n" + lines[2]),
        Catch::Contains("the global signature line is missing"));
  }
  SECTION("a signature line cut short") {
    std::string text = lines[0] + "\n" + lines[1].substr(0, 40) + "\n" +
                       lines[2] + "\n" + lines[3] + "\n";
    CHECK_THROWS_WITH(parse_signature(text),
                      Catch::Contains("the signature line is not valid"));
  }
  SECTION("an unknown algorithm") {
    std::string bad = lines[1];
    bad[0] = 'A';  // "RU..." decodes to "ED"; "AU..." does not
    CHECK_THROWS_WITH(parse_signature(lines[0] + "\n" + bad + "\n" + lines[2] +
                                      "\n" + lines[3] + "\n"),
                      Catch::Contains("unknown algorithm"));
  }
  SECTION("a public key file that is something else") {
    CHECK_THROWS_WITH(parse_public_key("hello\nworld\nagain\n"),
                      Catch::Contains("not a minisign public key"));
  }
}
