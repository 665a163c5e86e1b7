// SPDX-License-Identifier: Apache-2.0
// `oss-back2base login`: a Claude subscription token into the env file.
// On a terminal, `claude setup-token` runs in a throwaway session (the
// session image, the firewall on, an empty workspace), and the token it
// prints is taken from there, or pasted when it was not found; with
// --token-stdin it is read from standard input, for scripts. Either way
// it is stored as BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN by the env file's
// single-key writer (0600), the rest of the file kept as it was.
#pragma once

#include "core/app/context.hpp"

#include <istream>
#include <optional>
#include <string>

namespace b2b::app {

struct LoginOptions {
  bool token_stdin = false;
  std::optional<std::string> runtime;  ///< --runtime
};

/// Returns 0 once the token is stored. Throws `Error` when there is no
/// token to store, naming why; the env file is then unchanged.
int login(Context& context, const LoginOptions& options, std::istream& in);

}  // namespace b2b::app
