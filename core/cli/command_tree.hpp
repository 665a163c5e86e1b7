// SPDX-License-Identifier: Apache-2.0
// The command tree as data: every command, flag and argument the CLI
// declares, read from CLI11's own objects, so that the completions and the
// man page say what the parser accepts and cannot drift from it.
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace b2b::cli {

/// What a flag's value, or an argument, is, for completing it.
enum class ValueKind { none, text, file, directory, profile, runtime, topic };

struct FlagDoc {
  std::string short_name;  ///< "-p", or empty
  std::string long_name;   ///< "--prompt", or empty
  std::string value;       ///< "TEXT" for one that takes a value, else empty
  std::string description;
  ValueKind kind = ValueKind::none;
};

struct ArgumentDoc {
  std::string name;  ///< "file"
  std::string description;
  ValueKind kind = ValueKind::text;
};

struct CommandDoc {
  std::string name;  ///< "sign"; the program's name for the root
  std::string path;  ///< "plugin sign"; empty for the root
  std::string description;
  std::string footer;  ///< the examples and notes under --help
  std::vector<FlagDoc> flags;
  std::vector<ArgumentDoc> arguments;
  std::vector<CommandDoc> commands;
};

/// The tree under `root`, hidden commands and flags left out.
CommandDoc document_commands(const CLI::App& root);

/// The words a value of `kind` may be, where they are a known set.
struct CompletionWords {
  std::vector<std::string> profiles;  ///< "auto", "last" and each profile
  std::vector<std::string> runtimes;  ///< "auto" and each runtime plugin
  std::vector<std::string> topics;    ///< what `help` explains
};

}  // namespace b2b::cli
