// SPDX-License-Identifier: Apache-2.0
#include "core/launch/claude_sessions.hpp"

#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <algorithm>

namespace b2b::launch {
namespace fs = std::filesystem;

fs::path sessions_dir(const fs::path& state_dir,
                      const std::string& namespace_name) {
  return state_dir / "projects" / namespace_name;
}

std::vector<ClaudeSession> claude_sessions(const fs::path& state_dir,
                                           const std::string& namespace_name) {
  std::vector<ClaudeSession> found;
  std::error_code error;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(sessions_dir(state_dir, namespace_name), error)) {
    const fs::path& path = entry.path();
    std::error_code ignored;
    if (path.extension() == ".jsonl" && entry.is_regular_file(ignored) &&
        entry.file_size(ignored) > 0) {
      found.push_back({path.stem().string(), entry.last_write_time(ignored)});
    }
  }
  std::sort(found.begin(), found.end(),
            [](const ClaudeSession& a, const ClaudeSession& b) {
              return a.written > b.written;
            });
  return found;
}

std::string session_to_resume(const fs::path& state_dir,
                              const std::string& namespace_name,
                              const std::string& id) {
  std::vector<ClaudeSession> sessions =
      claude_sessions(state_dir, namespace_name);
  if (sessions.empty()) {
    throw Error("resume: namespace " + util::quote(namespace_name) +
                " has no Claude Code session yet; start one with "
                "\"oss-back2base\"");
  }
  if (id.empty()) {
    return sessions.front().id;
  }
  auto found = std::find_if(sessions.begin(), sessions.end(),
                            [&](const ClaudeSession& s) { return s.id == id; });
  if (found == sessions.end()) {
    std::vector<std::string> recent;
    for (std::size_t i = 0; i < sessions.size() && i < 5; ++i) {
      recent.push_back(sessions[i].id);
    }
    throw Error("resume: no session " + util::quote(id) + " in namespace " +
                util::quote(namespace_name) + "; the recent ones: " +
                util::join(recent));
  }
  return id;
}

}  // namespace b2b::launch
