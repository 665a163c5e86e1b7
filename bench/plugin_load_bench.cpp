// SPDX-License-Identifier: Apache-2.0
// How long the plugin host takes to discover, check and load plugins: all
// the in-tree ones together, and one of 1 MiB step by step. Prints figures;
// passes or fails nothing.
//
//   build/bin/b2b-plugin-load-bench [runs]
#include "core/config/settings.hpp"
#include "core/plugin/build_key.hpp"
#include "core/plugin/discovery.hpp"
#include "core/plugin/library.hpp"
#include "core/plugin/registry.hpp"
#include "core/plugin/sealed_image.hpp"
#include "core/plugin/signing.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace fs = std::filesystem;
using namespace b2b;
using Clock = std::chrono::steady_clock;

struct Figures {
  double median;
  double p90;
  double min;
};

// Runs `step` `runs` times and returns its times in milliseconds.
Figures measure(int runs, const std::function<void()>& step) {
  std::vector<double> times;
  step();  // warm the page cache and the dynamic loader
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    step();
    times.push_back(
        std::chrono::duration<double, std::milli>(Clock::now() - start)
            .count());
  }
  std::sort(times.begin(), times.end());
  return {times[times.size() / 2], times[times.size() * 9 / 10], times[0]};
}

void print(const char* what, const Figures& f) {
  std::printf("  %-40s %8.3f %8.3f %8.3f\n", what, f.median, f.p90, f.min);
}

std::size_t load_all(const std::vector<plugin::TrustedKey>& keys,
                     const fs::path& dir) {
  plugin::PluginRegistry registry(keys, plugin::Policy{},
                                  std::make_shared<const config::Settings>());
  registry.load(plugin::discover({{dir, "bench"}}), plugin::LoadOptions{});
  std::size_t loaded = 0;
  for (const plugin::PluginRecord& record : registry.records()) {
    if (record.status != plugin::Status::loaded) {
      throw std::runtime_error(record.path.string() + ": " + record.reason);
    }
    ++loaded;
  }
  return loaded;
}

// Copies the 1 MiB plugins into `dir`, each signed with `key`.
std::vector<fs::path> stage_large_plugins(const fs::path& dir,
                                          const plugin::SecretKey& key) {
  std::vector<fs::path> staged;
  fs::create_directories(dir);
  for (const auto& entry : fs::directory_iterator(B2B_LARGE_PLUGIN_DIR)) {
    fs::path copy = dir / entry.path().filename();
    fs::copy_file(entry.path(), copy);
    plugin::sign_file(copy, key);
    staged.push_back(copy);
  }
  std::sort(staged.begin(), staged.end());
  return staged;
}

}  // namespace

int main(int argc, char** argv) {
  const int runs = argc > 1 ? std::stoi(argv[1]) : 200;
  const fs::path first_party = B2B_FIRST_PARTY_PLUGIN_DIR;
  const fs::path scratch = fs::temp_directory_path() / "b2b-bench";
  fs::remove_all(scratch);

  plugin::KeyPair key = plugin::generate_key_pair();
  std::vector<fs::path> large =
      stage_large_plugins(scratch / "large-set", key.secret_key);
  fs::create_directories(scratch / "large-one");
  for (const char* suffix : {"", ".minisig"}) {
    fs::copy_file(
        large[0].string() + suffix,
        scratch / "large-one" / (large[0].filename().string() + suffix));
  }
  std::vector<plugin::TrustedKey> keys{
      {plugin::parse_public_key(plugin::build_public_key()), "build"},
      {key.public_key, "bench"}};
  const double size = static_cast<double>(fs::file_size(large[0]));
  const double n_large = static_cast<double>(large.size());

  std::size_t count = load_all(keys, first_party);
  std::printf(
      "plugin host: discover, verify and load; %u cores (%d runs; "
      "ms: median, p90, min)\n",
      std::thread::hardware_concurrency(), runs);
  Figures all = measure(runs, [&] { load_all(keys, first_party); });
  std::string label = "all " + std::to_string(count) + " in-tree plugins";
  print(label.c_str(), all);
  print("  per plugin", {all.median / static_cast<double>(count),
                         all.p90 / static_cast<double>(count),
                         all.min / static_cast<double>(count)});

  std::printf("plugins of %.0f bytes (%.2f MiB)\n", size, size / 1048576);
  print("one alone",
        measure(runs, [&] { load_all(keys, scratch / "large-one"); }));
  Figures set = measure(runs, [&] { load_all(keys, scratch / "large-set"); });
  std::string set_label = std::to_string(large.size()) + " together";
  print(set_label.c_str(), set);
  print("  per plugin",
        {set.median / n_large, set.p90 / n_large, set.min / n_large});

  // Where one plugin's time goes.
  const fs::path& one = large[0];
  const std::string name = one.filename().string();
  std::string signature_text = util::read_file(one.string() + ".minisig");
  print("  copy into a sealed memfd",
        measure(runs, [&] { plugin::SealedImage image(one); }));
  plugin::SealedImage image(one);
  print(
      "  parse signature, BLAKE2b, 2x Ed25519", measure(runs, [&] {
        plugin::Signature signature = plugin::parse_signature(signature_text);
        if (!plugin::verify(image.bytes(), signature, keys, name).accepted()) {
          throw std::runtime_error("the benchmark's signature is refused");
        }
      }));
  print("  dlopen and dlclose", measure(runs, [&] {
          plugin::SealedImage fresh(one);
          plugin::Library library(fresh.loader_path(), name);
        }));
  fs::remove_all(scratch);
  return 0;
}
