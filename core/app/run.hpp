// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace b2b::app {

/// The whole program: parses `argv`, runs the chosen command and returns
/// the exit status. The only place where errors are caught and printed.
int run(int argc, char** argv);

}  // namespace b2b::app
