// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/discovery.hpp"

#include "core/log/log.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <map>

namespace b2b::plugin {
namespace fs = std::filesystem;

std::vector<PluginDirectory> plugin_directories(const config::Paths& paths,
                                                const Policy& policy) {
  std::vector<PluginDirectory> dirs;
  if (policy.allow_user_plugins) {
    for (const fs::path& dir : paths.extra_plugin_dirs) {
      dirs.push_back({dir, "BACK2BASE_PLUGIN_PATH"});
    }
    dirs.push_back({paths.user_plugin_dir, "user"});
  } else {
    log::debug("only the install's plugins are searched: the policy " +
               util::quote(policy.source) + " does not allow others");
  }
  dirs.push_back({paths.install_plugin_dir, "install"});
  return dirs;
}

std::vector<Candidate> discover(const std::vector<PluginDirectory>& dirs) {
  std::vector<Candidate> candidates;
  std::map<std::string, fs::path> first_by_name;
  for (const PluginDirectory& dir : dirs) {
    std::error_code error;
    std::vector<fs::path> files;
    for (const fs::directory_entry& entry :
         fs::directory_iterator(dir.path, error)) {
      if (entry.path().extension() == ".so" && entry.is_regular_file(error)) {
        files.push_back(entry.path());
      }
    }
    if (error && error != std::errc::no_such_file_or_directory) {
      log::warning("plugin directory " + util::quote(dir.path.string()) +
                   ": cannot list it: " + error.message() + "; skipped it");
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
      Candidate candidate{file, dir.origin, std::nullopt};
      auto [first, inserted] =
          first_by_name.emplace(file.filename().string(), file);
      if (!inserted) {
        candidate.shadowed_by = first->second;
      }
      candidates.push_back(std::move(candidate));
    }
  }
  return candidates;
}

}  // namespace b2b::plugin
