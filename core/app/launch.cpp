// SPDX-License-Identifier: Apache-2.0
#include "core/app/launch.hpp"

#include "core/app/build_info.hpp"
#include "core/app/exit_status.hpp"
#include "core/app/profile_menu.hpp"
#include "core/config/last_profile.hpp"
#include "core/config/state.hpp"
#include "core/launch/claude_sessions.hpp"
#include "core/launch/credentials.hpp"
#include "core/launch/extra_dirs.hpp"
#include "core/launch/image.hpp"
#include "core/launch/runtime_choice.hpp"
#include "core/launch/session_dir.hpp"
#include "core/log/log.hpp"
#include "core/payload/payload.hpp"
#include "core/process/command_runner.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <unistd.h>

#include <iostream>

namespace b2b::app {
namespace {

namespace fs = std::filesystem;

// The image, built only when no image carries its hash.
void ensure_image(Context& context, sdk::ContainerRuntime& runtime,
                  const launch::ImagePlan& image, const fs::path& scratch,
                  bool no_cache) {
  if (no_cache || !launch::image_is_current(runtime, image)) {
    launch::build_image(runtime, image, context.paths(), scratch, no_cache);
  } else {
    log::info("image: " + image.tag + " is current");
  }
}

std::vector<sdk::EnvVar> server_tokens(const Plan& plan,
                                       const config::Settings& settings) {
  std::vector<std::string> needed;
  for (const ServerPlan& server : plan.servers) {
    if (server.loaded) {
      needed.insert(needed.end(), server.server.variables.begin(),
                    server.server.variables.end());
    }
  }
  std::vector<sdk::EnvVar> tokens;
  for (const config::Setting& token : settings.tokens_for(needed)) {
    tokens.push_back({token.name, token.value, true});
  }
  return tokens;
}

std::vector<std::string> networks_for(const LaunchOptions& options,
                                      const config::Settings& settings) {
  if (!options.networks.empty()) {
    return options.networks;
  }
  std::vector<std::string> networks;
  for (const std::string& name :
       util::split(settings.value("BACK2BASE_NETWORKS").value_or(""), ',')) {
    if (!name.empty()) {
      networks.push_back(name);
    }
  }
  return networks;
}

std::vector<std::string> agent_arguments(const LaunchOptions& options,
                                         const Plan& plan,
                                         const config::Paths& paths) {
  std::vector<std::string> args;
  if (options.prompt) {
    args = {"-p", *options.prompt};
  }
  if (options.resume && plan.namespace_name) {
    std::string id = launch::session_to_resume(
        paths.state_dir, plan.namespace_name->name, *options.resume);
    log::info("resume: session " + id);
    args.insert(args.end(), {"--resume", id});
  }
  args.insert(args.end(), options.arguments.begin(), options.arguments.end());
  return args;
}

// Claude Code for a person at the terminal: not -p, resume or a shell.
bool interactive_claude(const LaunchOptions& options) {
  return !options.prompt && !options.resume &&
         options.command == launch::AgentCommand::claude;
}

// An interactive session for which nobody named a profile asks for one
// (unless -y), offering the namespace's last; it is then as if given with
// --profile.
void ask_for_profile_if_wanted(Context& context, LaunchOptions& options) {
  if (options.yes || !interactive_claude(options)) {
    return;
  }
  const config::Paths& paths = context.paths();
  config::McpRegistry registry = config::load_registry(paths);
  config::ProfileSet profiles =
      config::load_profiles(paths, known_servers(registry));
  config::ProfileRequest request = config::profile_request(
      options.plan.profile, context.settings(), profiles);
  bool interactive = ::isatty(STDIN_FILENO) && ::isatty(STDERR_FILENO);
  if (!should_ask_for_profile(request, interactive)) {
    return;
  }
  std::unique_ptr<process::ProcessRunner> runner =
      process::make_system_runner();
  config::WorkspaceRoot workspace = config::resolve_workspace_root(
      options.plan.repo, context.settings(), *runner, fs::current_path());
  std::optional<std::string> remembered;
  try {
    remembered = config::remembered_profile(
        paths.state_dir,
        config::resolve_namespace(workspace.path, options.plan.namespace_name,
                                  context.settings(), *runner, false)
            .name);
  } catch (const Error&) {
    // No namespace: nothing remembered; the launch says why later.
  }
  options.plan.profile =
      ask_for_profile(std::cin, std::cerr, profiles, remembered).name;
}

}  // namespace

PreparedSession prepare_session(Context& context, const LaunchOptions& options,
                                bool dry_run) {
  const config::Settings& settings = context.settings();
  const config::Paths& paths = context.paths();
  std::unique_ptr<process::ProcessRunner> runner =
      process::make_system_runner();
  PreparedSession prepared;

  // Steps 1 to 4: the context, the plugins, the workspace and the profile.
  prepared.plan = make_plan(context, *runner, options.plan);
  const Plan& plan = prepared.plan;
  const std::string home = std::getenv("HOME") ? std::getenv("HOME") : "";
  std::vector<launch::ExtraDir> extra_dirs = launch::resolve_extra_dirs(
      options.dirs, fs::current_path(), home, plan.workspace.path);

  // Step 5: the credential; `login` is how one is got, so needs none.
  if (options.command != launch::AgentCommand::login) {
    try {
      launch::AuthProviders providers = launch::ordered_providers(
          context.plugins().auth_providers(), settings);
      prepared.auth = dry_run ? launch::preview_credentials(providers)
                              : launch::resolve_credentials(providers);
      if (prepared.auth->provider.empty()) {
        throw Error("auth: no credential for Claude Code; " +
                    launch::how_to_get_a_credential(paths.env_file()));
      }
      log::info("auth: " + prepared.auth->provider);
      if (!prepared.auth->also_configured.empty()) {
        log::info("auth: " + util::join(prepared.auth->also_configured) +
                  " configured as well, not used; the first in order wins");
      }
    } catch (const Error& e) {
      if (!dry_run) {
        throw;
      }
      prepared.auth.reset();
      prepared.auth_problem = e.what();
    }
  }

  // Step 7, ahead of 6 because it needs no engine: the runtime-neutral
  // spec. Step 6 (the image) is then the runtime's.
  prepared.image = launch::plan_image(settings);
  if (!plan.namespace_name) {
    if (!dry_run) {
      throw Error(plan.namespace_problem);
    }
    return prepared;
  }
  const std::string& namespace_name = plan.namespace_name->name;
  prepared.overview = config::choose_overview(
      options.overview,
      config::remembered_overview(paths.state_dir, namespace_name), settings,
      interactive_claude(options));
  prepared.dir =
      dry_run ? launch::planned_session_dir(paths.data_dir, namespace_name)
              : launch::make_session_dir(paths.data_dir, namespace_name);
  launch::SessionInputs inputs;
  inputs.workspace = plan.workspace.path;
  inputs.namespace_name = namespace_name;
  inputs.profiles = plan.choice.profiles;
  inputs.image = prepared.image;
  inputs.dir = prepared.dir;
  inputs.state_dir = paths.state_dir;
  inputs.home = home;
  inputs.extra_dirs = extra_dirs;
  inputs.networks = networks_for(options, settings);
  if (prepared.auth) {
    inputs.credentials = prepared.auth->credentials;
  }
  inputs.server_tokens = server_tokens(plan, settings);
  inputs.command = options.command;
  inputs.arguments = agent_arguments(options, plan, paths);
  inputs.firewall = !options.no_firewall && !settings.flag("DISABLE_FIREWALL");
  inputs.docker_socket = options.docker_socket;
  inputs.overview = prepared.overview.on;
  inputs.terminal = !options.prompt && ::isatty(STDIN_FILENO) &&
                    ::isatty(STDOUT_FILENO);
  inputs.uid = ::getuid();
  inputs.gid = ::getgid();
  prepared.spec =
      launch::make_session_spec(inputs, settings, build_info().version);
  return prepared;
}

int launch_session(Context& context, const LaunchOptions& asked,
                   SessionEnd* end) {
  const config::Paths& paths = context.paths();
  LaunchOptions options = asked;
  ask_for_profile_if_wanted(context, options);
  const bool login = options.command == launch::AgentCommand::login;
  PreparedSession prepared = prepare_session(context, options, false);
  const Plan& plan = prepared.plan;
  const std::string& namespace_name = plan.namespace_name->name;

  // Step 6: the runtime and its image, built only when none is current.
  launch::ChosenRuntime chosen = launch::choose_runtime(
      context.plugins().runtimes(), options.runtime, context.settings());
  sdk::ContainerRuntime& runtime = *chosen.runtime.object;
  ensure_image(context, runtime, prepared.image, prepared.dir.root, false);

  // What the spec hands the containers.
  config::seed_state(paths.state_dir, payload::embedded_payload());
  util::create_directories(
      launch::sessions_dir(paths.state_dir, namespace_name), 0700);
  std::vector<config::AllowEntry> allowlist = plan.allowlist;
  if (prepared.auth) {
    for (const sdk::Credential& credential : prepared.auth->credentials) {
      for (const std::string& host : credential.allow_hosts) {
        allowlist.push_back({host, {"auth " + prepared.auth->provider}});
      }
    }
  }
  if (login) {
    // Where `claude setup-token` signs in, beside the API.
    for (const char* host : {"claude.ai", "console.anthropic.com"}) {
      allowlist.push_back({host, {"login"}});
    }
    util::create_directories(prepared.dir.login(), 0700);
  }
  launch::write_session_files(prepared.dir, allowlist, plan.registry,
                              plan.loaded_servers());
  if (options.no_firewall || context.settings().flag("DISABLE_FIREWALL")) {
    log::warning("the firewall is off (--no-firewall or DISABLE_FIREWALL=1):"
                 " anything the agent runs can reach any host");
  }
  if (options.docker_socket) {
    log::warning("--docker-socket: the agent can drive the host's Docker "
                 "Engine, and so do anything on this machine as root");
  }
  // What `--profile last` means next time: one profile, as it can be
  // asked for; a union of detected ones is detected again.
  if (plan.choice.profiles.size() == 1 && !login) {
    config::remember_profile(paths.state_dir, namespace_name,
                             plan.choice.profiles.front());
  }
  if (options.overview && interactive_claude(options)) {
    config::remember_overview(paths.state_dir, namespace_name,
                              *options.overview);
  }
  if (prepared.overview.on) {
    log::info("overview: on (" + prepared.overview.reason + ")");
  }

  // Step 8: the session; its exit status is ours.
  if (end != nullptr) {
    end->dir = prepared.dir;
  }
  int exit_status = 0;
  sdk::Result ran = runtime.run(*prepared.spec, exit_status);
  if (process::interrupted()) {
    return exit_status::k_interrupted;
  }
  if (!ran.ok()) {
    throw Error(ran.message());
  }
  return exit_status;
}

void build_session_image(Context& context,
                         const std::optional<std::string>& runtime_flag,
                         bool no_cache) {
  launch::ChosenRuntime chosen = launch::choose_runtime(
      context.plugins().runtimes(), runtime_flag, context.settings());
  fs::path scratch = context.paths().data_dir / "build";
  std::error_code ignored;
  fs::remove_all(scratch, ignored);
  util::create_directories(scratch, 0700);
  launch::ImagePlan image = launch::plan_image(context.settings());
  ensure_image(context, *chosen.runtime.object, image, scratch, no_cache);
  fs::remove_all(scratch, ignored);
}

}  // namespace b2b::app
