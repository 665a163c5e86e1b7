// SPDX-License-Identifier: Apache-2.0
// How long the workspace walk and the four first-party detectors take on
// synthetic workspaces of 1k to 1M files, laid out like real ones: most of
// the files in node_modules, the rest in source trees a few levels deep.
// Prints figures; passes or fails nothing.
//
//   build/bin/b2b-detection-bench [runs] [scratch-dir]
#include "core/config/settings.hpp"
#include "core/plugin/build_key.hpp"
#include "core/plugin/discovery.hpp"
#include "core/plugin/registry.hpp"
#include "core/workspace/detection.hpp"
#include "core/workspace/workspace_scan.hpp"

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
  auto detectors = registry.detectors();

  std::printf("workspace walk + %zu detectors (%d runs; ms: median, p90)\n",
              detectors.size(), runs);
  std::printf("  %10s %10s %10s %10s %s\n", "files", "entries", "median", "p90",
              "matched");
  for (std::size_t files : {1000u, 10000u, 100000u, 1000000u}) {
    const fs::path root = scratch / std::to_string(files);
    fs::remove_all(root);
    make_workspace(root, files);
    std::vector<double> times;
    std::size_t entries = 0;
    std::string matched;
    for (int i = 0; i < runs + 1; ++i) {
      auto start = Clock::now();
      auto scan = std::make_shared<workspace::WorkspaceScan>(root);
      auto outcomes =
          workspace::run_detectors(detectors, scan, std::chrono::seconds(5));
      double ms =
          std::chrono::duration<double, std::milli>(Clock::now() - start)
              .count();
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
    std::sort(times.begin(), times.end());
    std::printf("  %10zu %10zu %10.3f %10.3f %s\n", files, entries,
                times[times.size() / 2], times[times.size() * 9 / 10],
                matched.c_str());
    fs::remove_all(root);
  }
  return 0;
}
