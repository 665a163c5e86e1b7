// SPDX-License-Identifier: Apache-2.0
// Running a program for a plugin (an engine's client) with its own
// environment, the streams it asks for, and the user's interruptions
// passed on to it instead of ending the tool before it can clean up.
#pragma once

#include <back2base/sdk/command.hpp>

namespace b2b::process {

/// Runs `command` and waits for it; see `sdk::Host::run`. Never throws.
void run_command(const sdk::Command& command,
                 sdk::CommandResult& result) noexcept;

/// Whether the user interrupted the tool (SIGINT, SIGTERM or SIGHUP) while
/// a command of `run_command` ran, at any time during this process.
bool interrupted() noexcept;

}  // namespace b2b::process
