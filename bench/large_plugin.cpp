// SPDX-License-Identifier: Apache-2.0
// A detector padded to about 1 MiB of initialised data, the size the speed
// target is set for: the blob is in the file, so it is copied, hashed and
// mapped like code would be.
#include <back2base/sdk/detector.hpp>

namespace {

// A non-zero initialiser keeps the whole array in .rodata, on disk.
__attribute__((used)) const char k_padding[1 << 20] = "back2base";

class LargeDetector final : public b2b::sdk::WorkspaceDetector {
 public:
  b2b::sdk::Result detect(const b2b::sdk::WorkspaceIndex&,
                          std::vector<b2b::sdk::Detection>&) override {
    return b2b::sdk::Result::success();
  }
};

}  // namespace

B2B_PLUGIN(LargeDetector, B2B_LARGE_NAME, "1.0.0", "1 MiB, for the benchmark")
