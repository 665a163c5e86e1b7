// SPDX-License-Identifier: Apache-2.0
// A third party's detector, built out of tree against the installed SDK:
// recognises Rust crates and recommends a "rust" profile. The test suite
// builds, signs and loads it, so this example cannot go stale.
#include <back2base/sdk/detector.hpp>

namespace {

class RustDetector final : public b2b::sdk::WorkspaceDetector {
 public:
  explicit RustDetector(b2b::sdk::Host& host) : m_host(host) {}

  b2b::sdk::Result detect(const b2b::sdk::WorkspaceIndex& workspace,
                          std::vector<b2b::sdk::Detection>& matches) override {
    b2b::sdk::Detection detection{"rust", 0.0, {}};
    for (const char* manifest : {"Cargo.toml", "Cargo.lock"}) {
      if (workspace.exists(manifest)) {
        detection.confidence = 1.0;
        detection.evidence.emplace_back(manifest);
      }
    }
    if (detection.confidence == 0.0) {
      std::vector<std::string> sources = workspace.glob("**/*.rs");
      if (!sources.empty()) {
        detection.confidence = 0.6;
        detection.evidence.push_back(sources.front());
      }
    }
    if (detection.confidence > 0.0) {
      m_host.log(b2b::sdk::LogLevel::debug, "found a Rust crate");
      matches.push_back(std::move(detection));
    }
    return b2b::sdk::Result::success();
  }

 private:
  b2b::sdk::Host& m_host;
};

}  // namespace

B2B_PLUGIN(RustDetector, "rust", "1.0.0",
           "Recognises Rust crates (Cargo.toml, *.rs): an example plugin")
