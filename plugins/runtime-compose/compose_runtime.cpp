// SPDX-License-Identifier: Apache-2.0
// Sessions on Docker Engine with Compose: v2 (`docker compose`) where it
// is installed, else v1 (`docker-compose`). The firewall service is
// started first, the agent is run attached to the user's terminal in its
// network namespace, and the project is taken down after, whatever
// happened. DOCKER_HOST and Docker contexts are the user's: the engine's
// clients inherit them untouched.
#include "compose_files.hpp"
#include "docker_setup.hpp"
#include "engine_cli.hpp"

#include <back2base/sdk/runtime.hpp>

#include <filesystem>
#include <fstream>

namespace {

using b2b::sdk::CommandResult;
using b2b::sdk::Result;

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  return static_cast<bool>(out);
}

std::string joined(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

class ComposeRuntime final : public b2b::sdk::ContainerRuntime {
 public:
  explicit ComposeRuntime(b2b::sdk::Host& host)
      : m_host(host), m_docker(host, "docker", "compose") {}

  // Without starting a process where it can: the engine's socket answers
  // a connect, and Compose is found where Docker looks for it. An engine
  // elsewhere (DOCKER_HOST, a context) is asked with `docker version`.
  Result probe(b2b::sdk::RuntimeProbe& probe) override {
    std::string why_not;
    if (b2b::engine::find_in_path("docker").empty()) {
      probe.detail = "docker is not installed (not on PATH)";
    } else if (!engine_answers(why_not)) {
      probe.detail = "the Docker Engine does not answer: " + why_not;
    } else if (!find_compose()) {
      probe.detail = compose_missing();
    } else {
      probe.available = true;
      probe.engine = "Docker Engine, " + joined(m_compose) +
                     (m_compose.size() == 1 ? " (v1)" : " (v2)");
    }
    return Result::success();
  }

  Result image_label(const std::string& image, const std::string& label,
                     std::optional<std::string>& value) override {
    return m_docker.image_label(image, label, value);
  }

  Result build_image(const b2b::sdk::ImageBuild& build) override {
    return m_docker.build_image(build);
  }

  Result containers(const std::string& label,
                    std::vector<b2b::sdk::EngineObject>& out) override {
    return m_docker.containers(label, out);
  }

  Result images(const std::string& repository,
                std::vector<b2b::sdk::EngineObject>& out) override {
    return m_docker.images(repository, out);
  }

  Result remove_containers(const std::vector<std::string>& names) override {
    return m_docker.remove_containers(names);
  }

  Result remove_images(const std::vector<std::string>& references) override {
    return m_docker.remove_images(references);
  }

  Result run(const b2b::sdk::LaunchSpec& spec, int& exit_status) override {
    if (m_compose.empty() && !find_compose()) {
      return Result::failure("runtime compose: " + compose_missing());
    }
    Result outcome = start_session(spec, exit_status);
    take_down(spec);
    return outcome;
  }

 private:
  bool engine_answers(std::string& why_not) {
    if (b2b::compose::uses_default_socket()) {
      why_not = b2b::compose::socket_problem(b2b::compose::k_default_socket);
      return why_not.empty();
    }
    CommandResult engine = m_docker.query(
        {"docker", "version", "--format", "{{.Server.Version}}"});
    if (engine.started && engine.exit_status == 0 && !engine.timed_out) {
      return true;
    }
    why_not = engine.started ? b2b::engine::last_line(engine.err)
                             : engine.reason;
    return false;
  }

  // BACK2BASE_COMPOSE: "v2", "v1", or auto.
  std::string wanted_compose() const {
    std::string wanted = m_host.setting("BACK2BASE_COMPOSE").value_or("");
    return wanted == "v1" || wanted == "v2" ? wanted : "auto";
  }

  std::string compose_missing() const {
    std::string wanted = wanted_compose();
    if (wanted == "v2") {
      return "BACK2BASE_COMPOSE=v2, but the compose plugin of docker is not "
             "installed; install it, or set BACK2BASE_COMPOSE=auto";
    }
    if (wanted == "v1") {
      return "BACK2BASE_COMPOSE=v1, but docker-compose is not installed; "
             "install it, or set BACK2BASE_COMPOSE=auto";
    }
    return "neither \"docker compose\" (v2) nor docker-compose (v1) is "
           "installed";
  }

  // v2 first, as Docker's own documentation prefers it, unless the user
  // asked for one.
  bool find_compose() {
    std::string wanted = wanted_compose();
    if (wanted != "v1" && !b2b::compose::compose_plugin().empty()) {
      m_compose = {"docker", "compose"};
    } else if (wanted != "v2" &&
               !b2b::engine::find_in_path("docker-compose").empty()) {
      m_compose = {"docker-compose"};
    }
    return !m_compose.empty();
  }

  static std::filesystem::path project_dir(const b2b::sdk::LaunchSpec& spec) {
    return std::filesystem::path(spec.session_dir) / "compose";
  }

  std::vector<std::string> compose(const b2b::sdk::LaunchSpec& spec,
                                   const std::vector<std::string>& args) const {
    std::vector<std::string> argv = m_compose;
    argv.insert(argv.end(),
                {"--project-name", spec.project, "--file",
                 (project_dir(spec) / "compose.json").string(), "--file",
                 (project_dir(spec) / "override.json").string()});
    argv.insert(argv.end(), args.begin(), args.end());
    return argv;
  }

  Result write_project(const b2b::sdk::LaunchSpec& spec) {
    std::error_code error;
    std::filesystem::create_directories(project_dir(spec), error);
    b2b::compose::ComposeFiles files = b2b::compose::compose_files(spec);
    if (error ||
        !write_file(project_dir(spec) / "compose.json", files.project) ||
        !write_file(project_dir(spec) / "override.json", files.override)) {
      return Result::failure("runtime compose: cannot write the project's "
                             "files in " + project_dir(spec).string() +
                             "; check the data directory");
    }
    return Result::success();
  }

  // Whatever happened, nothing of the session stays: what `down` would
  // remove, by docker itself, which takes a tenth of Compose v1's time.
  void take_down(const b2b::sdk::LaunchSpec& spec) {
    m_docker.query({"docker", "rm", "--force", spec.agent.name,
                    spec.firewall.name});
    m_docker.query({"docker", "network", "rm", spec.project + "_default"});
  }

  // The firewall's service up, then the agent's run attached to the user's
  // terminal; its exit status is the session's.
  Result start_session(const b2b::sdk::LaunchSpec& spec, int& exit_status) {
    Result made = write_project(spec);
    if (made.ok()) {
      made = m_docker.checked(
          m_docker.query(compose(spec, {"up", "--detach", "--no-build",
                                        b2b::compose::k_firewall_service})),
          "starting the firewall");
    }
    if (!made.ok()) {
      return made;
    }
    std::vector<std::string> run = {"run", "--rm", "--no-deps", "--name",
                                    spec.agent.name};
    if (!spec.agent.tty) {
      run.push_back("-T");
    }
    run.push_back(b2b::compose::k_agent_service);
    CommandResult session =
        m_docker.call(compose(spec, run), b2b::sdk::Streams::inherit,
                      b2b::engine::secrets_of(spec.agent));
    if (!session.started) {
      return m_docker.checked(session, "starting the agent");
    }
    exit_status = session.exit_status;
    return Result::success();
  }

  b2b::sdk::Host& m_host;
  b2b::engine::EngineCli m_docker;
  std::vector<std::string> m_compose;
};

}  // namespace

B2B_PLUGIN(ComposeRuntime, "compose", "0.2.0",
           "Runs sessions on Docker Engine with Compose (v2 plugin or v1 "
           "docker-compose): the firewall sidecar and the agent in one "
           "project")
