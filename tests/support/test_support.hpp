// SPDX-License-Identifier: Apache-2.0
// What the unit tests share: scratch directories, the fixture plugins, keys
// and signatures, and a workspace index made from a list of paths.
#pragma once

#include "core/config/settings.hpp"
#include "core/plugin/signing.hpp"

#include <back2base/sdk/workspace.hpp>

#include <filesystem>
#include <set>
#include <string>
#include <string_view>

namespace b2b::test {

/// A directory of its own under the system's temporary directory, removed
/// with everything in it when the object goes.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(std::string_view name) const {
    return m_path / name;
  }

 private:
  std::filesystem::path m_path;
};

/// The built fixture plugin `name` ("good_detector", ...).
std::filesystem::path fixture_plugin(std::string_view name);

/// The built first-party plugins' directory.
std::filesystem::path first_party_plugin_dir();

/// Writes `content` to `path`, creating its directory.
void write(const std::filesystem::path& path, std::string_view content);

/// Copies `from` to `to`, creating `to`'s directory.
void copy(const std::filesystem::path& from, const std::filesystem::path& to);

/// Settings from `environment` alone, as a registry takes them.
std::shared_ptr<const config::Settings> settings_of(
    config::Environment environment = {});

/// One key pair per test process, and another for "someone else".
const plugin::KeyPair& test_keys();
const plugin::KeyPair& stranger_keys();

/// A workspace index over a fixed set of paths.
class FakeIndex final : public sdk::WorkspaceIndex {
 public:
  explicit FakeIndex(std::set<std::string> paths) : m_paths(std::move(paths)) {}
  bool exists(std::string_view path) const noexcept override;
  std::vector<std::string> glob(
      std::string_view pattern) const noexcept override;
  std::optional<std::string> read_head(std::string_view,
                                       std::size_t) const noexcept override {
    return std::nullopt;
  }

 private:
  std::set<std::string> m_paths;
};

}  // namespace b2b::test
