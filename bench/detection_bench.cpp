// SPDX-License-Identifier: Apache-2.0
// How long the workspace walk and the four first-party detectors take on
// synthetic workspaces of 1k to 1M files, laid out like real ones: most of
// the files in node_modules, the rest in source trees a few levels deep.
// Then the same through the whole `oss-back2base plan`, and on one flat
// directory of a million files. Prints figures; passes or fails nothing.
//
//   build/bin/b2b-detection-bench [runs] [scratch-dir]
#include "core/config/settings.hpp"
#include "core/plugin/build_key.hpp"
#include "core/plugin/discovery.hpp"
#include "core/plugin/registry.hpp"
#include "core/process/process_runner.hpp"
#include "core/workspace/detection.hpp"
#include "core/workspace/workspace_scan.hpp"

#include <boost/json.hpp>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace b2b;
using Clock = std::chrono::steady_clock;
using DetectorList = std::vector<plugin::PluginRef<sdk::WorkspaceDetector>>;

void touch(const fs::path& file) {
  ::close(::creat(file.c_str(), 0644));
}

// `files` files: 90% under node_modules/<pkg>/lib, the rest in src/ down
// to six levels, plus the manifests a detector looks for.
void make_workspace(const fs::path& root, std::size_t files) {
  fs::create_directories(root);
  for (const char* manifest : {"package.json", "tsconfig.json", "go.mod"}) {
    touch(root / manifest);
  }
  const std::size_t dependencies = files * 9 / 10;
  for (std::size_t i = 0; i < dependencies; ++i) {
    fs::path dir =
        root / "node_modules" / ("pkg" + std::to_string(i / 100)) / "lib";
    if (i % 100 == 0) {
      fs::create_directories(dir);
    }
    touch(dir / ("f" + std::to_string(i) + ".js"));
  }
  for (std::size_t i = 0; i < files - dependencies; ++i) {
    fs::path dir = root / "src";
    for (std::size_t depth = 0; depth < 1 + i % 6; ++depth) {
      dir /= "d" + std::to_string((i / 50 + depth) % 8);
    }
    fs::create_directories(dir);
    touch(dir / ("f" + std::to_string(i) + (i % 2 ? ".ts" : ".go")));
  }
}

// Median and 90th percentile of `times`, which it sorts.
std::pair<double, double> spread(std::vector<double>& times) {
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[times.size() * 9 / 10]};
}

// The walk and the detectors in this process, as a launch runs them.
void bench_detection(const fs::path& root, const std::string& label,
                     const DetectorList& detectors, int runs) {
  std::vector<double> times;
  std::size_t entries = 0;
  std::string matched;
  for (int i = 0; i < runs + 1; ++i) {
    auto start = Clock::now();
    auto scan = std::make_shared<workspace::WorkspaceScan>(root);
    auto outcomes =
        workspace::run_detectors(detectors, scan, std::chrono::seconds(5));
    double ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (i > 0) {  // the first run warms the page cache
      times.push_back(ms);
    }
    entries = scan->size();
    matched.clear();
    for (const auto& outcome : outcomes) {
      for (const auto& match : outcome.matches) {
        matched += (matched.empty() ? "" : ",") + match.profile;
      }
    }
  }
  auto [median, p90] = spread(times);
  std::printf("  %12s %10zu %10.3f %10.3f %s\n", label.c_str(), entries, median,
              p90, matched.c_str());
}

// The whole `oss-back2base plan --json`: a process, its plugins, git, the
// walk, the detectors, profiles and registry; and the detection time it
// reports itself.
void bench_plan(const fs::path& root, const std::string& label, int runs) {
  auto runner = process::make_system_runner();
  std::vector<double> wall;
  std::vector<double> detection;
  std::string profiles;
  for (int i = 0; i < runs + 1; ++i) {
    auto start = Clock::now();
    process::ProcessResult plan =
        runner->run({B2B_BINARY, "plan", "-r", root.string(), "--json"},
                    std::chrono::seconds(60));
    double ms =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (!plan.succeeded()) {
      std::printf("  %12s plan failed: %s\n", label.c_str(), plan.err.c_str());
      return;
    }
    auto out = boost::json::parse(plan.out).as_object();
    if (i > 0) {
      wall.push_back(ms);
      detection.push_back(
          out.at("detection").at("milliseconds").to_number<double>());
    }
    profiles.clear();
    for (const auto& name : out.at("profile").at("matched").as_array()) {
      profiles += (profiles.empty() ? "" : ",") + std::string(name.as_string());
    }
  }
  auto [wall_median, wall_p90] = spread(wall);
  auto [detect_median, detect_p90] = spread(detection);
  std::printf("  %12s %10.3f %10.3f %10.2f %10.2f %s\n", label.c_str(),
              detect_median, detect_p90, wall_median, wall_p90,
              profiles.c_str());
}

// One directory of `files` empty files and a go.mod: no cap on reading it
// would make this the slowest case.
void make_flat_directory(const fs::path& root, std::size_t files) {
  fs::create_directories(root);
  for (std::size_t i = 0; i < files; ++i) {
    touch(root / ("f" + std::to_string(i)));
  }
  touch(root / "go.mod");
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::stoi(argv[1]) : 50;
  const fs::path scratch =
      argc > 2 ? fs::path(argv[2]) : fs::temp_directory_path() / "b2b-detect";
  std::vector<plugin::TrustedKey> keys{
      {plugin::parse_public_key(plugin::build_public_key()), "build"}};
  plugin::PluginRegistry registry(keys, plugin::Policy{},
                                  std::make_shared<const config::Settings>());
  registry.load(plugin::discover({{B2B_FIRST_PARTY_PLUGIN_DIR, "install"}}),
                {});
  DetectorList detectors = registry.detectors();
  // plan reads no configuration of the person running the benchmark.
  ::setenv("BACK2BASE_CONFIG", (scratch / "config").c_str(), 1);
  ::setenv("BACK2BASE_HOME", (scratch / "home").c_str(), 1);
  const int plan_runs = std::max(5, runs / 5);

  struct Workspace {
    std::string label;
    fs::path root;
  };
  std::vector<Workspace> workspaces;
  for (std::size_t files : {1000u, 10000u, 100000u, 1000000u}) {
    workspaces.push_back(
        {std::to_string(files), scratch / std::to_string(files)});
    fs::remove_all(workspaces.back().root);
    make_workspace(workspaces.back().root, files);
  }
  workspaces.push_back({"1000000 flat", scratch / "flat"});
  fs::remove_all(workspaces.back().root);
  make_flat_directory(workspaces.back().root, 1000000);

  std::printf("workspace walk + %zu detectors, in process (%d runs; ms)\n",
              detectors.size(), runs);
  std::printf("  %12s %10s %10s %10s %s\n", "files", "entries", "median", "p90",
              "matched");
  for (const Workspace& w : workspaces) {
    bench_detection(w.root, w.label, detectors, runs);
  }
  std::printf("\noss-back2base plan --json, auto (%d runs; ms)\n", plan_runs);
  std::printf("  %12s %10s %10s %10s %10s %s\n", "files", "detect", "p90",
              "plan", "p90", "profiles");
  for (const Workspace& w : workspaces) {
    bench_plan(w.root, w.label, plan_runs);
  }
  for (const Workspace& w : workspaces) {
    fs::remove_all(w.root);
  }
  fs::remove_all(scratch);
  return 0;
}
