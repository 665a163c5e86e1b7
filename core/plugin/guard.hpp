// SPDX-License-Identifier: Apache-2.0
// Every call into a plugin goes through `guarded`: a plugin promises not to
// throw, and the host does not rely on the promise. The exception is caught
// and its message copied while the plugin's library is still loaded, since
// the exception object's code lives there.
#pragma once

#include <back2base/sdk/result.hpp>

#include "core/plugin/registry.hpp"
#include "core/util/strings.hpp"

#include <exception>
#include <string>
#include <string_view>

namespace b2b::plugin {

/// Runs `call` (which returns an `sdk::Result`) and turns anything it
/// throws into a failed result naming the plugin and the `action`.
template <class Call>
sdk::Result guarded(std::string_view plugin_name, std::string_view action,
                    Call&& call) noexcept {
  std::string where =
      "plugin " + util::quote(plugin_name) + ": " + std::string(action);
  try {
    return call();
  } catch (const std::exception& e) {
    return sdk::Result::failure(where + " threw an exception: " + e.what());
  } catch (...) {
    return sdk::Result::failure(where + " threw an exception");
  }
}

/// Calls `call(*plugin.object)` under `guarded`.
template <class Interface, class Call>
sdk::Result guarded(const PluginRef<Interface>& plugin, std::string_view action,
                    Call&& call) noexcept {
  return guarded(plugin.name, action, [&] { return call(*plugin.object); });
}

}  // namespace b2b::plugin
