// SPDX-License-Identifier: Apache-2.0
// clean, prune and wipe-images: each takes only the flags that mean
// something to it.
#include "core/app/context.hpp"
#include "core/app/housekeeping.hpp"
#include "core/cli/commands.hpp"

#include <CLI/CLI.hpp>

#include <memory>

namespace b2b::cli {
namespace {

using Run = int (*)(app::Context&, const app::HousekeepingOptions&);

enum Flags : unsigned {
  k_project = 1,  // -r, --namespace
  k_confirm = 2,  // --dry-run, -y
  k_keep = 4,     // --keep
};

CLI::App* add(CLI::App& app, app::Context& context, const char* name,
              const char* summary, unsigned flags, Run run) {
  auto options = std::make_shared<app::HousekeepingOptions>();
  CLI::App* command = app.add_subcommand(name, summary);
  command->add_option("--runtime", options->runtime,
                      "compose, podman, or auto (the first that answers)");
  if (flags & k_project) {
    command->add_option("-r,--repo", options->repo,
                        "The workspace (default: as a launch finds it)");
    command->add_option("--namespace", options->namespace_name,
                        "The namespace whose containers to remove");
  }
  if (flags & k_confirm) {
    command->add_flag("--dry-run", options->dry_run,
                      "Only say what would be removed");
    command->add_flag("-y,--yes", options->yes, "Remove without asking");
  }
  if (flags & k_keep) {
    command->add_option("--keep", options->keep,
                        "Keep the N newest old images as well");
  }
  command->callback([&context, options, run] {
    context.action = [&context, options, run] {
      return run(context, *options);
    };
  });
  return command;
}

}  // namespace

void register_housekeeping(CLI::App& app, app::Context& context) {
  add(app, context, "clean",
      "Remove this project's containers and session files", k_project,
      app::clean_project)
      ->footer("Example: oss-back2base clean");
  add(app, context, "prune",
      "Remove old session images of this tool, never one in use",
      k_confirm | k_keep, app::prune_images)
      ->footer(
          "Keeps the image this version uses.\n"
          "Example: oss-back2base prune --dry-run");
  add(app, context, "wipe-images",
      "Remove every session image of this tool that no container uses",
      k_confirm, app::wipe_images)
      ->footer("Example: oss-back2base wipe-images -y");
}

}  // namespace b2b::cli
