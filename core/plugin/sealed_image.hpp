// SPDX-License-Identifier: Apache-2.0
// A plugin's bytes frozen in memory, so that the bytes whose signature is
// checked are the very bytes the dynamic loader maps: the file is copied
// once into a sealed memfd, checked there, and loaded from there. Replacing
// the file on disk after the copy changes nothing.
#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

namespace b2b::plugin {

class SealedImage {
 public:
  /// Copies `file` into a new sealed in-memory file. Throws `Error` naming
  /// the file and the system's reason when it cannot be read, is not a
  /// regular file, or is larger than `k_max_size`.
  explicit SealedImage(const std::filesystem::path& file);
  ~SealedImage();
  SealedImage(const SealedImage&) = delete;
  SealedImage& operator=(const SealedImage&) = delete;

  /// The frozen bytes; valid while this object lives.
  std::span<const std::uint8_t> bytes() const;

  /// A path the dynamic loader can open to map exactly these bytes, and
  /// that names no object it has loaded already. Throws `Error` when no
  /// descriptor is free.
  std::string loader_path();

  /// No plugin is anywhere near this large; a bigger file is refused.
  static constexpr std::uint64_t k_max_size = 256ull << 20;

 private:
  void release() noexcept;

  int m_fd = -1;
  void* m_map = nullptr;
  std::size_t m_size = 0;
};

}  // namespace b2b::plugin
