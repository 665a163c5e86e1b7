// SPDX-License-Identifier: Apache-2.0
#include "core/app/housekeeping.hpp"

#include "core/config/namespace.hpp"
#include "core/config/workspace_root.hpp"
#include "core/launch/image.hpp"
#include "core/launch/runtime_choice.hpp"
#include "core/log/log.hpp"
#include "core/process/process_runner.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <unistd.h>

#include <algorithm>
#include <iostream>

namespace b2b::app {
namespace {

namespace fs = std::filesystem;

sdk::ContainerRuntime& runtime_of(
    Context& context, const std::optional<std::string>& flag,
    plugin::PluginRef<sdk::ContainerRuntime>& ref) {
  ref = launch::choose_runtime(context.plugins().runtimes(), flag,
                               context.settings())
            .runtime;
  return *ref.object;
}

void check(const sdk::Result& result) {
  if (!result.ok()) {
    throw Error(result.message());
  }
}

// Asks before removing, on a terminal; elsewhere only -y may.
bool confirmed(const std::string& command, const std::string& what, bool yes) {
  if (yes) {
    return true;
  }
  if (!::isatty(STDIN_FILENO)) {
    throw Error(command + ": would remove " + what +
                " (listed above); run it again with -y to remove them");
  }
  std::cerr << "oss-back2base: remove " << what << "? [y/N] " << std::flush;
  std::string answer;
  std::getline(std::cin, answer);
  return answer == "y" || answer == "Y" || answer == "yes";
}

int remove_listed(const HousekeepingOptions& options,
                  const std::string& command,
                  const std::vector<sdk::EngineObject>& images,
                  sdk::ContainerRuntime& runtime) {
  if (images.empty()) {
    log::notice(command + ": no image to remove");
    return 0;
  }
  std::vector<std::string> references;
  for (const sdk::EngineObject& image : images) {
    std::cout << image.name << " (created " << image.created << ")\n";
    references.push_back(image.name);
  }
  std::string what = std::to_string(images.size()) + " image" +
                     (images.size() == 1 ? "" : "s");
  if (options.dry_run || !confirmed(command, what, options.yes)) {
    return 0;
  }
  check(runtime.remove_images(references));
  log::notice(command + ": removed " + what);
  return 0;
}

}  // namespace

std::vector<sdk::EngineObject> images_to_prune(
    std::vector<sdk::EngineObject> images, const std::string& current,
    std::size_t keep) {
  std::erase_if(images, [&](const sdk::EngineObject& image) {
    return image.name == current || image.in_use;
  });
  // The engines print creation times that sort as text within one engine.
  std::sort(images.begin(), images.end(),
            [](const sdk::EngineObject& a, const sdk::EngineObject& b) {
              return a.created > b.created;
            });
  images.erase(images.begin(), images.begin() + std::min(keep, images.size()));
  return images;
}

int clean_project(Context& context, const HousekeepingOptions& options) {
  auto runner = process::make_system_runner();
  config::WorkspaceRoot workspace = config::resolve_workspace_root(
      options.repo, context.settings(), *runner, fs::current_path());
  config::Namespace ns =
      config::resolve_namespace(workspace.path, options.namespace_name,
                                context.settings(), *runner, false);
  plugin::PluginRef<sdk::ContainerRuntime> ref;
  sdk::ContainerRuntime& runtime = runtime_of(context, options.runtime, ref);
  std::vector<sdk::EngineObject> containers;
  check(runtime.containers("org.back2base.namespace", containers));
  std::vector<std::string> names;
  for (const sdk::EngineObject& container : containers) {
    if (container.namespace_name == ns.name) {
      names.push_back(container.name);
      std::cout << "removing " << container.name << " (" << container.status
                << ")\n";
    }
  }
  check(runtime.remove_containers(names));
  // The session directories of the namespace: its sessions' files.
  std::error_code ignored;
  for (const fs::directory_entry& entry :
       fs::directory_iterator(context.paths().data_dir / "sessions", ignored)) {
    if (entry.path().filename().string().starts_with(ns.name + "-")) {
      fs::remove_all(entry.path(), ignored);
    }
  }
  return 0;
}

int prune_images(Context& context, const HousekeepingOptions& options) {
  plugin::PluginRef<sdk::ContainerRuntime> ref;
  sdk::ContainerRuntime& runtime = runtime_of(context, options.runtime, ref);
  std::vector<sdk::EngineObject> images;
  check(runtime.images(launch::k_image_repository, images));
  std::string current = launch::plan_image(context.settings()).tag;
  return remove_listed(options, "prune",
                       images_to_prune(images, current, options.keep), runtime);
}

int wipe_images(Context& context, const HousekeepingOptions& options) {
  plugin::PluginRef<sdk::ContainerRuntime> ref;
  sdk::ContainerRuntime& runtime = runtime_of(context, options.runtime, ref);
  std::vector<sdk::EngineObject> images;
  check(runtime.images(launch::k_image_repository, images));
  std::erase_if(images,
                [](const sdk::EngineObject& image) { return image.in_use; });
  return remove_listed(options, "wipe-images", images, runtime);
}

}  // namespace b2b::app
