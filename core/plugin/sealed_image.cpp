// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/sealed_image.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <dlfcn.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

// Since Linux 6.3 a memfd may be created explicitly executable; where the
// vm.memfd_noexec sysctl is set, one that is not cannot be mapped to run.
#ifndef MFD_EXEC
#define MFD_EXEC 0x0010U
#endif

namespace b2b::plugin {
namespace {

[[noreturn]] void fail(const std::filesystem::path& file,
                       std::string_view action, int error) {
  throw Error(util::quote(file.string()) + ": cannot " + std::string(action) +
              ": " + std::strerror(error));
}

int create_memfd() {
  const unsigned flags = MFD_CLOEXEC | MFD_ALLOW_SEALING;
  int fd = ::memfd_create("b2b-plugin", flags | MFD_EXEC);
  if (fd < 0 && errno == EINVAL) {
    fd = ::memfd_create("b2b-plugin", flags);  // a kernel before 6.3
  }
  return fd;
}

// Copies `size` bytes from `in` to `out` inside the kernel.
bool copy_all(int in, int out, std::size_t size) {
  off_t offset = 0;
  while (static_cast<std::size_t>(offset) < size) {
    ssize_t sent =
        ::sendfile(out, in, &offset, size - static_cast<std::size_t>(offset));
    if (sent < 0 && errno == EINTR) {
      continue;
    }
    if (sent <= 0) {
      if (sent == 0) {
        errno = EIO;  // the file shrank while it was copied
      }
      return false;
    }
  }
  return true;
}

// Seals `fd` against any change. The kernel refuses a write seal (EBUSY)
// while a page of the file is still referenced elsewhere in the kernel,
// and waits only about 150 ms for that to pass; it happened once in CI's
// plugin benchmark, loading four 1 MiB plugins at once. Another try later
// is all it takes.
bool seal(int fd) {
  constexpr int k_seals =
      F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL;
  for (int attempt = 0; attempt < 20; ++attempt) {
    if (::fcntl(fd, F_ADD_SEALS, k_seals) == 0) {
      return true;
    }
    if (errno != EBUSY) {
      return false;
    }
    ::usleep(10000);
  }
  return false;
}

}  // namespace

SealedImage::SealedImage(const std::filesystem::path& file) {
  // Non-blocking, so that a FIFO put in the file's place cannot hang us;
  // it is refused as not a regular file.
  int in = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (in < 0) {
    fail(file, "open it", errno);
  }
  struct stat info {};
  if (::fstat(in, &info) != 0) {
    int error = errno;
    ::close(in);
    fail(file, "read it", error);
  }
  if (!S_ISREG(info.st_mode)) {
    ::close(in);
    throw Error(util::quote(file.string()) + ": not a regular file");
  }
  if (static_cast<std::uint64_t>(info.st_size) > k_max_size ||
      info.st_size == 0) {
    ::close(in);
    throw Error(util::quote(file.string()) + ": " +
                std::to_string(info.st_size) +
                " bytes is not a plausible size for a plugin");
  }
  m_size = static_cast<std::size_t>(info.st_size);
  m_fd = create_memfd();
  bool copied = m_fd >= 0 && copy_all(in, m_fd, m_size);
  int error = errno;
  ::close(in);
  // Sealed before it is read for the check: from here on the bytes cannot
  // change, whoever holds the descriptor.
  if (!copied || !seal(m_fd)) {
    error = copied ? errno : error;
    release();
    fail(file, "copy it into memory", error);
  }
  // Populated at once: the check reads every byte, and one call is cheaper
  // than a page fault per page.
  m_map =
      ::mmap(nullptr, m_size, PROT_READ, MAP_SHARED | MAP_POPULATE, m_fd, 0);
  if (m_map == MAP_FAILED) {
    error = errno;
    m_map = nullptr;
    release();
    fail(file, "map it", error);
  }
}

SealedImage::~SealedImage() {
  release();
}

void SealedImage::release() noexcept {
  if (m_map != nullptr) {
    ::munmap(m_map, m_size);
    m_map = nullptr;
  }
  if (m_fd >= 0) {
    ::close(m_fd);
    m_fd = -1;
  }
}

std::span<const std::uint8_t> SealedImage::bytes() const {
  return {static_cast<const std::uint8_t*>(m_map), m_size};
}

std::string SealedImage::loader_path() {
  // The dynamic loader matches a path against the names of the objects it
  // already has before it opens anything, and /proc/self/fd/N names are
  // reused once a descriptor is closed: another plugin, or one whose
  // library could not be unloaded, may still go by this name. Move to a
  // descriptor whose name is free, so that these bytes are what is mapped.
  while (true) {
    std::string path = "/proc/self/fd/" + std::to_string(m_fd);
    void* loaded = ::dlopen(path.c_str(), RTLD_LAZY | RTLD_NOLOAD);
    if (loaded == nullptr) {
      return path;
    }
    ::dlclose(loaded);
    int next = ::fcntl(m_fd, F_DUPFD_CLOEXEC, m_fd + 1);
    if (next < 0) {
      throw Error("cannot find a free name for the plugin's image: " +
                  std::string(std::strerror(errno)));
    }
    ::close(m_fd);
    m_fd = next;
  }
}

}  // namespace b2b::plugin
