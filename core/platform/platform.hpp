// SPDX-License-Identifier: Apache-2.0
// The one place where the operating system decides a value.
#pragma once

namespace b2b::platform {

/// Where Claude Code looks for an organisation's managed settings.
#if defined(__APPLE__)
inline constexpr const char* k_managed_settings_dir =
    "/Library/Application Support/ClaudeCode";
#else
inline constexpr const char* k_managed_settings_dir = "/etc/claude-code";
#endif

}  // namespace b2b::platform
