// SPDX-License-Identifier: Apache-2.0
#include <back2base/sdk/runtime.hpp>

namespace {

class ComposeRuntime final : public b2b::sdk::ContainerRuntime {
 public:
  // TODO(#6): probe "docker compose" / "docker-compose" and realise the
  // LaunchSpec as a generated compose project.
  b2b::sdk::Result probe(b2b::sdk::RuntimeProbe& probe) override {
    probe.available = false;
    probe.detail = "launching on Docker Compose is not built yet";
    return b2b::sdk::Result::success();
  }

  b2b::sdk::Result run(const b2b::sdk::LaunchSpec&, int&) override {
    return b2b::sdk::Result::failure(
        "runtime compose: launching is not built yet");
  }
};

}  // namespace

B2B_PLUGIN(ComposeRuntime, "compose", "0.1.0",
           "Runs sessions on Docker Engine with Compose (v2 plugin or v1 "
           "docker-compose): the firewall sidecar and the agent in one "
           "project")
