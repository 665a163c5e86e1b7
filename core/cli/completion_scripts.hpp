// SPDX-License-Identifier: Apache-2.0
// Shell completions for bash, zsh and fish, written from the command tree:
// commands, flags, and the values of --profile, --runtime and the path
// flags. Each script works out which command the words so far have
// chosen, then offers what that command takes.
#pragma once

#include "core/cli/command_tree.hpp"

#include <string>

namespace b2b::cli {

std::string bash_completion(const CommandDoc& root,
                            const CompletionWords& words);
std::string zsh_completion(const CommandDoc& root,
                           const CompletionWords& words);
std::string fish_completion(const CommandDoc& root,
                            const CompletionWords& words);

}  // namespace b2b::cli
