// SPDX-License-Identifier: Apache-2.0
#include "evidence_rules.hpp"

#include <back2base/sdk/detector.hpp>

namespace {

class GoDetector final : public b2b::sdk::WorkspaceDetector {
 public:
  b2b::sdk::Result detect(const b2b::sdk::WorkspaceIndex& workspace,
                          std::vector<b2b::sdk::Detection>& matches) override {
    static const std::vector<b2b::detectors::Rule> k_rules = {
        {"go.mod", 1.0},
        {"go.work", 1.0},
        {"**/go.mod", 0.9},
        {"**/*.go", 0.6}};
    return b2b::detectors::detect_by_rules(workspace, "go", k_rules, matches);
  }
};

}  // namespace

B2B_PLUGIN(GoDetector, "go", "0.1.0",
           "Recognises Go modules (go.mod, go.work, *.go) and recommends "
           "the go profile")
