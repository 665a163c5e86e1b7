// SPDX-License-Identifier: Apache-2.0
// Sessions on Podman. Both containers are created first, then started one
// after the other: the firewall's, which owns the network namespace, and
// the agent's, which joins it (`--network container:`) and is attached to
// the user's terminal. Rootless, the sidecar takes --userns=keep-id and
// the agent joins that user namespace, so files keep the user's ids;
// rootful Podman works the same way as Docker.
#include "create_flags.hpp"
#include "engine_cli.hpp"

#include <back2base/sdk/runtime.hpp>

#include <unistd.h>

namespace {

using b2b::sdk::CommandResult;
using b2b::sdk::Result;

class PodmanRuntime final : public b2b::sdk::ContainerRuntime {
 public:
  explicit PodmanRuntime(b2b::sdk::Host& host)
      : m_podman(host, "podman", "podman") {}

  // Podman has no daemon to ask: installed is ready. Whatever else is
  // wrong shows, with Podman's words, at the first real call.
  Result probe(b2b::sdk::RuntimeProbe& probe) override {
    std::string podman = b2b::engine::find_in_path("podman");
    if (podman.empty()) {
      probe.detail = "podman is not installed (not on PATH)";
    } else {
      probe.available = true;
      probe.engine = podman + (rootless() ? " (rootless)" : " (rootful)");
    }
    return Result::success();
  }

  Result image_label(const std::string& image, const std::string& label,
                     std::optional<std::string>& value) override {
    return m_podman.image_label(image, label, value);
  }

  Result build_image(const b2b::sdk::ImageBuild& build) override {
    return m_podman.build_image(build);
  }

  Result containers(const std::string& label,
                    std::vector<b2b::sdk::EngineObject>& out) override {
    return m_podman.containers(label, out);
  }

  Result images(const std::string& repository,
                std::vector<b2b::sdk::EngineObject>& out) override {
    return m_podman.images(repository, out);
  }

  Result remove_containers(const std::vector<std::string>& names) override {
    return m_podman.remove_containers(names);
  }

  Result remove_images(const std::vector<std::string>& references) override {
    return m_podman.remove_images(references);
  }

  Result run(const b2b::sdk::LaunchSpec& spec, int& exit_status) override {
    Result outcome = start_session(spec, exit_status);
    // Whatever happened, nothing of the session stays.
    remove(spec.firewall.name);
    return outcome;
  }

 private:
  static bool rootless() { return ::geteuid() != 0; }

  Result create(const b2b::sdk::LaunchSpec& spec,
                const b2b::sdk::ContainerSpec& container,
                const std::string& network) {
    CommandResult result = m_podman.call(
        b2b::podman::create_arguments(spec, container, network, rootless()),
        b2b::sdk::Streams::capture, b2b::engine::secrets_of(container));
    return m_podman.checked(result, "creating " + container.name);
  }

  // Creates both, starts the firewall's, then the agent's attached to the
  // user's terminal; its exit status is the session's.
  Result start_session(const b2b::sdk::LaunchSpec& spec, int& exit_status) {
    Result made = create(spec, spec.firewall, "");
    if (made.ok()) {
      made = create(spec, spec.agent, "container:" + spec.firewall.name);
    }
    if (made.ok()) {
      made = m_podman.checked(
          m_podman.query({"podman", "start", spec.firewall.name}),
          "starting the firewall");
    }
    if (!made.ok()) {
      return made;
    }
    std::vector<std::string> attach = {"podman", "start", "--attach"};
    if (spec.agent.interactive) {
      attach.push_back("--interactive");
    }
    attach.push_back(spec.agent.name);
    CommandResult session = m_podman.call(attach, b2b::sdk::Streams::inherit);
    if (!session.started) {
      return m_podman.checked(session, "starting the agent");
    }
    exit_status = session.exit_status;
    return Result::success();
  }

  // The firewall's container and, with --depend, the agent's that joined
  // it, in one call. Quietly: one that never got made is not worth a
  // message.
  void remove(const std::string& firewall) {
    m_podman.query({"podman", "rm", "--force", "--depend", "--time", "0",
                    "--ignore", firewall});
  }

  b2b::engine::EngineCli m_podman;
};

}  // namespace

B2B_PLUGIN(PodmanRuntime, "podman", "0.2.0",
           "Runs sessions on Podman, rootless or rootful: the agent joins "
           "the firewall sidecar's network namespace")
