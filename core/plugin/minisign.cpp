// SPDX-License-Identifier: Apache-2.0
// Layouts, as minisign defines them (all integers little-endian):
//   public key:  "Ed" | key id (8) | Ed25519 public key (32)
//   secret key:  "Ed" | kdf "Sc" or "\0\0" | "B2" | salt (32) | opslimit (8)
//                | memlimit (8) | key id (8) | secret key (64) | checksum (32)
//                where the last 104 bytes are XORed with an scrypt stream
//                when the kdf is "Sc", and the checksum is BLAKE2b-256 of
//                "Ed" | key id | secret key
//   signature:   "ED" (prehashed) or "Ed" | key id (8) | signature (64),
//                then the trusted comment and the global signature, which
//                signs signature | trusted comment.
#include "core/plugin/minisign.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace b2b::plugin {
namespace {

constexpr std::string_view k_untrusted_prefix = "untrusted comment: ";
constexpr std::string_view k_trusted_prefix = "trusted comment: ";
constexpr std::size_t k_max_comment = 8192;

constexpr std::size_t k_public_key_size = 2 + 8 + 32;
constexpr std::size_t k_signature_size = 2 + 8 + 64;
constexpr std::size_t k_keynum_size = 8 + 64 + 32;
constexpr std::size_t k_secret_key_size =
    2 + 2 + 2 + 32 + 8 + 8 + k_keynum_size;

// What minisign asks of scrypt by default; more than this is refused, so a
// crafted key file cannot make us allocate without bound.
constexpr std::uint64_t k_default_opslimit = 33554432;
constexpr std::uint64_t k_default_memlimit = 1073741824;
constexpr std::uint64_t k_max_memlimit = 4 * k_default_memlimit;

std::vector<std::string> lines_of(std::string_view text) {
  std::vector<std::string> lines = util::split(text, '\n');
  for (std::string& line : lines) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
  }
  while (!lines.empty() && lines.back().empty()) {
    lines.pop_back();
  }
  return lines;
}

std::vector<std::uint8_t> decode_base64(std::string_view text,
                                        std::size_t expected,
                                        std::string_view what) {
  std::vector<std::uint8_t> bytes(expected + 1);
  std::size_t size = 0;
  const char* end = nullptr;
  if (sodium_base642bin(bytes.data(), bytes.size(), text.data(), text.size(),
                        nullptr, &size, &end,
                        sodium_base64_VARIANT_ORIGINAL) != 0 ||
      end != text.data() + text.size() || size != expected) {
    throw Error(std::string(what) + " is not valid: expected " +
                std::to_string(expected) + " bytes of base64");
  }
  bytes.resize(size);
  return bytes;
}

std::string encode_base64(const std::uint8_t* bytes, std::size_t size) {
  std::string text(
      sodium_base64_ENCODED_LEN(size, sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(text.data(), text.size(), bytes, size,
                    sodium_base64_VARIANT_ORIGINAL);
  text.resize(std::strlen(text.c_str()));
  return text;
}

std::uint64_t load_le64(const std::uint8_t* bytes) {
  std::uint64_t value = 0;
  for (int i = 7; i >= 0; --i) {
    value = (value << 8) | bytes[i];
  }
  return value;
}

void store_le64(std::uint8_t* bytes, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) {
    bytes[i] = static_cast<std::uint8_t>(value >> (8 * i));
  }
}

std::array<std::uint8_t, 32> secret_key_checksum(const SecretKey& key) {
  std::array<std::uint8_t, 32> checksum{};
  crypto_generichash_state state;
  crypto_generichash_init(&state, nullptr, 0, checksum.size());
  crypto_generichash_update(&state,
                            reinterpret_cast<const unsigned char*>("Ed"), 2);
  crypto_generichash_update(&state, key.id.data(), key.id.size());
  crypto_generichash_update(&state, key.key.data(), key.key.size());
  crypto_generichash_final(&state, checksum.data(), checksum.size());
  return checksum;
}

// XORs `keynum` with the scrypt stream of `password`, which both encrypts
// and decrypts.
void apply_password(std::uint8_t* keynum, std::string_view password,
                    const std::uint8_t* salt, std::uint64_t opslimit,
                    std::uint64_t memlimit) {
  std::array<std::uint8_t, k_keynum_size> stream{};
  if (memlimit > k_max_memlimit ||
      crypto_pwhash_scryptsalsa208sha256(
          stream.data(), stream.size(), password.data(), password.size(), salt,
          opslimit, static_cast<std::size_t>(memlimit)) != 0) {
    throw Error("the secret key asks for more memory than scrypt may use");
  }
  for (std::size_t i = 0; i < stream.size(); ++i) {
    keynum[i] ^= stream[i];
  }
  sodium_memzero(stream.data(), stream.size());
}

}  // namespace

SecretKey::~SecretKey() {
  sodium_memzero(key.data(), key.size());
}

std::string format_key_id(const KeyId& id) {
  static constexpr char k_digits[] = "0123456789ABCDEF";
  std::string text;
  for (auto byte = id.rbegin(); byte != id.rend(); ++byte) {
    text += k_digits[*byte >> 4];
    text += k_digits[*byte & 0xf];
  }
  return text;
}

PublicKey parse_public_key(std::string_view text) {
  std::vector<std::string> lines = lines_of(text);
  if (lines.size() == 2 && lines[0].starts_with(k_untrusted_prefix)) {
    lines.erase(lines.begin());
  }
  if (lines.size() != 1) {
    throw Error(
        "not a minisign public key: expected an \"untrusted "
        "comment:\" line and a line of base64");
  }
  std::vector<std::uint8_t> bytes =
      decode_base64(lines[0], k_public_key_size, "the public key");
  if (bytes[0] != 'E' || bytes[1] != 'd') {
    throw Error("the public key is not an Ed25519 minisign key");
  }
  PublicKey key;
  std::copy_n(bytes.begin() + 2, key.id.size(), key.id.begin());
  std::copy_n(bytes.begin() + 10, key.key.size(), key.key.begin());
  return key;
}

std::string format_public_key(const PublicKey& key) {
  std::array<std::uint8_t, k_public_key_size> bytes{'E', 'd'};
  std::copy(key.id.begin(), key.id.end(), bytes.begin() + 2);
  std::copy(key.key.begin(), key.key.end(), bytes.begin() + 10);
  return std::string(k_untrusted_prefix) + "minisign public key " +
         format_key_id(key.id) + "\n" +
         encode_base64(bytes.data(), bytes.size()) + "\n";
}

Signature parse_signature(std::string_view text) {
  if (text.size() > 4 * k_max_comment) {
    throw Error("the signature file is too large to be a minisign signature");
  }
  std::vector<std::string> lines = lines_of(text);
  static constexpr std::string_view k_missing[] = {
      "an \"untrusted comment:\" line", "the signature line",
      "the \"trusted comment:\" line", "the global signature line"};
  if (lines.size() < 4) {
    throw Error("the signature is truncated: " +
                std::string(k_missing[lines.size()]) + " is missing");
  }
  if (lines.size() > 4) {
    throw Error("the signature has " + std::to_string(lines.size()) +
                " lines; a minisign signature has 4");
  }
  if (!lines[0].starts_with(k_untrusted_prefix)) {
    throw Error("the signature does not start with \"untrusted comment:\"");
  }
  if (!lines[2].starts_with(k_trusted_prefix)) {
    throw Error(
        "the third line of the signature is not a \"trusted "
        "comment:\"");
  }
  std::vector<std::uint8_t> bytes =
      decode_base64(lines[1], k_signature_size, "the signature line");
  std::vector<std::uint8_t> global =
      decode_base64(lines[3], 64, "the global signature line");
  Signature signature;
  if (bytes[0] == 'E' && bytes[1] == 'D') {
    signature.prehashed = true;
  } else if (bytes[0] == 'E' && bytes[1] == 'd') {
    signature.prehashed = false;
  } else {
    throw Error("the signature uses an unknown algorithm");
  }
  std::copy_n(bytes.begin() + 2, signature.key_id.size(),
              signature.key_id.begin());
  std::copy_n(bytes.begin() + 10, signature.signature.size(),
              signature.signature.begin());
  signature.trusted_comment = lines[2].substr(k_trusted_prefix.size());
  std::copy(global.begin(), global.end(), signature.global_signature.begin());
  return signature;
}

std::string format_signature(const Signature& signature) {
  std::array<std::uint8_t, k_signature_size> bytes{
      'E', static_cast<std::uint8_t>(signature.prehashed ? 'D' : 'd')};
  std::copy(signature.key_id.begin(), signature.key_id.end(),
            bytes.begin() + 2);
  std::copy(signature.signature.begin(), signature.signature.end(),
            bytes.begin() + 10);
  return std::string(k_untrusted_prefix) +
         "signature from oss-back2base secret key\n" +
         encode_base64(bytes.data(), bytes.size()) + "\n" +
         std::string(k_trusted_prefix) + signature.trusted_comment + "\n" +
         encode_base64(signature.global_signature.data(),
                       signature.global_signature.size()) +
         "\n";
}

SecretKey parse_secret_key(std::string_view text,
                           const PasswordSource& password) {
  std::vector<std::string> lines = lines_of(text);
  if (lines.size() != 2 || !lines[0].starts_with(k_untrusted_prefix)) {
    throw Error(
        "not a minisign secret key: expected an \"untrusted "
        "comment:\" line and a line of base64");
  }
  std::vector<std::uint8_t> bytes =
      decode_base64(lines[1], k_secret_key_size, "the secret key");
  const std::uint8_t* kdf = bytes.data() + 2;
  if (bytes[0] != 'E' || bytes[1] != 'd' || bytes[4] != 'B' ||
      bytes[5] != '2') {
    throw Error("the secret key is not an Ed25519 minisign key");
  }
  std::uint8_t* keynum = bytes.data() + 54;
  bool encrypted = kdf[0] == 'S' && kdf[1] == 'c';
  if (encrypted) {
    apply_password(keynum, password(), bytes.data() + 6,
                   load_le64(bytes.data() + 38), load_le64(bytes.data() + 46));
  } else if (kdf[0] != 0 || kdf[1] != 0) {
    throw Error("the secret key is encrypted with an unknown method");
  }
  SecretKey key;
  std::copy_n(keynum, key.id.size(), key.id.begin());
  std::copy_n(keynum + 8, key.key.size(), key.key.begin());
  std::array<std::uint8_t, 32> stored{};
  std::copy_n(keynum + 72, stored.size(), stored.begin());
  sodium_memzero(bytes.data(), bytes.size());
  // minisign leaves the checksum of an unencrypted key zero; for such a key
  // it would only guard against corruption, which Ed25519 detects anyway.
  bool unchecked = !encrypted && std::all_of(stored.begin(), stored.end(),
                                             [](auto b) { return b == 0; });
  if (!unchecked && stored != secret_key_checksum(key)) {
    throw Error(encrypted ? "wrong password for the secret key"
                          : "the secret key is corrupt (checksum mismatch)");
  }
  return key;
}

std::string format_secret_key(const SecretKey& key, std::string_view password) {
  std::array<std::uint8_t, k_secret_key_size> bytes{'E', 'd', 0, 0, 'B', '2'};
  std::uint8_t* keynum = bytes.data() + 54;
  std::copy(key.id.begin(), key.id.end(), keynum);
  std::copy(key.key.begin(), key.key.end(), keynum + 8);
  std::array<std::uint8_t, 32> checksum = secret_key_checksum(key);
  std::copy(checksum.begin(), checksum.end(), keynum + 72);
  if (!password.empty()) {
    bytes[2] = 'S';
    bytes[3] = 'c';
    randombytes_buf(bytes.data() + 6, 32);
    store_le64(bytes.data() + 38, k_default_opslimit);
    store_le64(bytes.data() + 46, k_default_memlimit);
    apply_password(keynum, password, bytes.data() + 6, k_default_opslimit,
                   k_default_memlimit);
  }
  std::string text = std::string(k_untrusted_prefix) + "minisign " +
                     (password.empty() ? "" : "encrypted ") + "secret key\n" +
                     encode_base64(bytes.data(), bytes.size()) + "\n";
  sodium_memzero(bytes.data(), bytes.size());
  return text;
}

}  // namespace b2b::plugin
