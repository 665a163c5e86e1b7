// SPDX-License-Identifier: Apache-2.0
// The main job's flags, on the root command, and `shell`, which takes the
// same flags and starts a shell in the sandbox instead of Claude Code.
#include "core/app/context.hpp"
#include "core/app/launch.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace b2b::cli {

void add_session_flags(CLI::App& command, app::LaunchOptions& options) {
  command.add_option("--profile", options.plan.profile,
                     "Tool profile: a name, \"auto\" (detect) or \"last\"");
  command.add_option("-r,--repo", options.plan.repo,
                     "The repository to mount at /workspace (default: "
                     "REPO_PATH, the git root, or this directory)");
  command.add_option("--namespace", options.plan.namespace_name,
                     "The project's namespace, which names its memory");
  command.add_option("-d,--dir", options.dirs,
                     "Another directory to show the session at "
                     "/repos/<name>; PATH:ro for read-only; repeatable");
  command.add_option("--runtime", options.runtime,
                     "compose, podman, or auto (the first that answers)");
  command.add_option("--network", options.networks,
                     "An engine network the session joins as well; "
                     "repeatable");
  CLI::Option* overview = command.add_flag_callback(
      "--overview", [&options] { options.overview = true; },
      "Start with a read-only Claude pass that puts an overview of the "
      "repository in the session's CLAUDE.md; remembered per namespace");
  CLI::Option* no_overview = command.add_flag_callback(
      "--no-overview", [&options] { options.overview = false; },
      "Start without the overview; remembered per namespace");
  overview->excludes(no_overview);
  command.add_flag("--docker-socket", options.docker_socket,
                   "Mount the Docker socket: this gives the agent the host");
  command.add_flag("--no-firewall", options.no_firewall,
                   "Start without the outbound firewall (as "
                   "DISABLE_FIREWALL=1): the agent can reach any host");
}

std::function<int()> register_launch(CLI::App& app, app::Context& context) {
  auto options = std::make_shared<app::LaunchOptions>();
  add_session_flags(app, *options);
  app.add_option("-p,--prompt", options->prompt,
                 "Ask once, print Claude's answer on stdout, and exit with "
                 "the session's status");
  app.add_flag("-y,--yes", options->yes,
               "Ask nothing: no profile menu; the profile is detected, or "
               "the one --profile or BACK2BASE_PROFILE names");

  // The root's flags serve `shell` too (typed before or after it).
  auto shell_command = std::make_shared<std::string>();
  CLI::App* shell = app.add_subcommand(
      "shell", "A shell in the sandbox, firewall on, instead of Claude Code");
  CLI::Option* command_flag = shell->add_option(
      "-c,--command", *shell_command,
      "Run this command with bash -c and exit with its status");
  shell->footer("Example: oss-back2base shell -c 'ls /workspace'");
  shell->callback([&context, options, shell_command, command_flag] {
    options->command = launch::AgentCommand::shell;
    if (command_flag->count() > 0) {
      options->arguments = {"-c", *shell_command};
    }
    context.action = [&context, options] {
      return app::launch_session(context, *options);
    };
  });

  auto resume_id = std::make_shared<std::string>();
  CLI::App* resume = app.add_subcommand(
      "resume", "Resume this workspace's newest Claude Code session, or ID");
  resume->add_option("id", *resume_id, "The session to resume");
  resume->footer("Example: oss-back2base resume");
  resume->callback([&context, options, resume_id] {
    options->resume = *resume_id;
    context.action = [&context, options] {
      return app::launch_session(context, *options);
    };
  });

  return [&context, options] { return app::launch_session(context, *options); };
}

void register_build(CLI::App& app, app::Context& context) {
  auto runtime = std::make_shared<std::optional<std::string>>();
  for (bool no_cache : {false, true}) {
    CLI::App* command = app.add_subcommand(
        no_cache ? "rebuild" : "build",
        no_cache ? "Build the session image again, every layer"
                 : "Build the session image for this version if it is "
                   "missing or stale");
    command->add_option("--runtime", *runtime,
                        "compose, podman, or auto (the first that answers)");
    command->footer(no_cache ? "Example: oss-back2base rebuild --runtime podman"
                             : "Example: oss-back2base build");
    command->callback([&context, runtime, no_cache] {
      context.action = [&context, runtime, no_cache] {
        app::build_session_image(context, *runtime, no_cache);
        return 0;
      };
    });
  }
}

}  // namespace b2b::cli
