// SPDX-License-Identifier: Apache-2.0
#include "core/workspace/detection.hpp"

#include "core/plugin/guard.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <cmath>
#include <future>
#include <memory>
#include <thread>

namespace b2b::workspace {
namespace {

using Clock = std::chrono::steady_clock;

// Why `matches` cannot be believed, or an empty string.
std::string nonsense_in(const std::vector<sdk::Detection>& matches,
                        const sdk::WorkspaceIndex& index) {
  for (const sdk::Detection& match : matches) {
    if (!util::is_plain_name(match.profile)) {
      return "it named a profile that cannot exist (" +
             std::to_string(match.profile.size()) + " characters)";
    }
    if (!std::isfinite(match.confidence) || match.confidence <= 0.0 ||
        match.confidence > 1.0) {
      return "it gave \"" + match.profile + "\" a confidence outside (0, 1]";
    }
    for (const std::string& path : match.evidence) {
      if (!index.exists(path)) {
        return "it cited \"" + path +
               "\" as evidence, which the walk did "
               "not see";
      }
    }
  }
  return "";
}

// What one detector's thread hands back.
struct Answer {
  sdk::Result result = sdk::Result::success();
  std::vector<sdk::Detection> matches;
};

}  // namespace

std::vector<DetectorOutcome> run_detectors(
    const std::vector<plugin::PluginRef<sdk::WorkspaceDetector>>& detectors,
    std::shared_ptr<const sdk::WorkspaceIndex> index,
    std::chrono::milliseconds deadline) {
  const Clock::time_point until = Clock::now() + deadline;
  std::vector<std::future<Answer>> answers;
  for (const auto& detector : detectors) {
    std::packaged_task<Answer()> task([detector, index] {
      Answer answer;
      answer.result = plugin::guarded(detector, "detecting",
                                      [&](sdk::WorkspaceDetector& d) {
                                        return d.detect(*index, answer.matches);
                                      });
      return answer;
    });
    answers.push_back(task.get_future());
    try {
      // Detached: one that never returns must not hold the launch. The
      // task keeps `detector` (and so its library) and the index alive
      // until it does return.
      std::thread(std::move(task)).detach();
    } catch (const std::system_error&) {
      // No thread to be had: the task is dropped unrun, and its future's
      // broken promise is reported below.
    }
  }

  std::vector<DetectorOutcome> outcomes;
  for (std::size_t i = 0; i < detectors.size(); ++i) {
    DetectorOutcome outcome{detectors[i].name, {}, ""};
    if (answers[i].wait_until(until) != std::future_status::ready) {
      outcome.problem = "it did not answer within " +
                        std::to_string(deadline.count()) + " ms";
    } else {
      try {
        Answer answer = answers[i].get();
        std::string nonsense = nonsense_in(answer.matches, *index);
        if (!answer.result.ok()) {
          outcome.problem = answer.result.message();
        } else if (!nonsense.empty()) {
          outcome.problem = nonsense;
        } else {
          outcome.matches = std::move(answer.matches);
        }
      } catch (const std::future_error& e) {
        outcome.problem = std::string("it could not be run: ") + e.what();
      }
    }
    outcomes.push_back(std::move(outcome));
  }
  return outcomes;
}

}  // namespace b2b::workspace
