// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/trusted_keys.hpp"

#include "core/log/log.hpp"
#include "core/plugin/build_key.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>

namespace b2b::plugin {
namespace fs = std::filesystem;
namespace {

void add_directory(const fs::path& dir, std::vector<TrustedKey>& keys) {
  std::error_code error;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, error)) {
    if (entry.path().extension() == ".pub") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    try {
      keys.push_back({parse_public_key(util::read_file(file)), file.string()});
      log::debug("trusted key " + format_key_id(keys.back().key.id) + " from " +
                 util::quote(file.string()));
    } catch (const Error& e) {
      log::warning("trusted key " + util::quote(file.string()) + ": " +
                   e.what() + "; skipped it");
    }
  }
}

}  // namespace

std::vector<TrustedKey> load_trusted_keys(const config::Paths& paths,
                                          const Policy& policy) {
  std::vector<TrustedKey> keys;
  keys.push_back({parse_public_key(build_public_key()), "build"});
  add_directory(paths.managed_keys_dir(), keys);
  if (policy.allow_user_keys) {
    add_directory(paths.user_keys_dir, keys);
  } else {
    log::debug("user keys in " + util::quote(paths.user_keys_dir.string()) +
               " ignored: the policy " + util::quote(policy.source) +
               " does not allow them");
  }
  return keys;
}

}  // namespace b2b::plugin
