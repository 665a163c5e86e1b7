// SPDX-License-Identifier: Apache-2.0
// The plugins of this run: which were found, which were loaded and why the
// others were not. The registry owns each loaded library together with the
// object made from it; a library is unloaded only after its object, and
// only when the registry and every reference handed out are gone.
#pragma once

#include "core/config/settings.hpp"
#include "core/plugin/discovery.hpp"
#include "core/plugin/policy.hpp"
#include "core/plugin/signing.hpp"

#include <back2base/sdk/auth.hpp>
#include <back2base/sdk/detector.hpp>
#include <back2base/sdk/runtime.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace b2b::plugin {

enum class Status { loaded, refused, shadowed };

/// What happened to one plugin file, for `plugin list` and the logs.
struct PluginRecord {
  std::filesystem::path path;
  std::string origin;
  Status status = Status::refused;
  std::string reason;  ///< why it was refused or shadowed
  std::string signer;  ///< key ID; empty when unsigned or not checked
  std::string signer_source;
  bool unsigned_override = false;  ///< loaded unsigned, by the user's leave
  bool descriptor_read = false;    ///< the fields below are known
  sdk::PluginKind kind{};
  std::string name;
  std::string version;
  std::string summary;
  unsigned abi_major = 0;
  unsigned abi_minor = 0;
};

/// The text for `kind` in messages and listings: "runtime", ...
std::string_view kind_name(sdk::PluginKind kind);

/// A loaded plugin's object; it keeps the plugin's library loaded for as
/// long as it lives.
template <class Interface>
struct PluginRef {
  std::string name;
  std::shared_ptr<Interface> object;
  unsigned abi_minor = 0;  ///< what of the SDK it knows: the minor it was
                           ///< built against
};

struct LoadOptions {
  /// Load plugins that have no signature at all, with a warning, unless the
  /// policy forbids it. A bad signature is refused all the same.
  bool allow_unsigned = false;
};

class PluginRegistry {
 public:
  PluginRegistry(std::vector<TrustedKey> keys, Policy policy,
                 std::shared_ptr<const config::Settings> settings);
  ~PluginRegistry();
  PluginRegistry(const PluginRegistry&) = delete;
  PluginRegistry& operator=(const PluginRegistry&) = delete;

  /// Checks and loads every candidate, recording a verdict for each: the
  /// signature over the file's bytes (for all candidates at once, on every
  /// core), then, one by one in order, the descriptor and its ABI and the
  /// factory. Never throws for a bad plugin; it is refused and the others
  /// load.
  void load(const std::vector<Candidate>& candidates,
            const LoadOptions& options);

  /// Destroys every plugin object nothing else holds, leaving its library
  /// loaded: for the end of a run, when unmapping the libraries is work
  /// the kernel does faster at exit. One still in use (a detector running
  /// past its deadline) is left to the exit.
  void destroy_idle_objects();

  /// Every candidate seen so far, in the order given.
  const std::vector<PluginRecord>& records() const { return m_records; }

  std::vector<PluginRef<sdk::ContainerRuntime>> runtimes() const;
  std::vector<PluginRef<sdk::WorkspaceDetector>> detectors() const;
  std::vector<PluginRef<sdk::AuthProvider>> auth_providers() const;

 private:
  struct Entry;
  struct Checked;

  std::vector<Checked> check_all(const std::vector<Candidate>& candidates,
                                 const LoadOptions& options) const;
  Checked check(const Candidate& candidate,
                const LoadOptions& options) const noexcept;
  void open(Checked& item);
  template <class Interface>
  std::vector<PluginRef<Interface>> of_kind() const;

  std::vector<TrustedKey> m_keys;
  Policy m_policy;
  std::shared_ptr<const config::Settings> m_settings;
  std::vector<std::shared_ptr<Entry>> m_entries;
  std::vector<PluginRecord> m_records;
};

}  // namespace b2b::plugin
