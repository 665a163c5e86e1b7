// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/sealed_image.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>

using namespace b2b;
using b2b::plugin::SealedImage;

namespace {

std::string text_of(const SealedImage& image) {
  auto bytes = image.bytes();
  return std::string(reinterpret_cast<const char*>(bytes.data()), bytes.size());
}

}  // namespace

TEST_CASE("SealedImage holds the file's bytes as they were when copied",
          "[plugin][sealed]") {
  test::TempDir dir;
  test::write(dir / "p.so", "original bytes");
  SealedImage image(dir / "p.so");
  CHECK(text_of(image) == "original bytes");

  SECTION("rewriting the file afterwards changes nothing") {
    std::ofstream(dir / "p.so", std::ios::trunc) << "swapped!";
    CHECK(text_of(image) == "original bytes");
  }
  SECTION("nobody can write to the sealed copy, even through its path") {
    int fd = ::open(image.loader_path().c_str(), O_RDWR);
    REQUIRE(fd >= 0);
    int seals = ::fcntl(fd, F_GET_SEALS);
    CHECK((seals & F_SEAL_WRITE) != 0);
    CHECK((seals & F_SEAL_SHRINK) != 0);
    CHECK((seals & F_SEAL_SEAL) != 0);
    CHECK(::write(fd, "X", 1) == -1);
    CHECK(errno == EPERM);
    CHECK(::ftruncate(fd, 0) == -1);
    ::close(fd);
    CHECK(text_of(image) == "original bytes");
  }
  SECTION("the loader's path reads the same bytes") {
    std::ifstream in(image.loader_path(), std::ios::binary);
    std::string through_path((std::istreambuf_iterator<char>(in)), {});
    CHECK(through_path == "original bytes");
  }
}

TEST_CASE("SealedImage refuses what cannot be a plugin, naming the file",
          "[plugin][sealed]") {
  test::TempDir dir;
  const std::string missing = (dir / "missing.so").string();
  CHECK_THROWS_WITH(SealedImage(missing),
                    "\"" + missing +
                        "\": cannot open it: No such file or "
                        "directory");
  test::write(dir / "empty.so", "");
  CHECK_THROWS_WITH(SealedImage(dir / "empty.so"),
                    Catch::Contains("0 bytes is not a plausible size"));
  std::filesystem::create_directory(dir / "dir.so");
  CHECK_THROWS_WITH(SealedImage(dir / "dir.so"),
                    Catch::Contains("not a regular file"));
  // A FIFO in a plugin's place is refused at once, not waited on.
  REQUIRE(::mkfifo((dir / "fifo.so").c_str(), 0600) == 0);
  CHECK_THROWS_WITH(SealedImage(dir / "fifo.so"),
                    Catch::Contains("not a regular file"));
}
