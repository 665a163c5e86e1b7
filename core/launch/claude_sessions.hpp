// SPDX-License-Identifier: Apache-2.0
// The Claude Code sessions of a namespace, where its Claude Code writes
// them: the state's projects/<namespace>/, which a session mounts as the
// project directory of /workspace, so that each project has its own.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace b2b::launch {

struct ClaudeSession {
  std::string id;  ///< the transcript's name without ".jsonl"
  std::filesystem::file_time_type written;
};

/// The directory that holds `namespace_name`'s transcripts.
std::filesystem::path sessions_dir(const std::filesystem::path& state_dir,
                                   const std::string& namespace_name);

/// Its transcripts, newest first; none when there are none.
std::vector<ClaudeSession> claude_sessions(
    const std::filesystem::path& state_dir, const std::string& namespace_name);

/// The session to resume: `id`, or the newest. Throws `Error` when there
/// is none, or no session `id` (naming the recent ones).
std::string session_to_resume(const std::filesystem::path& state_dir,
                              const std::string& namespace_name,
                              const std::string& id);

}  // namespace b2b::launch
