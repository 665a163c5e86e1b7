// SPDX-License-Identifier: Apache-2.0
// `oss-back2base help TOPIC`: the things no single command's --help
// covers, written from what this machine and build actually have (the
// profiles it would offer, the directories it searches, every setting).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace b2b::app {

class Context;

/// "env", "firewall", "plugins", "profiles".
const std::vector<std::string>& help_topics();

/// The text of `topic`, or an empty string for one that is not a topic.
/// Throws `Error` when what it reads (the profiles, the policy) is broken.
std::string help_topic(Context& context, std::string_view topic);

}  // namespace b2b::app
