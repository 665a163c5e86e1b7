// SPDX-License-Identifier: Apache-2.0
#include "test_support.hpp"

#include "core/log/log.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <fnmatch.h>
#include <stdlib.h>

#include <stdexcept>

namespace b2b::test {
namespace fs = std::filesystem;
namespace {

// Refusals are the point of many tests; their warnings are not.
const bool k_quiet = [] {
  log::configure(log::Level::error, false);
  return true;
}();

}  // namespace

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "b2b-test-XXXXXX");
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  m_path = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(m_path, ignored);
}

fs::path fixture_plugin(std::string_view name) {
  return fs::path(B2B_FIXTURE_PLUGIN_DIR) / (std::string(name) + ".so");
}

fs::path first_party_plugin_dir() {
  return B2B_FIRST_PARTY_PLUGIN_DIR;
}

void write(const fs::path& path, std::string_view content) {
  fs::create_directories(path.parent_path());
  util::write_file_atomic(path, content, 0644);
}

void copy(const fs::path& from, const fs::path& to) {
  fs::create_directories(to.parent_path());
  fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

std::shared_ptr<const config::Settings> settings_of(
    config::Environment environment) {
  return std::make_shared<const config::Settings>(
      environment, config::EnvFile(), config::Settings::Flags());
}

const plugin::KeyPair& test_keys() {
  static const plugin::KeyPair keys = plugin::generate_key_pair();
  return keys;
}

const plugin::KeyPair& stranger_keys() {
  static const plugin::KeyPair keys = plugin::generate_key_pair();
  return keys;
}

bool FakeIndex::exists(std::string_view path) const noexcept {
  return m_paths.count(std::string(path)) > 0;
}

std::vector<std::string> FakeIndex::glob(
    std::string_view pattern) const noexcept {
  // "**/" matches any number of directories, including none.
  std::string text(pattern);
  std::string shallow = text.starts_with("**/") ? text.substr(3) : text;
  std::vector<std::string> found;
  for (const std::string& path : m_paths) {
    bool deep = text.starts_with("**/") &&
                ::fnmatch(("*/" + shallow).c_str(), path.c_str(), 0) == 0;
    if (deep || ::fnmatch(shallow.c_str(), path.c_str(), FNM_PATHNAME) == 0) {
      found.push_back(path);
    }
  }
  return found;
}

}  // namespace b2b::test
