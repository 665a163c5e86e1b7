// SPDX-License-Identifier: Apache-2.0
#include "core/cli/command_tree.hpp"

#include <CLI/CLI.hpp>

namespace b2b::cli {
namespace {

// What completes a value, by the flag or argument it belongs to.
ValueKind kind_of(const std::string& name) {
  if (name == "profile") {
    return ValueKind::profile;
  }
  if (name == "runtime") {
    return ValueKind::runtime;
  }
  if (name == "repo" || name == "dir") {
    return ValueKind::directory;
  }
  if (name == "file" || name == "keyfile" || name == "public-key" ||
      name == "secret-key") {
    return ValueKind::file;
  }
  if (name == "topic") {
    return ValueKind::topic;
  }
  return ValueKind::text;
}

CommandDoc document(const CLI::App& app, const std::string& path) {
  CommandDoc doc;
  doc.name = app.get_name();
  doc.path = path;
  doc.description = app.get_description();
  doc.footer = app.get_footer();
  for (const CLI::Option* option : app.get_options()) {
    if (option->get_group().empty()) {
      continue;  // hidden
    }
    if (option->get_lnames().empty() && option->get_snames().empty()) {
      const std::string name = option->get_name(true, false);
      doc.arguments.push_back({name, option->get_description(), kind_of(name)});
      continue;
    }
    FlagDoc flag;
    if (!option->get_snames().empty()) {
      flag.short_name = "-" + option->get_snames().front();
    }
    if (!option->get_lnames().empty()) {
      flag.long_name = "--" + option->get_lnames().front();
    }
    flag.description = option->get_description();
    if (option->get_expected_min() > 0) {
      flag.value = option->get_type_name();
      if (flag.value.empty()) {
        flag.value = "VALUE";
      }
      flag.kind = kind_of(
          option->get_lnames().empty() ? "" : option->get_lnames().front());
    }
    doc.flags.push_back(std::move(flag));
  }
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_group().empty()) {
      continue;  // hidden
    }
    doc.commands.push_back(document(
        *sub, path.empty() ? sub->get_name() : path + " " + sub->get_name()));
  }
  return doc;
}

}  // namespace

CommandDoc document_commands(const CLI::App& root) {
  return document(root, "");
}

}  // namespace b2b::cli
