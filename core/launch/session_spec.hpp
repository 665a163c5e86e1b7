// SPDX-License-Identifier: Apache-2.0
// Step 7 of a launch: the runtime-neutral LaunchSpec of one session, made
// from what the earlier steps found. Nothing here touches the engine or
// the disk but to ask which of the user's files exist.
#pragma once

#include "core/config/settings.hpp"
#include "core/launch/extra_dirs.hpp"
#include "core/launch/image.hpp"
#include "core/launch/session_dir.hpp"

#include <back2base/sdk/auth.hpp>
#include <back2base/sdk/launch_spec.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace b2b::launch {

/// What runs in the agent's container after its start-up: Claude Code, a
/// shell, or `claude setup-token` for `oss-back2base login`.
enum class AgentCommand { claude, shell, login };

struct SessionInputs {
  std::filesystem::path workspace;
  std::string namespace_name;
  std::vector<std::string> profiles;
  ImagePlan image;
  SessionDir dir;
  std::filesystem::path state_dir;  ///< the agent's ~/.claude
  std::filesystem::path home;       ///< the host user's, for its dotfiles
  std::vector<ExtraDir> extra_dirs;
  std::vector<std::string> networks;
  std::vector<sdk::Credential> credentials;
  /// The loaded MCP servers' tokens, by the name they read.
  std::vector<sdk::EnvVar> server_tokens;
  AgentCommand command = AgentCommand::claude;
  std::vector<std::string> arguments;  ///< Claude Code's, or the shell's
  bool firewall = true;                ///< false: DISABLE_FIREWALL=1
  bool docker_socket = false;          ///< --docker-socket
  bool overview = false;  ///< a read-only overview pass before the session
  bool terminal = false;               ///< stdin and stdout are a terminal
  unsigned uid = 0;
  unsigned gid = 0;
};

/// The session's spec. Secrets (credentials, tokens) are marked secret.
sdk::LaunchSpec make_session_spec(const SessionInputs& inputs,
                                  const config::Settings& settings,
                                  std::string_view tool_version);

}  // namespace b2b::launch
