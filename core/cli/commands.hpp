// SPDX-License-Identifier: Apache-2.0
// The command tree: one register function per command, one file each. A
// register function declares the command's flags and, when the command is
// chosen, leaves its action in the context; nothing runs until the whole
// command line has been parsed and checked.
#pragma once

#include <functional>

namespace CLI {
class App;
}

namespace b2b::app {
class Context;
struct LaunchOptions;
}  // namespace b2b::app

namespace b2b::cli {

/// The root command's own flags; returns the launch they configure, which
/// runs when no subcommand is chosen.
std::function<int()> register_launch(CLI::App& app, app::Context& context);
void register_build(CLI::App& app, app::Context& context);
void register_firewall(CLI::App& app, app::Context& context);
void register_housekeeping(CLI::App& app, app::Context& context);
/// The flags that shape a session (--profile, --repo, --dir, ...), for the
/// root command and for `plan`.
void add_session_flags(CLI::App& command, app::LaunchOptions& options);
void register_version(CLI::App& app, app::Context& context);
void register_update(CLI::App& app, app::Context& context);
void register_help(CLI::App& app, app::Context& context);
void register_completion(CLI::App& app, app::Context& context);
void register_doctor(CLI::App& app, app::Context& context);
void register_install(CLI::App& app, app::Context& context);
void register_login(CLI::App& app, app::Context& context);
void register_status(CLI::App& app, app::Context& context);
void register_plugin(CLI::App& app, app::Context& context);
void register_plugin_list(CLI::App& plugin, app::Context& context);
void register_plugin_keygen(CLI::App& plugin, app::Context& context);
void register_plugin_sign(CLI::App& plugin, app::Context& context);
void register_plugin_verify(CLI::App& plugin, app::Context& context);
void register_plugin_trust(CLI::App& plugin, app::Context& context);
void register_plan(CLI::App& app, app::Context& context);
void register_mcp(CLI::App& app, app::Context& context);
void register_mcp_list(CLI::App& mcp, app::Context& context);
void register_mcp_test(CLI::App& mcp, app::Context& context);

}  // namespace b2b::cli
