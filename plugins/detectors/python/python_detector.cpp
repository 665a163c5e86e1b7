// SPDX-License-Identifier: Apache-2.0
#include "evidence_rules.hpp"

#include <back2base/sdk/detector.hpp>

namespace {

class PythonDetector final : public b2b::sdk::WorkspaceDetector {
 public:
  b2b::sdk::Result detect(const b2b::sdk::WorkspaceIndex& workspace,
                          std::vector<b2b::sdk::Detection>& matches) override {
    static const std::vector<b2b::detectors::Rule> k_rules = {
        {"pyproject.toml", 1.0},    {"setup.py", 1.0},
        {"Pipfile", 1.0},           {"requirements*.txt", 0.9},
        {"**/pyproject.toml", 0.8}, {"**/*.py", 0.5}};
    return b2b::detectors::detect_by_rules(workspace, "python", k_rules,
                                           matches);
  }
};

}  // namespace

B2B_PLUGIN(PythonDetector, "python", "0.1.0",
           "Recognises Python projects (pyproject.toml, requirements*.txt, "
           "setup.py, Pipfile, *.py) and recommends the python profile")
