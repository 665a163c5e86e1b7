// SPDX-License-Identifier: Apache-2.0
// What the runtime plugins share: driving an engine's command-line client
// (docker or podman, whose image commands take the same arguments)
// through the host, which passes the user's interruptions on and keeps
// secrets off command lines. Linked into each runtime plugin.
#pragma once

#include <back2base/sdk/host.hpp>
#include <back2base/sdk/result.hpp>
#include <back2base/sdk/runtime.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace b2b::engine {

/// The first line of `text`, without its line end.
std::string first_line(const std::string& text);

/// The last line of `text` that is not empty: where a client that writes
/// its progress on stderr as well puts its error.
std::string last_line(const std::string& text);

/// Where `program` is on PATH, or an empty string: a probe that costs no
/// process.
std::string find_in_path(const std::string& program);

/// The secret variables of `container`: their values go into the client's
/// environment, and the command line names them alone.
std::vector<sdk::EnvVar> secrets_of(const sdk::ContainerSpec& container);

class EngineCli {
 public:
  /// `program` is "docker" or "podman"; `runtime` names the plugin in
  /// messages.
  EngineCli(sdk::Host& host, std::string program, std::string runtime);

  /// Runs `argv` with `streams`; a captured call is killed after
  /// `timeout`, 30 s unless given.
  sdk::CommandResult call(const std::vector<std::string>& argv,
                          sdk::Streams streams,
                          std::vector<sdk::EnvVar> environment = {},
                          std::chrono::milliseconds timeout = {}) const;

  /// A captured call, for a question to the engine.
  sdk::CommandResult query(const std::vector<std::string>& argv) const;

  /// A failure for `what` when `result` did not start, timed out or
  /// exited non-zero, saying why; else success.
  sdk::Result checked(const sdk::CommandResult& result,
                      const std::string& what) const;

  /// `ContainerRuntime::image_label`, by `<program> image inspect`.
  sdk::Result image_label(const std::string& image, const std::string& label,
                          std::optional<std::string>& value) const;

  /// `ContainerRuntime::build_image`, by `<program> build`, its progress
  /// on the user's stderr.
  sdk::Result build_image(const sdk::ImageBuild& build) const;

  /// `ContainerRuntime::containers`, by `<program> ps -a`.
  sdk::Result containers(const std::string& label,
                         std::vector<sdk::EngineObject>& out) const;

  /// `ContainerRuntime::images`, by `<program> images` and `ps -a`.
  sdk::Result images(const std::string& repository,
                     std::vector<sdk::EngineObject>& out) const;

  /// `ContainerRuntime::remove_containers`, by `<program> rm --force`.
  sdk::Result remove_containers(const std::vector<std::string>& names) const;

  /// `ContainerRuntime::remove_images`, by `<program> rmi` (never forced).
  sdk::Result remove_images(const std::vector<std::string>& references) const;

  const std::string& program() const { return m_program; }

 private:
  // `{{.Label "x"}}` in docker's templates, `{{index .Labels "x"}}` in
  // podman's.
  std::string label_field(const std::string& label) const;

  sdk::Host& m_host;
  std::string m_program;
  std::string m_runtime;
};

}  // namespace b2b::engine
