// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/sealed_image.hpp"

#include "core/util/error.hpp"
#include "test_support.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace b2b;
using b2b::plugin::SealedImage;

namespace {

std::string text_of(const SealedImage& image) {
  auto bytes = image.bytes();
  return std::string(reinterpret_cast<const char*>(bytes.data()),
                     bytes.size());
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
                    "\"" + missing + "\": cannot open it: No such file or "
                                     "directory");
  test::write(dir / "empty.so", "");
  CHECK_THROWS_WITH(SealedImage(dir / "empty.so"),
                    Catch::Contains("0 bytes is not a plausible size"));
  std::filesystem::create_directory(dir / "dir.so");
  CHECK_THROWS_WITH(SealedImage(dir / "dir.so"),
                    Catch::Contains("not a regular file"));
}
