// SPDX-License-Identifier: Apache-2.0
// `firewall log`: what the firewall of this workspace's newest session
// refused, one attempt a line, as the sidecar wrote it.
#include "core/app/context.hpp"
#include "core/cli/commands.hpp"
#include "core/config/namespace.hpp"
#include "core/config/workspace_root.hpp"
#include "core/launch/session_dir.hpp"
#include "core/log/log.hpp"
#include "core/process/process_runner.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace b2b::cli {
namespace {

struct FirewallLogFlags {
  std::optional<std::string> repo;
  std::optional<std::string> namespace_name;
};

int print_firewall_log(app::Context& context, const FirewallLogFlags& flags) {
  auto runner = process::make_system_runner();
  config::WorkspaceRoot workspace = config::resolve_workspace_root(
      flags.repo, context.settings(), *runner, std::filesystem::current_path());
  config::Namespace ns = config::resolve_namespace(
      workspace.path, flags.namespace_name, context.settings(), *runner, false);
  std::optional<launch::SessionDir> session =
      launch::latest_session(context.paths().data_dir, ns.name);
  if (!session) {
    throw Error("firewall log: no session of namespace " +
                util::quote(ns.name) +
                " has started on this machine; "
                "start one with \"oss-back2base\"");
  }
  std::optional<std::string> log =
      util::read_file_if_exists(session->firewall() / "refused.log");
  if (!log || log->empty()) {
    log::notice("session " + session->id + ": the firewall refused nothing");
    return 0;
  }
  std::cout << *log;
  return 0;
}

}  // namespace

void register_firewall(CLI::App& app, app::Context& context) {
  CLI::App* firewall =
      app.add_subcommand("firewall", "What the session's firewall did");
  firewall->require_subcommand(1);
  firewall->footer("Example: oss-back2base firewall log");
  CLI::App* log = firewall->add_subcommand(
      "log", "What the firewall of this workspace's newest session refused");
  auto flags = std::make_shared<FirewallLogFlags>();
  log->add_option("-r,--repo", flags->repo,
                  "The workspace (default: as a launch finds it)");
  log->add_option("--namespace", flags->namespace_name,
                  "The namespace whose newest session to show");
  log->footer(
      "Each line: time, protocol, address, port.\n"
      "Example: oss-back2base firewall log");
  log->callback([&context, flags] {
    context.action = [&context, flags] {
      return print_firewall_log(context, *flags);
    };
  });
}

}  // namespace b2b::cli
