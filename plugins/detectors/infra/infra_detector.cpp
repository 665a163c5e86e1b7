// SPDX-License-Identifier: Apache-2.0
#include "evidence_rules.hpp"

#include <back2base/sdk/detector.hpp>

namespace {

class InfraDetector final : public b2b::sdk::WorkspaceDetector {
 public:
  b2b::sdk::Result detect(const b2b::sdk::WorkspaceIndex& workspace,
                          std::vector<b2b::sdk::Detection>& matches) override {
    static const std::vector<b2b::detectors::Rule> k_rules = {
        {"**/*.tf", 1.0},
        {"**/*.tfvars", 0.9},
        {".terraform", 1.0},
        {"**/Chart.yaml", 1.0},
        {"**/kustomization.yaml", 1.0}};
    // Nearly every project has a Dockerfile; it says "infra" only beside
    // stronger evidence.
    static const std::vector<b2b::detectors::Rule> k_supporting = {
        {"**/Dockerfile", 0.3},
        {"**/docker-compose.y*ml", 0.3},
        {"**/compose.y*ml", 0.3}};
    b2b::sdk::Detection detection{"infra", 0.0, {}};
    detection.confidence =
        b2b::detectors::collect(workspace, k_rules, detection.evidence);
    if (detection.confidence > 0.0) {
      b2b::detectors::collect(workspace, k_supporting, detection.evidence);
      matches.push_back(std::move(detection));
    }
    return b2b::sdk::Result::success();
  }
};

}  // namespace

B2B_PLUGIN(InfraDetector, "infra", "0.1.0",
           "Recognises infrastructure code (Terraform, Helm charts, "
           "Kustomize) and recommends the infra profile")
