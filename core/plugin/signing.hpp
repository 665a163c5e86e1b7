// SPDX-License-Identifier: Apache-2.0
// Making and checking minisign signatures with libsodium.
#pragma once

#include "core/plugin/minisign.hpp"

#include <cstdint>
#include <ctime>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace b2b::plugin {

/// A key the host trusts, and where that trust comes from.
struct TrustedKey {
  PublicKey key;
  std::string source;  ///< "build", or the path of the .pub file
};

/// A fresh key pair with a random key ID.
struct KeyPair {
  PublicKey public_key;
  SecretKey secret_key;
};
KeyPair generate_key_pair();

/// The trusted comment `minisign -S` writes for `file_name` at `now`; the
/// loader requires the `file:` field to name the plugin's own file.
std::string default_trusted_comment(std::string_view file_name,
                                    std::time_t now);

/// The value of the tab-separated `field:value` in `comment`, if present.
std::optional<std::string> comment_field(std::string_view comment,
                                         std::string_view field);

/// A prehashed (BLAKE2b-512) signature of `data` by `key`, carrying
/// `trusted_comment`. Never blocks beyond hashing `data`.
Signature sign(std::span<const std::uint8_t> data, const SecretKey& key,
               std::string trusted_comment);

/// Why a signature was not accepted.
enum class Refusal {
  malformed,         ///< the signature file cannot be read as one
  legacy_algorithm,  ///< the non-prehashed form, which plugins may not use
  untrusted_key,     ///< signed by a key that is not trusted
  bad_comment,       ///< the trusted comment's own signature is invalid
  bad_signature,     ///< the bytes are not the bytes that were signed
  wrong_file_name,   ///< signed for another file
};

/// The verdict on one signature: the key that made it, or the refusal and
/// a message that says why in the user's words.
struct Verdict {
  const TrustedKey* signer = nullptr;  ///< into the `trusted` span
  std::optional<KeyId> key_id;         ///< the signature's, once read
  std::string trusted_comment;         ///< the signature's, once read
  std::optional<Refusal> refusal;
  std::string reason;
  bool accepted() const { return !refusal.has_value(); }
};

/// Checks that `signature` is a prehashed minisign signature of `data` by
/// one of `trusted`, and that its trusted comment names `file_name`. Reads
/// only memory; never blocks beyond hashing `data`.
Verdict verify(std::span<const std::uint8_t> data, const Signature& signature,
               std::span<const TrustedKey> trusted, std::string_view file_name);

/// Signs the file `file` with `key` as `minisign -S` would, the trusted
/// comment naming the file, and writes `<file>.minisig` (0644) atomically.
/// Throws `Error` naming the file that could not be read or written.
void sign_file(const std::filesystem::path& file, const SecretKey& key);

/// Writes `pair` as minisign key files: the secret key 0600 (encrypted
/// with `password` unless it is empty) in a directory made 0700 if
/// missing, the public key 0644. Throws `Error` naming the file.
void write_key_pair(const KeyPair& pair,
                    const std::filesystem::path& public_path,
                    const std::filesystem::path& secret_path,
                    std::string_view password);

/// Checks the signature file beside `file`, `<file>.minisig`, over `data`
/// (the bytes of `file`, as the caller holds them), as `verify` does; no
/// verdict when there is no signature file. One that cannot be read, is
/// too large or is not a minisign signature is refused as malformed.
std::optional<Verdict> verify_beside(std::span<const std::uint8_t> data,
                                     const std::filesystem::path& file,
                                     std::span<const TrustedKey> trusted);

}  // namespace b2b::plugin
