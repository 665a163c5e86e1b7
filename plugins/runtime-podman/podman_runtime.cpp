// SPDX-License-Identifier: Apache-2.0
#include <back2base/sdk/runtime.hpp>

namespace {

class PodmanRuntime final : public b2b::sdk::ContainerRuntime {
 public:
  // TODO(#6): probe podman and realise the LaunchSpec as a pod, rootless
  // with --userns=keep-id or rootful.
  b2b::sdk::Result probe(b2b::sdk::RuntimeProbe& probe) override {
    probe.available = false;
    probe.detail = "launching on Podman is not built yet";
    return b2b::sdk::Result::success();
  }

  b2b::sdk::Result run(const b2b::sdk::LaunchSpec&, int&) override {
    return b2b::sdk::Result::failure(
        "runtime podman: launching is not built yet");
  }
};

}  // namespace

B2B_PLUGIN(PodmanRuntime, "podman", "0.1.0",
           "Runs sessions on Podman, rootless or rootful: the firewall "
           "sidecar and the agent in one pod")
