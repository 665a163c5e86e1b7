// SPDX-License-Identifier: Apache-2.0
#include "core/cli/completion_scripts.hpp"

#include "core/util/strings.hpp"

#include <algorithm>
#include <initializer_list>

namespace b2b::cli {
namespace {

// Every command of the tree, the root first, each once.
void flatten(const CommandDoc& command, std::vector<const CommandDoc*>& into) {
  into.push_back(&command);
  for (const CommandDoc& sub : command.commands) {
    flatten(sub, into);
  }
}

std::vector<const CommandDoc*> all_commands(const CommandDoc& root) {
  std::vector<const CommandDoc*> commands;
  flatten(root, commands);
  return commands;
}

// `text` inside single quotes, as bash and zsh read it back.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  }
  return out + "'";
}

// The same for fish, where a backslash is special inside single quotes.
std::string fish_quoted(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c == '\''   ? std::string("\\'")
           : c == '\\' ? std::string("\\\\")
                       : std::string(1, c);
  }
  return out + "'";
}

std::string words_of(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& word : words) {
    out += (out.empty() ? "" : " ") + word;
  }
  return out;
}

std::vector<std::string> flag_names(const CommandDoc& command) {
  std::vector<std::string> names;
  for (const FlagDoc& flag : command.flags) {
    for (const std::string& name : {flag.short_name, flag.long_name}) {
      if (!name.empty()) {
        names.push_back(name);
      }
    }
  }
  return names;
}

std::vector<std::string> command_names(const CommandDoc& command) {
  std::vector<std::string> names;
  for (const CommandDoc& sub : command.commands) {
    names.push_back(sub.name);
  }
  return names;
}

// The words a value of `kind` is one of; empty where it is free.
const std::vector<std::string>* choices(ValueKind kind,
                                        const CompletionWords& words) {
  switch (kind) {
    case ValueKind::profile:
      return &words.profiles;
    case ValueKind::runtime:
      return &words.runtimes;
    case ValueKind::topic:
      return &words.topics;
    default:
      return nullptr;
  }
}

// `path/word` pairs that descend into a command, as shell case patterns:
// "/plugin"|"plugin/sign"|...
std::string descent_patterns(const CommandDoc& root) {
  std::string patterns;
  for (const CommandDoc* command : all_commands(root)) {
    for (const CommandDoc& sub : command->commands) {
      patterns += (patterns.empty() ? "" : "|") +
                  single_quoted(command->path + "/" + sub.name);
    }
  }
  return patterns;
}

// What completes a value of `kind`, in one shell's words; `set` is its
// words where they are a known set.
using ValueAction = std::string (*)(ValueKind kind, const std::string& set);

// The arms of a `case "$prev"` for the flags of `command` that take a
// value, one arm per kind, each ending the completion there.
std::string value_cases(const CommandDoc& command, const CompletionWords& words,
                        ValueAction action) {
  std::string out;
  for (ValueKind kind :
       {ValueKind::profile, ValueKind::runtime, ValueKind::topic,
        ValueKind::directory, ValueKind::file, ValueKind::text}) {
    std::string names;
    for (const FlagDoc& flag : command.flags) {
      if (flag.value.empty() || flag.kind != kind) {
        continue;
      }
      for (const std::string& name : {flag.short_name, flag.long_name}) {
        if (!name.empty()) {
          names += (names.empty() ? "" : "|") + name;
        }
      }
    }
    if (!names.empty()) {
      const auto* set = choices(kind, words);
      out += "        " + names + ") " +
             action(kind, set ? words_of(*set) : std::string()) + " ;;\n";
    }
  }
  return out.empty() ? out : "      case \"$prev\" in\n" + out + "      esac\n";
}

std::string bash_value(ValueKind kind, const std::string& set) {
  switch (kind) {
    case ValueKind::directory:
      return "compopt -o filenames 2>/dev/null; "
             "mapfile -t COMPREPLY < <(compgen -d -- \"$cur\"); return";
    case ValueKind::file:
      return "compopt -o filenames 2>/dev/null; "
             "mapfile -t COMPREPLY < <(compgen -f -- \"$cur\"); return";
    case ValueKind::text:
    case ValueKind::none:
      return "return";
    default:
      return "COMPREPLY=($(compgen -W " + single_quoted(set) +
             " -- \"$cur\")); return";
  }
}

std::string zsh_value(ValueKind kind, const std::string& set) {
  switch (kind) {
    case ValueKind::directory:
      return "_files -/; return";
    case ValueKind::file:
      return "_files; return";
    case ValueKind::text:
    case ValueKind::none:
      return "return";
    default:
      return "compadd -- " + set + "; return";
  }
}

std::string program_function(const CommandDoc& root) {
  std::string name = "_" + root.name;
  std::replace(name.begin(), name.end(), '-', '_');
  return name;
}

// The loop every script opens with: the command path the words chose.
// (Not in a variable named "path", which zsh ties to PATH.)
std::string path_loop(const CommandDoc& root, const std::string& words,
                      const std::string& first, const std::string& end) {
  return "  local chosen='' i\n"
         "  for ((i = " +
         first + "; i < " + end + "; i++)); do\n" + "    case \"$chosen/" +
         words + "\" in\n      " + descent_patterns(root) +
         ") chosen=\"${chosen:+$chosen }" + words + "\" ;;\n    esac\n  done\n";
}

}  // namespace

std::string bash_completion(const CommandDoc& root,
                            const CompletionWords& words) {
  const std::string function = program_function(root);
  std::string out = "# bash completion for " + root.name + "; generated by \"" +
                    root.name + " completion bash\".\n" + function + "() {\n" +
                    "  local cur=${COMP_WORDS[COMP_CWORD]} "
                    "prev=${COMP_WORDS[COMP_CWORD-1]}\n" +
                    path_loop(root, "${COMP_WORDS[i]}", "1", "COMP_CWORD");
  out += "  local flags='' commands=''\n  case \"$chosen\" in\n";
  for (const CommandDoc* command : all_commands(root)) {
    std::string commands = words_of(command_names(*command));
    for (const ArgumentDoc& argument : command->arguments) {
      if (const auto* set = choices(argument.kind, words)) {
        commands += (commands.empty() ? "" : " ") + words_of(*set);
      }
    }
    out += "    " + single_quoted(command->path) + ")\n" +
           value_cases(*command, words, bash_value) +
           "      flags=" + single_quoted(words_of(flag_names(*command))) +
           " commands=" + single_quoted(commands) + " ;;\n";
  }
  out +=
      "  esac\n"
      "  if [[ $cur == -* ]]; then\n"
      "    COMPREPLY=($(compgen -W \"$flags\" -- \"$cur\"))\n"
      "  else\n"
      "    COMPREPLY=($(compgen -W \"$commands\" -- \"$cur\"))\n"
      "  fi\n"
      "}\n"
      "complete -o default -F " +
      function + " " + root.name + "\n";
  return out;
}

std::string zsh_completion(const CommandDoc& root,
                           const CompletionWords& words) {
  const std::string function = program_function(root);
  auto described = [](const std::string& name, const std::string& what) {
    std::string entry = name + ":" + what;
    std::string escaped;
    for (std::size_t i = 0; i < entry.size(); ++i) {
      // The first colon separates; the others are the description's.
      if (entry[i] == ':' && i != name.size()) {
        escaped += '\\';
      }
      escaped += entry[i];
    }
    return single_quoted(escaped);
  };
  std::string out = "#compdef " + root.name + "\n# zsh completion for " +
                    root.name + "; generated by \"" + root.name +
                    " completion zsh\".\n" + function + "() {\n" +
                    "  local prev=${words[CURRENT-1]}\n" +
                    path_loop(root, "${words[i]}", "2", "CURRENT");
  out += "  local -a flags commands\n  case \"$chosen\" in\n";
  for (const CommandDoc* command : all_commands(root)) {
    out += "    " + single_quoted(command->path) + ")\n" +
           value_cases(*command, words, zsh_value) + "      flags=(";
    for (const FlagDoc& flag : command->flags) {
      for (const std::string& name : {flag.short_name, flag.long_name}) {
        if (!name.empty()) {
          out += " " + described(name, flag.description);
        }
      }
    }
    out += ")\n      commands=(";
    for (const CommandDoc& sub : command->commands) {
      out += " " + described(sub.name, sub.description);
    }
    for (const ArgumentDoc& argument : command->arguments) {
      if (const auto* set = choices(argument.kind, words)) {
        for (const std::string& word : *set) {
          out += " " + described(word, argument.description);
        }
      }
    }
    out += ") ;;\n";
  }
  out +=
      "  esac\n"
      "  if [[ ${words[CURRENT]} == -* ]]; then\n"
      "    _describe -t flags flag flags\n"
      "  elif (( ${#commands} )); then\n"
      "    _describe -t commands command commands\n"
      "  else\n"
      "    _files\n"
      "  fi\n"
      "}\n"
      "if [[ $zsh_eval_context[-1] == loadautofunc ]]; then\n  " +
      function + " \"$@\"\nelse\n  compdef " + function + " " + root.name +
      "\nfi\n";
  return out;
}

std::string fish_completion(const CommandDoc& root,
                            const CompletionWords& words) {
  // `__oss_back2base_at plugin sign`: whether the words so far chose that.
  const std::string at = "_" + program_function(root) + "_at";
  std::string cases;
  for (const CommandDoc* command : all_commands(root)) {
    for (const CommandDoc& sub : command->commands) {
      cases += " " + fish_quoted(command->path + "/" + sub.name);
    }
  }
  std::string out = "# fish completion for " + root.name + "; generated by \"" +
                    root.name +
                    " completion fish\".\n"
                    "function " +
                    at +
                    "\n"
                    "  set -l chosen ''\n"
                    "  for word in (commandline -opc)[2..-1]\n"
                    "    switch \"$chosen/$word\"\n"
                    "      case" +
                    cases +
                    "\n"
                    "        set chosen (string trim -- \"$chosen $word\")\n"
                    "    end\n"
                    "  end\n"
                    "  test \"$chosen\" = \"$argv\"\n"
                    "end\n"
                    "complete -c " +
                    root.name + " -f\n";
  for (const CommandDoc* command : all_commands(root)) {
    const std::string condition =
        " -n " + fish_quoted(util::trim(at + " " + command->path));
    for (const CommandDoc& sub : command->commands) {
      out += "complete -c " + root.name + condition + " -a " +
             fish_quoted(sub.name) + " -d " + fish_quoted(sub.description) +
             "\n";
    }
    for (const ArgumentDoc& argument : command->arguments) {
      if (const auto* set = choices(argument.kind, words)) {
        out += "complete -c " + root.name + condition + " -a " +
               fish_quoted(words_of(*set)) + " -d " +
               fish_quoted(argument.description) + "\n";
      } else if (argument.kind == ValueKind::file) {
        out += "complete -c " + root.name + condition + " -F\n";
      }
    }
    for (const FlagDoc& flag : command->flags) {
      out += "complete -c " + root.name + condition;
      if (!flag.short_name.empty()) {
        out += " -s " + flag.short_name.substr(1);
      }
      if (!flag.long_name.empty()) {
        out += " -l " + flag.long_name.substr(2);
      }
      if (!flag.value.empty()) {
        if (const auto* set = choices(flag.kind, words)) {
          out += " -x -a " + fish_quoted(words_of(*set));
        } else if (flag.kind == ValueKind::directory) {
          out += " -x -a '(__fish_complete_directories)'";
        } else if (flag.kind == ValueKind::file) {
          out += " -r -F";
        } else {
          out += " -x";
        }
      }
      out += " -d " + fish_quoted(flag.description) + "\n";
    }
  }
  return out;
}

}  // namespace b2b::cli
