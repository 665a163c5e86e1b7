// SPDX-License-Identifier: Apache-2.0
#include "evidence_rules.hpp"

#include <back2base/sdk/detector.hpp>

namespace {

class FrontendDetector final : public b2b::sdk::WorkspaceDetector {
 public:
  b2b::sdk::Result detect(const b2b::sdk::WorkspaceIndex& workspace,
                          std::vector<b2b::sdk::Detection>& matches) override {
    static const std::vector<b2b::detectors::Rule> k_rules = {
        {"vite.config.*", 1.0},    {"next.config.*", 1.0},
        {"webpack.config.*", 1.0}, {"tsconfig.json", 0.9},
        {"package.json", 0.8},     {"**/tsconfig.json", 0.8},
        {"**/package.json", 0.7},  {"**/*.tsx", 0.8},
        {"**/*.ts", 0.6}};
    return b2b::detectors::detect_by_rules(workspace, "frontend", k_rules,
                                           matches);
  }
};

}  // namespace

B2B_PLUGIN(FrontendDetector, "frontend", "0.1.0",
           "Recognises web front ends (package.json, tsconfig.json, *.ts, "
           "*.tsx, vite/next/webpack configs) and recommends the frontend "
           "profile")
