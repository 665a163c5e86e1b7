// SPDX-License-Identifier: Apache-2.0
// The `command` auth provider's logic, apart from the plugin's glue so that
// it can be tested alone: what a helper's output means, and the cache that
// spares running the helper again while its credential is fresh, under a
// lock so that two launches never run it at once.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace b2b::auth_command {

using Clock = std::chrono::system_clock;

/// A credential a helper printed.
struct Issued {
  std::string value;
  std::optional<Clock::time_point> expires;  ///< none: it did not say
};

/// What `output` means: the value alone on one line, or a JSON object
/// {"token" (or "value"): "...", "expires_at": RFC 3339 text or Unix
/// seconds, or "expires_in": seconds}. Anything else is the reason it is
/// not a credential, saying what was wrong but never what was printed.
std::variant<Issued, std::string> parse_output(std::string_view output,
                                               Clock::time_point now);

/// Where the credential of `command` is kept: a file of its own in
/// `cache_dir`, named by a hash of the command and the variable.
std::filesystem::path cache_file(const std::filesystem::path& cache_dir,
                                 std::string_view command,
                                 std::string_view variable);

/// What running the helper gave: a credential, or why there is none.
using Outcome = std::variant<Issued, std::string>;

/// The credential: the cached one while it has more than its margin left
/// (a quarter of its life, at most five minutes, by `clock`), else the
/// helper's, obtained by `run_helper` and kept (0600; only when it says
/// when it expires). One helper at a time per cache file: a second launch
/// waits for the first's, up to `wait`, and then uses its credential. A
/// failed helper's reason comes back as it is; a cache that cannot be
/// read or written is passed over, and none is used at all (empty
/// `cache`, or a directory others may enter).
Outcome obtain(const std::filesystem::path& cache,
               const std::function<Clock::time_point()>& clock,
               std::chrono::seconds wait,
               const std::function<Outcome()>& run_helper);

}  // namespace b2b::auth_command
