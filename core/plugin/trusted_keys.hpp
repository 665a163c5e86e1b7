// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "core/config/paths.hpp"
#include "core/plugin/policy.hpp"
#include "core/plugin/signing.hpp"

#include <vector>

namespace b2b::plugin {

/// Every key that may sign plugins here: the build's own key, then each
/// `*.pub` in the administrator's trusted-keys directory, then (unless the
/// policy says otherwise) each in the user's. A key file that cannot be read
/// is skipped with a warning naming it; it never stops the tool.
std::vector<TrustedKey> load_trusted_keys(const config::Paths& paths,
                                          const Policy& policy);

}  // namespace b2b::plugin
