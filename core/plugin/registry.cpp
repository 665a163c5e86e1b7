// SPDX-License-Identifier: Apache-2.0
#include "core/plugin/registry.hpp"

#include <back2base/sdk/version.hpp>

#include "core/log/log.hpp"
#include "core/plugin/guard.hpp"
#include "core/plugin/library.hpp"
#include "core/plugin/plugin_host.hpp"
#include "core/plugin/sealed_image.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <system_error>
#include <thread>

namespace b2b::plugin {
namespace {

// The exported symbols, as the SDK's export macro names them.
constexpr const char* k_descriptor_symbol = "b2b_plugin_descriptor";
constexpr const char* k_factory_symbol = "b2b_plugin_create";
using Factory = sdk::Plugin*(sdk::Host&);

// Why a plugin was not loaded; caught where its verdict is recorded.
struct Refused {
  std::string reason;
};

std::string abi_text(unsigned major, unsigned minor) {
  return std::to_string(major) + "." + std::to_string(minor);
}

// A descriptor's name, read no further than a valid one could go.
bool valid_name(const char* name) {
  return name != nullptr && util::is_plain_name({name, ::strnlen(name, 65)});
}

bool valid_text(const char* text) {
  return text != nullptr && ::strnlen(text, 1025) <= 1024;
}

// Checks the signature beside the plugin over `image`, or decides what to
// do about a plugin that has none.
void check_trust(const Candidate& candidate, const SealedImage& image,
                 const std::vector<TrustedKey>& keys, const Policy& policy,
                 const LoadOptions& options, PluginRecord& record) {
  std::optional<Verdict> verdict =
      verify_beside(image.bytes(), candidate.path, keys);
  if (!verdict) {
    if (!options.allow_unsigned) {
      throw Refused{
          "unsigned: no " +
          util::quote(candidate.path.filename().string() + ".minisig") +
          " beside it; sign it with \"oss-back2base plugin sign\", "
          "or pass --allow-unsigned-plugins to load it anyway"};
    }
    if (!policy.allow_unsigned_plugins) {
      throw Refused{"unsigned, and the administrator's policy " +
                    util::quote(policy.source) + " forbids unsigned plugins"};
    }
    record.unsigned_override = true;
    return;
  }
  if (verdict->key_id) {
    record.signer = format_key_id(*verdict->key_id);
  }
  if (!verdict->accepted()) {
    throw Refused{verdict->reason};
  }
  record.signer_source = verdict->signer->source;
}

// Reads the descriptor and checks that this host can use the plugin.
const sdk::PluginDescriptor& read_descriptor(const Library& library,
                                             PluginRecord& record) {
  auto* descriptor = static_cast<const sdk::PluginDescriptor*>(
      library.symbol(k_descriptor_symbol));
  if (descriptor == nullptr) {
    throw Refused{
        "it exports no plugin descriptor; a plugin is built with "
        "the SDK's B2B_PLUGIN macro"};
  }
  record.abi_major = descriptor->abi_major;
  record.abi_minor = descriptor->abi_minor;
  std::string theirs = abi_text(descriptor->abi_major, descriptor->abi_minor);
  std::string ours = abi_text(sdk::k_abi_major, sdk::k_abi_minor);
  if (descriptor->abi_major != sdk::k_abi_major) {
    throw Refused{"built for SDK " + theirs + ", but this oss-back2base has " +
                  "SDK " + ours + "; rebuild the plugin against SDK " +
                  std::to_string(sdk::k_abi_major) + ".x"};
  }
  if (descriptor->abi_minor > sdk::k_abi_minor) {
    throw Refused{"built for SDK " + theirs + ", newer than this " +
                  "oss-back2base's SDK " + ours + "; update oss-back2base"};
  }
  auto kind = static_cast<std::uint32_t>(descriptor->kind);
  if (kind < 1 || kind > 3 || !valid_name(descriptor->name) ||
      !valid_text(descriptor->version) || !valid_text(descriptor->summary)) {
    throw Refused{"its descriptor is malformed (kind " + std::to_string(kind) +
                  "; a name of 1 to 64 characters a-z, 0-9 and \"-\"; a "
                  "version and a summary)"};
  }
  record.descriptor_read = true;
  record.kind = descriptor->kind;
  record.name = descriptor->name;
  record.version = descriptor->version;
  record.summary = descriptor->summary;
  return *descriptor;
}

std::string describe(const PluginRecord& record) {
  if (record.status != Status::loaded) {
    return (record.status == Status::shadowed ? "shadowed: " : "refused: ") +
           record.reason;
  }
  return "loaded " + std::string(kind_name(record.kind)) + " " +
         util::quote(record.name) + " " + record.version + " (SDK " +
         abi_text(record.abi_major, record.abi_minor) + ", " +
         (record.unsigned_override ? std::string("unsigned")
                                   : "signed by " + record.signer + " from " +
                                         record.signer_source) +
         ")";
}

}  // namespace

struct PluginRegistry::Entry {
  // Declared first, so destroyed last: the object's code lives in it.
  Library library;
  std::string name;
  unsigned abi_minor = 0;
  PluginHost host;
  std::unique_ptr<sdk::Plugin> object;

  Entry(Library loaded, const std::string& plugin_name,
        std::shared_ptr<const config::Settings> settings)
      : library(std::move(loaded)),
        name(plugin_name),
        host(plugin_name, std::move(settings)) {}
  ~Entry() { object.reset(); }
};

std::string_view kind_name(sdk::PluginKind kind) {
  switch (kind) {
    case sdk::PluginKind::runtime:
      return "runtime";
    case sdk::PluginKind::detector:
      return "detector";
    case sdk::PluginKind::auth:
      return "auth";
  }
  return "unknown";
}

PluginRegistry::PluginRegistry(std::vector<TrustedKey> keys, Policy policy,
                               std::shared_ptr<const config::Settings> settings)
    : m_keys(std::move(keys)),
      m_policy(std::move(policy)),
      m_settings(std::move(settings)) {}

PluginRegistry::~PluginRegistry() = default;

// A candidate after its trust check: the frozen bytes to load, or none and
// the verdict.
struct PluginRegistry::Checked {
  PluginRecord record;
  std::unique_ptr<SealedImage> image;
};

void PluginRegistry::load(const std::vector<Candidate>& candidates,
                          const LoadOptions& options) {
  std::vector<Checked> checked = check_all(candidates, options);
  // Opened one by one, in search order, which decides which of two plugins
  // of the same name is used.
  for (Checked& item : checked) {
    if (item.image) {
      open(item);
    }
    PluginRecord& record = item.record;
    log::debug("plugin " + util::quote(record.path.string()) + ": " +
               describe(record));
    if (record.unsigned_override && record.status == Status::loaded) {
      log::warning("plugin " + util::quote(record.path.string()) +
                   ": loaded without a signature, because unsigned plugins "
                   "were allowed for this run");
    }
    m_records.push_back(std::move(record));
  }
}

// Hashing each file is most of the cost of loading plugins, so the checks
// run on every core at once; they only read the keys and the policy.
std::vector<PluginRegistry::Checked> PluginRegistry::check_all(
    const std::vector<Candidate>& candidates,
    const LoadOptions& options) const {
  std::vector<Checked> checked(candidates.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < candidates.size(); i = next++) {
      checked[i] = check(candidates[i], options);
    }
  };
  const std::size_t threads = std::min<std::size_t>(
      candidates.size(), std::max(1u, std::thread::hardware_concurrency()));
  std::vector<std::thread> helpers;
  try {
    for (std::size_t i = 1; i < threads; ++i) {
      helpers.emplace_back(work);
    }
  } catch (const std::system_error&) {
    // No more threads to be had: the ones started and this one share it.
  }
  work();
  for (std::thread& helper : helpers) {
    helper.join();
  }
  return checked;
}

// Runs on a worker thread: nothing may escape it.
PluginRegistry::Checked PluginRegistry::check(
    const Candidate& candidate, const LoadOptions& options) const noexcept {
  Checked item;
  PluginRecord& record = item.record;
  try {
    record.path = candidate.path;
    record.origin = candidate.origin;
    if (candidate.shadowed_by) {
      record.status = Status::shadowed;
      record.reason = "a plugin file of the same name in " +
                      util::quote(candidate.shadowed_by->string()) +
                      " is used instead";
      return item;
    }
    // The bytes are frozen before they are checked, and loaded from there.
    auto image = std::make_unique<SealedImage>(candidate.path);
    check_trust(candidate, *image, m_keys, m_policy, options, record);
    item.image = std::move(image);
  } catch (const Refused& refused) {
    record.reason = refused.reason;
  } catch (const std::exception& e) {
    record.reason = e.what();
  } catch (...) {
    record.reason = "checking it failed";
  }
  return item;
}

void PluginRegistry::open(Checked& item) {
  PluginRecord& record = item.record;
  const std::string file_name = record.path.filename().string();
  try {
    Library library(item.image->loader_path(), file_name);
    item.image.reset();  // the loader has mapped what it needs

    const sdk::PluginDescriptor& descriptor = read_descriptor(library, record);
    for (const PluginRecord& other : m_records) {
      if (other.status == Status::loaded && other.kind == record.kind &&
          other.name == record.name) {
        throw Refused{"another " + std::string(kind_name(record.kind)) +
                      " plugin named " + util::quote(record.name) +
                      " is loaded from " + util::quote(other.path.string())};
      }
    }
    auto* factory =
        reinterpret_cast<Factory*>(library.symbol(k_factory_symbol));
    if (factory == nullptr) {
      throw Refused{
          "it exports a descriptor but no factory; a plugin is "
          "built with the SDK's B2B_PLUGIN macro"};
    }

    auto entry =
        std::make_shared<Entry>(std::move(library), record.name, m_settings);
    entry->abi_minor = record.abi_minor;
    sdk::Result made = guarded(record.name, "creating it", [&] {
      entry->object.reset(factory(entry->host));
      return entry->object ? sdk::Result::success()
                           : sdk::Result::failure("its factory made nothing");
    });
    if (!made.ok()) {
      throw Refused{made.message()};
    }
    if (entry->object->kind() != descriptor.kind) {
      throw Refused{"its object is not the kind its descriptor declares"};
    }
    m_entries.push_back(std::move(entry));
    record.status = Status::loaded;
  } catch (const Refused& refused) {
    record.reason = refused.reason;
  } catch (const Error& e) {
    record.reason = e.what();
  }
}

template <class Interface>
std::vector<PluginRef<Interface>> PluginRegistry::of_kind() const {
  std::vector<PluginRef<Interface>> refs;
  for (const std::shared_ptr<Entry>& entry : m_entries) {
    if (entry->object->kind() == Interface::k_kind) {
      auto* object = static_cast<Interface*>(entry->object.get());
      refs.push_back({entry->name, std::shared_ptr<Interface>(entry, object),
                      entry->abi_minor});
    }
  }
  return refs;
}

void PluginRegistry::destroy_idle_objects() {
  for (const std::shared_ptr<Entry>& entry : m_entries) {
    if (entry.use_count() == 1) {
      entry->object.reset();
    }
  }
}

std::vector<PluginRef<sdk::ContainerRuntime>> PluginRegistry::runtimes() const {
  return of_kind<sdk::ContainerRuntime>();
}

std::vector<PluginRef<sdk::WorkspaceDetector>> PluginRegistry::detectors()
    const {
  return of_kind<sdk::WorkspaceDetector>();
}

std::vector<PluginRef<sdk::AuthProvider>> PluginRegistry::auth_providers()
    const {
  return of_kind<sdk::AuthProvider>();
}

}  // namespace b2b::plugin
