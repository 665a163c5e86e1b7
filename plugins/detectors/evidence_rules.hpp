// SPDX-License-Identifier: Apache-2.0
// Shared by the first-party detectors, compiled into each: a detector is a
// table of path patterns, each worth a confidence, looked up in the
// workspace index the host made.
#pragma once

#include <back2base/sdk/detector.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace b2b::detectors {

struct Rule {
  const char* pattern;  ///< a path or a glob, as WorkspaceIndex takes them
  double confidence;    ///< what one match of it is worth
};

/// No more than this many paths are kept as evidence for one rule.
inline constexpr std::size_t k_max_evidence = 5;

/// Appends every path matching `rules` to `evidence`, each once, and returns
/// the highest confidence among the rules that matched (0 when none did).
inline double collect(const sdk::WorkspaceIndex& index,
                      const std::vector<Rule>& rules,
                      std::vector<std::string>& evidence) {
  double confidence = 0.0;
  for (const Rule& rule : rules) {
    std::vector<std::string> paths = index.glob(rule.pattern);
    if (paths.empty()) {
      continue;
    }
    confidence = std::max(confidence, rule.confidence);
    std::size_t kept = 0;
    for (std::string& path : paths) {
      if (kept == k_max_evidence) {
        break;
      }
      if (std::find(evidence.begin(), evidence.end(), path) == evidence.end()) {
        evidence.push_back(std::move(path));
        ++kept;
      }
    }
  }
  return confidence;
}

/// The whole of a simple detector: `profile` matches when any rule does.
inline sdk::Result detect_by_rules(const sdk::WorkspaceIndex& index,
                                   const char* profile,
                                   const std::vector<Rule>& rules,
                                   std::vector<sdk::Detection>& matches) {
  sdk::Detection detection{profile, 0.0, {}};
  detection.confidence = collect(index, rules, detection.evidence);
  if (detection.confidence > 0.0) {
    matches.push_back(std::move(detection));
  }
  return sdk::Result::success();
}

}  // namespace b2b::detectors
