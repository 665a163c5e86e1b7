// SPDX-License-Identifier: Apache-2.0
#include "core/launch/runtime_choice.hpp"

#include "core/log/log.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <algorithm>

namespace b2b::launch {

namespace {

using RuntimeRef = plugin::PluginRef<sdk::ContainerRuntime>;

// Compose, then Podman, then third parties' in the order they loaded.
int preference(const RuntimeRef& runtime) {
  if (runtime.name == "compose") {
    return 0;
  }
  return runtime.name == "podman" ? 1 : 2;
}

// The engine's answer, or why it cannot run a session.
std::optional<std::string> engine_of(const RuntimeRef& runtime,
                                     std::string& why_not) {
  sdk::RuntimeProbe probe;
  sdk::Result result = runtime.object->probe(probe);
  if (!result.ok()) {
    why_not = result.message();
    return std::nullopt;
  }
  if (!probe.available) {
    why_not = probe.detail.empty() ? "its engine is not available"
                                   : probe.detail;
    return std::nullopt;
  }
  return probe.engine;
}

std::string names_of(const std::vector<RuntimeRef>& runtimes) {
  std::vector<std::string> names;
  for (const RuntimeRef& runtime : runtimes) {
    names.push_back(runtime.name);
  }
  return names.empty() ? "none" : util::join(names);
}

}  // namespace

ChosenRuntime choose_runtime(const std::vector<RuntimeRef>& runtimes,
                             const std::string& requested,
                             const std::string& origin) {
  if (requested != "auto") {
    auto found = std::find_if(runtimes.begin(), runtimes.end(),
                              [&](const RuntimeRef& r) {
                                return r.name == requested;
                              });
    if (found == runtimes.end()) {
      throw Error(origin + ": no runtime " + util::quote(requested) +
                  " is loaded (loaded: " + names_of(runtimes) +
                  "); \"oss-back2base plugin list\" says why");
    }
    std::string why_not;
    std::optional<std::string> engine = engine_of(*found, why_not);
    if (!engine) {
      throw Error("runtime " + requested + ": " + why_not +
                  "; start the engine, or choose another with --runtime");
    }
    return {*found, *engine, origin};
  }

  std::vector<RuntimeRef> ordered = runtimes;
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const RuntimeRef& a, const RuntimeRef& b) {
                     return preference(a) < preference(b);
                   });
  std::string reasons;
  for (const RuntimeRef& runtime : ordered) {
    std::string why_not;
    if (std::optional<std::string> engine = engine_of(runtime, why_not)) {
      return {runtime, *engine, "auto: the first that answered"};
    }
    reasons += "\n  " + runtime.name + ": " + why_not;
  }
  throw Error("runtime: no container engine can run a session (tried " +
              names_of(ordered) + "); install and start Docker with "
              "Compose, or Podman; \"oss-back2base doctor\" checks" +
              reasons);
}

ChosenRuntime choose_runtime(const std::vector<RuntimeRef>& runtimes,
                             const std::optional<std::string>& flag,
                             const config::Settings& settings) {
  std::string requested = flag.value_or("");
  std::string origin = "--runtime";
  if (requested.empty()) {
    requested = settings.value("BACK2BASE_RUNTIME").value_or("");
    origin = "BACK2BASE_RUNTIME";
  }
  ChosenRuntime chosen = choose_runtime(
      runtimes, requested.empty() ? "auto" : requested, origin);
  log::info("runtime: " + chosen.runtime.name + " (" + chosen.engine +
            "), chosen by " + chosen.reason);
  return chosen;
}

}  // namespace b2b::launch
