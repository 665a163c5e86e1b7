// SPDX-License-Identifier: Apache-2.0
// The minisign file formats (public key, secret key, signature), read and
// written byte for byte as the `minisign` tool does, so that keys and
// signatures move freely between it and `oss-back2base plugin`.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace b2b::plugin {

/// The 8 random bytes that name a key; signatures carry their signer's.
using KeyId = std::array<std::uint8_t, 8>;

/// A key ID as minisign prints it: 16 uppercase hex digits, little-endian.
std::string format_key_id(const KeyId& id);

/// An Ed25519 public key with its minisign key ID.
struct PublicKey {
  KeyId id{};
  std::array<std::uint8_t, 32> key{};
};

/// An Ed25519 secret key with its minisign key ID. Wiped on destruction.
struct SecretKey {
  KeyId id{};
  std::array<std::uint8_t, 64> key{};

  SecretKey() = default;
  SecretKey(const SecretKey&) = default;
  SecretKey& operator=(const SecretKey&) = default;
  ~SecretKey();
};

/// A detached minisign signature.
struct Signature {
  /// True for the BLAKE2b-prehashed form ("ED"), false for the legacy form
  /// that signs the raw bytes ("Ed").
  bool prehashed = true;
  KeyId key_id{};
  std::array<std::uint8_t, 64> signature{};
  /// Signed together with `signature`: "timestamp:...\tfile:NAME\thashed".
  std::string trusted_comment;
  std::array<std::uint8_t, 64> global_signature{};
};

/// Reads a public key: the content of a minisign `.pub` file, or the bare
/// base64 line that `minisign -P` takes. Throws `Error` saying what is
/// wrong with it (the caller adds which file).
PublicKey parse_public_key(std::string_view text);

/// The content of a minisign `.pub` file for `key`.
std::string format_public_key(const PublicKey& key);

/// Reads the content of a `.minisig` file. Throws `Error` saying what is
/// missing or malformed.
Signature parse_signature(std::string_view text);

/// The content of a `.minisig` file for `signature`.
std::string format_signature(const Signature& signature);

/// Asked for the password of an encrypted secret key, only when one is.
using PasswordSource = std::function<std::string()>;

/// Reads the content of a minisign secret key file, decrypting it with the
/// password from `password` when it is encrypted (which may take a second
/// or two: scrypt). Throws `Error` for a malformed file or a wrong password.
SecretKey parse_secret_key(std::string_view text,
                           const PasswordSource& password);

/// The content of a minisign secret key file for `key`, encrypted with
/// `password` as minisign does, or unencrypted when `password` is empty.
std::string format_secret_key(const SecretKey& key, std::string_view password);

}  // namespace b2b::plugin
