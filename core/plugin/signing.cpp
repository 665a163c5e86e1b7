// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/signing.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <sodium.h>

#include <algorithm>
#include <array>

namespace b2b::plugin {
namespace {

using Digest = std::array<std::uint8_t, crypto_generichash_BYTES_MAX>;

Digest prehash(std::span<const std::uint8_t> data) {
  Digest digest{};
  crypto_generichash(digest.data(), digest.size(), data.data(), data.size(),
                     nullptr, 0);
  return digest;
}

void ensure_sodium() {
  if (sodium_init() < 0) {
    throw Error("libsodium: cannot initialise; is /dev/urandom readable?");
  }
}

std::vector<std::uint8_t> comment_message(const Signature& signature) {
  std::vector<std::uint8_t> message(signature.signature.begin(),
                                    signature.signature.end());
  message.insert(message.end(), signature.trusted_comment.begin(),
                 signature.trusted_comment.end());
  return message;
}

}  // namespace

KeyPair generate_key_pair() {
  ensure_sodium();
  KeyPair pair;
  crypto_sign_keypair(pair.public_key.key.data(), pair.secret_key.key.data());
  randombytes_buf(pair.public_key.id.data(), pair.public_key.id.size());
  pair.secret_key.id = pair.public_key.id;
  return pair;
}

std::string default_trusted_comment(std::string_view file_name,
                                    std::time_t now) {
  return "timestamp:" + std::to_string(static_cast<long long>(now)) +
         "\tfile:" + std::string(file_name) + "\thashed";
}

std::optional<std::string> comment_field(std::string_view comment,
                                         std::string_view field) {
  for (const std::string& part : util::split(comment, '\t')) {
    if (part.size() > field.size() && part.starts_with(field) &&
        part[field.size()] == ':') {
      return part.substr(field.size() + 1);
    }
  }
  return std::nullopt;
}

Signature sign(std::span<const std::uint8_t> data, const SecretKey& key,
               std::string trusted_comment) {
  ensure_sodium();
  Signature signature;
  signature.prehashed = true;
  signature.key_id = key.id;
  Digest digest = prehash(data);
  crypto_sign_detached(signature.signature.data(), nullptr, digest.data(),
                       digest.size(), key.key.data());
  signature.trusted_comment = std::move(trusted_comment);
  std::vector<std::uint8_t> message = comment_message(signature);
  crypto_sign_detached(signature.global_signature.data(), nullptr,
                       message.data(), message.size(), key.key.data());
  return signature;
}

Verdict verify(std::span<const std::uint8_t> data, const Signature& signature,
               std::span<const TrustedKey> trusted,
               std::string_view file_name) {
  Verdict verdict;
  verdict.key_id = signature.key_id;
  verdict.trusted_comment = signature.trusted_comment;
  auto refuse = [&](Refusal refusal, std::string reason) {
    verdict.refusal = refusal;
    verdict.reason = std::move(reason);
    return verdict;
  };
  ensure_sodium();
  if (!signature.prehashed) {
    return refuse(Refusal::legacy_algorithm,
                  "signed in minisign's legacy form, which signs the raw "
                  "file; re-sign it with \"minisign -S\" (0.10 or later) or "
                  "\"oss-back2base plugin sign\"");
  }
  // Key IDs are random, not unique: every trusted key with the ID is
  // tried. The comment is checked first; once it is authentic, its file
  // name can be believed.
  std::vector<std::uint8_t> message = comment_message(signature);
  const TrustedKey* signer = nullptr;
  bool known_id = false;
  for (const TrustedKey& candidate : trusted) {
    if (candidate.key.id != signature.key_id) {
      continue;
    }
    known_id = true;
    if (crypto_sign_verify_detached(signature.global_signature.data(),
                                    message.data(), message.size(),
                                    candidate.key.key.data()) == 0) {
      signer = &candidate;
      break;
    }
  }
  if (!known_id) {
    return refuse(Refusal::untrusted_key,
                  "signed by key " + format_key_id(signature.key_id) +
                      ", which is not trusted; if you trust its author, run "
                      "\"oss-back2base plugin trust KEYFILE\"");
  }
  if (signer == nullptr) {
    return refuse(Refusal::bad_comment,
                  "the signature's trusted comment was altered after "
                  "signing, or it was made by another key with a trusted "
                  "key's ID");
  }
  Digest digest = prehash(data);
  if (crypto_sign_verify_detached(signature.signature.data(), digest.data(),
                                  digest.size(), signer->key.key.data()) != 0) {
    return refuse(Refusal::bad_signature,
                  "the file's contents do not match its signature: it was "
                  "changed after signing");
  }
  std::optional<std::string> signed_name =
      comment_field(signature.trusted_comment, "file");
  if (signed_name != file_name) {
    return refuse(Refusal::wrong_file_name,
                  signed_name ? "signed for " + util::quote(*signed_name) +
                                    ", not " + util::quote(file_name)
                              : "the signature's trusted comment names no "
                                "file; sign with \"minisign -S\" or "
                                "\"oss-back2base plugin sign\", which "
                                "record it");
  }
  verdict.signer = signer;
  return verdict;
}

void sign_file(const std::filesystem::path& file, const SecretKey& key) {
  std::string content = util::read_file(file);
  Signature signature = sign(
      util::bytes_of(content), key,
      default_trusted_comment(file.filename().string(), std::time(nullptr)));
  util::write_file_atomic(file.string() + ".minisig",
                          format_signature(signature), 0644);
}

void write_key_pair(const KeyPair& pair,
                    const std::filesystem::path& public_path,
                    const std::filesystem::path& secret_path,
                    std::string_view password) {
  util::create_directories(secret_path.parent_path(), 0700);
  util::create_directories(public_path.parent_path(), 0755);
  util::write_file_atomic(secret_path,
                          format_secret_key(pair.secret_key, password), 0600);
  util::write_file_atomic(public_path, format_public_key(pair.public_key),
                          0644);
}

std::optional<Verdict> verify_beside(std::span<const std::uint8_t> data,
                                     const std::filesystem::path& file,
                                     std::span<const TrustedKey> trusted) {
  constexpr std::uintmax_t k_max_size = 16 * 1024;
  std::filesystem::path path = file;
  path += ".minisig";
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return std::nullopt;
  }
  Verdict malformed;
  malformed.refusal = Refusal::malformed;
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error || size > k_max_size) {
    malformed.reason =
        "bad signature file " + util::quote(path.string()) + ": " +
        (error ? error.message() : std::string("too large to be a signature"));
    return malformed;
  }
  Signature signature;
  try {
    signature = parse_signature(util::read_file(path));
  } catch (const Error& e) {
    malformed.reason =
        "bad signature file " + util::quote(path.string()) + ": " + e.what();
    return malformed;
  }
  return verify(data, signature, trusted, file.filename().string());
}

}  // namespace b2b::plugin
