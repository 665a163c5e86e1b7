// SPDX-License-Identifier: Apache-2.0
// What every plugin is, and the one macro that exports a plugin.
#pragma once

#include <back2base/sdk/detail/export.hpp>
#include <back2base/sdk/host.hpp>
#include <back2base/sdk/version.hpp>

#include <cstdint>
#include <exception>
#include <new>
#include <string>
#include <type_traits>

namespace b2b::sdk {

/// The three roles a plugin can play. The numbers are part of the ABI.
enum class PluginKind : std::uint32_t {
  runtime = 1,   ///< realises a launch on a container engine
  detector = 2,  ///< recognises a kind of workspace
  auth = 3,      ///< supplies the credentials a session uses
};

/// The plain data a plugin exports beside its factory. The host reads it,
/// before it calls anything in the plugin, to decide whether it can use the
/// plugin at all. The first two members keep their place and type in every
/// SDK version, so that any host can read the ABI of any plugin. The strings
/// are static and owned by the plugin's shared object.
struct PluginDescriptor {
  std::uint32_t abi_major;  ///< `B2B_SDK_VERSION_MAJOR` at build time
  std::uint32_t abi_minor;  ///< `B2B_SDK_VERSION_MINOR` at build time
  PluginKind kind;          ///< which interface the factory's object has
  const char* name;         ///< short name, unique within its kind: "go"
  const char* version;      ///< the plugin's own version: "1.2.0"
  const char* summary;      ///< one line on what it is for, for `plugin list`
};

/// The base of every plugin object. The host owns the object the factory
/// returns and destroys it, while the plugin's library is still loaded,
/// through this virtual destructor.
class B2B_SDK_DETAIL_EXPORT Plugin {
 public:
  virtual ~Plugin() = default;

  /// The role of this object; each role's interface answers it, so the host
  /// can check it against the descriptor before it uses the object.
  virtual PluginKind kind() const noexcept = 0;
};

namespace detail {

// Builds the plugin object for the exported factory. An exception from the
// constructor is reported through `host` and turned into a null result, so
// that none crosses into the host.
template <class T>
Plugin* create(Host& host) noexcept {
  static_assert(
      std::is_base_of_v<Plugin, T> && requires { T::k_kind; },
      "a plugin type derives from ContainerRuntime, "
      "WorkspaceDetector or AuthProvider");
  try {
    if constexpr (std::is_constructible_v<T, Host&>) {
      return new T(host);
    } else {
      return new T();
    }
  } catch (const std::exception& e) {
    host.log(LogLevel::error,
             std::string("creating the plugin failed: ") + e.what());
  } catch (...) {
    host.log(LogLevel::error, "creating the plugin failed");
  }
  return nullptr;
}

}  // namespace detail
}  // namespace b2b::sdk

/// Exports a plugin: its descriptor and its factory, together, so that
/// neither can be forgotten. Use it once, at namespace scope, in one source
/// file of the plugin:
///
///     B2B_PLUGIN(GoDetector, "go", "1.0.0", "recognises Go modules")
///
/// `Type` derives from `ContainerRuntime`, `WorkspaceDetector` or
/// `AuthProvider` (which sets the kind) and has a constructor taking
/// `b2b::sdk::Host&` or none. The factory never throws: an exception from the
/// constructor is logged through the host and the plugin is not used.
#define B2B_PLUGIN(Type, name, version, summary)                      \
  extern "C" B2B_SDK_DETAIL_EXPORT const ::b2b::sdk::PluginDescriptor \
      B2B_SDK_DETAIL_DESCRIPTOR_SYMBOL{B2B_SDK_VERSION_MAJOR,         \
                                       B2B_SDK_VERSION_MINOR,         \
                                       Type::k_kind,                  \
                                       name,                          \
                                       version,                       \
                                       summary};                      \
  extern "C" B2B_SDK_DETAIL_EXPORT ::b2b::sdk::Plugin*                \
  B2B_SDK_DETAIL_FACTORY_SYMBOL(::b2b::sdk::Host& host) noexcept {    \
    return ::b2b::sdk::detail::create<Type>(host);                    \
  }
