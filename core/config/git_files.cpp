// SPDX-License-Identifier: Apache-2.0
#include "core/config/git_files.hpp"

#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <string_view>

namespace b2b::config::git_files {
namespace {

namespace fs = std::filesystem;

bool is_regular(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

bool is_dir(const fs::path& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode);
}

std::string lowercase(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return std::tolower(c); });
  return text;
}

// A repository directory as git tells one: HEAD, objects and refs (the
// last two may be shared through `commondir`).
bool is_repository(const fs::path& dir) {
  return is_regular(dir / "HEAD") &&
         (is_regular(dir / "commondir") ||
          (is_dir(dir / "objects") && is_dir(dir / "refs")));
}

// The repository a `gitdir: PATH` file names, or none.
std::optional<fs::path> linked_repository(const fs::path& file) {
  std::optional<std::string> text;
  try {
    text = util::read_file_if_exists(file);
  } catch (const Error&) {
    return std::nullopt;
  }
  if (!text || !text->starts_with("gitdir:")) {
    return std::nullopt;
  }
  fs::path dir = util::trim(text->substr(7));
  if (dir.is_relative()) {
    dir = file.parent_path() / dir;
  }
  return is_repository(dir) ? std::optional(dir.lexically_normal())
                            : std::nullopt;
}

// Where a repository's shared files (and its config) are: `commondir`,
// for a linked worktree, else the repository itself.
fs::path common_dir(const fs::path& repository) {
  std::optional<std::string> text;
  try {
    text = util::read_file_if_exists(repository / "commondir");
  } catch (const Error&) {
    return repository;
  }
  if (!text) {
    return repository;
  }
  fs::path dir = util::trim(*text);
  return (dir.is_relative() ? repository / dir : dir).lexically_normal();
}

// One configuration file, read as git reads it, line by line: sections
// ("[remote \"origin\"]", or the older "[remote.origin]") and "key =
// value" lines, whose values may be quoted, escaped, continued with a
// trailing backslash and followed by a comment.
class ConfigReader {
 public:
  explicit ConfigReader(std::string_view text) : m_text(text) {}

  /// The last value of `key` in [section "subsection"], "" when none; or
  /// none when the file has what only git can follow.
  std::optional<std::string> last(std::string_view section,
                                  std::string_view subsection,
                                  std::string_view key) {
    std::string found;
    while (m_at < m_text.size()) {
      skip_blanks(true);
      if (m_at >= m_text.size()) {
        break;
      }
      char c = m_text[m_at];
      if (c == '#' || c == ';') {
        skip_line();
      } else if (c == '[') {
        if (!read_header()) {
          return std::nullopt;
        }
        if (m_section == "include" || m_section == "includeif") {
          return std::nullopt;
        }
      } else {
        std::optional<std::pair<std::string, std::string>> entry = read_entry();
        if (!entry) {
          return std::nullopt;
        }
        if (m_section == section && m_subsection == subsection &&
            entry->first == key) {
          found = entry->second;
        }
      }
    }
    return found;
  }

 private:
  void skip_blanks(bool newlines) {
    while (m_at < m_text.size() &&
           (m_text[m_at] == ' ' || m_text[m_at] == '\t' ||
            m_text[m_at] == '\r' || (newlines && m_text[m_at] == '\n'))) {
      ++m_at;
    }
  }

  void skip_line() {
    std::size_t end = m_text.find('\n', m_at);
    m_at = end == std::string_view::npos ? m_text.size() : end + 1;
  }

  static bool name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-';
  }

  bool read_header() {
    ++m_at;  // '['
    std::string name;
    while (m_at < m_text.size() &&
           (name_char(m_text[m_at]) || m_text[m_at] == '.')) {
      name += m_text[m_at++];
    }
    m_subsection.clear();
    if (m_at < m_text.size() && m_text[m_at] == ']') {
      ++m_at;
      // The older form: the subsection after a dot, in lower case.
      std::size_t dot = name.find('.');
      if (dot != std::string::npos) {
        m_subsection = lowercase(name.substr(dot + 1));
        name.resize(dot);
      }
    } else {
      skip_blanks(false);
      if (m_at >= m_text.size() || m_text[m_at] != '"' ||
          name.find('.') != std::string::npos) {
        return false;
      }
      ++m_at;
      while (m_at < m_text.size() && m_text[m_at] != '"') {
        if (m_text[m_at] == '\n') {
          return false;
        }
        if (m_text[m_at] == '\\' && m_at + 1 < m_text.size()) {
          ++m_at;
        }
        m_subsection += m_text[m_at++];
      }
      if (m_at + 1 >= m_text.size() || m_text[m_at + 1] != ']') {
        return false;
      }
      m_at += 2;
    }
    if (name.empty()) {
      return false;
    }
    m_section = lowercase(name);
    return true;
  }

  std::optional<std::pair<std::string, std::string>> read_entry() {
    std::string key;
    while (m_at < m_text.size() && name_char(m_text[m_at])) {
      key += m_text[m_at++];
    }
    if (key.empty() || !std::isalpha(static_cast<unsigned char>(key[0]))) {
      return std::nullopt;
    }
    skip_blanks(false);
    if (m_at >= m_text.size() || m_text[m_at] == '\n' || m_text[m_at] == '#' ||
        m_text[m_at] == ';') {
      skip_line();
      return std::pair(lowercase(key), std::string("true"));
    }
    if (m_text[m_at] != '=') {
      return std::nullopt;
    }
    ++m_at;
    skip_blanks(false);
    std::optional<std::string> value = read_value();
    if (!value) {
      return std::nullopt;
    }
    return std::pair(lowercase(key), *value);
  }

  // A value to its line's end: quotes kept out, escapes made, blanks
  // outside quotes kept (as spaces) only between words, comments dropped.
  std::optional<std::string> read_value() {
    std::string value;
    std::size_t kept = 0;  // value's length up to its last non-blank
    bool quoted = false;
    while (m_at < m_text.size()) {
      char c = m_text[m_at++];
      if (c == '\n') {
        if (quoted) {
          return std::nullopt;
        }
        break;
      }
      if (!quoted && (c == '#' || c == ';')) {
        skip_line();
        break;
      }
      if (c == '"') {
        quoted = !quoted;
        kept = value.size();
        continue;
      }
      if (c == '\\') {
        if (m_at >= m_text.size()) {
          return std::nullopt;
        }
        char next = m_text[m_at++];
        if (next == '\n') {
          continue;  // a continued line
        }
        static constexpr std::array<std::pair<char, char>, 5> k_escapes{
            {{'n', '\n'}, {'t', '\t'}, {'b', '\b'}, {'\\', '\\'}, {'"', '"'}}};
        auto escape =
            std::find_if(k_escapes.begin(), k_escapes.end(),
                         [next](const auto& e) { return e.first == next; });
        if (escape == k_escapes.end()) {
          return std::nullopt;
        }
        value += escape->second;
        kept = value.size();
        continue;
      }
      bool blank = c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
      if (blank && !quoted) {
        if (!value.empty()) {
          value += ' ';  // as git: each blank between words, a space
        }
        continue;
      }
      value += c;
      kept = value.size();
    }
    if (quoted) {
      return std::nullopt;
    }
    value.resize(kept);
    return value;
  }

  std::string_view m_text;
  std::size_t m_at = 0;
  std::string m_section;
  std::string m_subsection;
};

// Whether the repository's config gives its work tree elsewhere, or none:
// then git's answer is not the directory holding `.git`. Unreadable or
// including other files counts as yes.
bool moves_work_tree(const fs::path& config_file) {
  std::optional<std::string> text;
  try {
    text = util::read_file_if_exists(config_file);
  } catch (const Error&) {
    return true;
  }
  if (!text) {
    return false;
  }
  std::optional<std::string> worktree =
      ConfigReader(*text).last("core", "", "worktree");
  std::optional<std::string> bare =
      ConfigReader(*text).last("core", "", "bare");
  return !worktree || !bare || !worktree->empty() ||
         lowercase(*bare) == "true" || *bare == "1" ||
         lowercase(*bare) == "yes" || lowercase(*bare) == "on";
}

}  // namespace

bool environment_steers_git() {
  for (const char* name :
       {"GIT_DIR", "GIT_WORK_TREE", "GIT_COMMON_DIR", "GIT_CEILING_DIRECTORIES",
        "GIT_DISCOVERY_ACROSS_FILESYSTEM", "GIT_CONFIG"}) {
    if (std::getenv(name) != nullptr) {
      return true;
    }
  }
  return false;
}

Discovery find_work_tree(const fs::path& start) {
  using Kind = Discovery::Kind;
  fs::path dir = start.lexically_normal();
  while (true) {
    fs::path dot_git = dir / ".git";
    struct stat entry {};
    if (::lstat(dot_git.c_str(), &entry) == 0) {
      std::optional<fs::path> repository;
      if (is_dir(dot_git) && is_repository(dot_git)) {
        repository = dot_git;
      } else if (is_regular(dot_git)) {
        repository = linked_repository(dot_git);
      }
      if (!repository || is_regular(*repository / "config.worktree")) {
        return {Kind::ask_git, {}};
      }
      WorkTree tree{dir, common_dir(*repository) / "config"};
      if (!moves_work_tree(tree.config)) {
        return {Kind::work_tree, tree};
      }
      return {Kind::ask_git, {}};
    }
    // As git, no further than this file system.
    struct stat here {
    }, above{};
    if (!dir.has_relative_path() || ::stat(dir.c_str(), &here) != 0 ||
        ::stat(dir.parent_path().c_str(), &above) != 0 ||
        here.st_dev != above.st_dev) {
      return {Kind::none, {}};
    }
    dir = dir.parent_path();
  }
}

std::optional<std::string> origin_url(const fs::path& config_file) {
  if (config_file.empty()) {
    return std::nullopt;
  }
  std::optional<std::string> text;
  try {
    text = util::read_file_if_exists(config_file);
  } catch (const Error&) {
    return std::nullopt;
  }
  if (!text) {
    return std::string();
  }
  return ConfigReader(*text).last("remote", "origin", "url");
}

}  // namespace b2b::config::git_files
