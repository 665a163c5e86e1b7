// SPDX-License-Identifier: Apache-2.0
#include "core/app/status.hpp"

#include "core/config/namespace.hpp"
#include "core/launch/credentials.hpp"
#include "core/launch/image.hpp"
#include "core/launch/runtime_choice.hpp"
#include "core/payload/payload.hpp"
#include "core/util/error.hpp"

#include <sys/stat.h>

namespace b2b::app {

namespace {

// The image and the sessions, as the runtime a launch would use sees them.
void check_engine(Context& context, StatusReport& report) {
  report.image_state = "unknown";
  try {
    launch::ImagePlan image = launch::plan_image(context.settings());
    report.image_tag = image.tag;
    launch::ChosenRuntime chosen = launch::choose_runtime(
        context.plugins().runtimes(), std::nullopt, context.settings());
    sdk::ContainerRuntime& runtime = *chosen.runtime.object;
    report.image_state =
        launch::image_is_current(runtime, image) ? "current" : "missing";
    report.image_detail = "runtime " + chosen.runtime.name;
    sdk::Result listed =
        runtime.containers("org.back2base.session", report.containers);
    if (!listed.ok()) {
      report.image_detail += "; sessions unknown: " + listed.message();
    }
  } catch (const Error& e) {
    report.image_detail = e.what();
  }
}

}  // namespace

StatusReport collect_status(Context& context, process::ProcessRunner& runner) {
  StatusReport report;
  report.paths = context.paths();
  struct stat info {};
  if (::stat(report.paths.env_file().c_str(), &info) == 0) {
    report.env_file_exists = true;
    report.env_file_mode = info.st_mode & 07777;
  }
  std::error_code ignored;
  report.state_seeded = std::filesystem::exists(
      report.paths.state_dir / ".back2base-seeded", ignored);
  report.payload_hash = payload::payload_hash(payload::embedded_payload());
  report.extracted_hash = payload::tree_hash(report.paths.payload_dir());
  std::optional<std::string> data =
      context.settings().value("BACK2BASE_DATA_DIR");
  if (data && !data->empty()) {
    report.data_dir = *data;
  }
  report.managed = config::probe_managed_settings(context.settings());
  std::optional<std::string> repo = context.settings().value("REPO_PATH");
  report.workspace = repo && !repo->empty() ? std::filesystem::path(*repo)
                                            : std::filesystem::current_path();
  try {
    config::Namespace name = config::resolve_namespace(
        report.workspace, std::nullopt, context.settings(), runner, false);
    report.namespace_name = name.name;
    report.namespace_origin = name.origin;
  } catch (const Error& e) {
    report.namespace_origin = e.what();
  }
  try {
    report.auth_configured =
        launch::configured_providers(launch::ordered_providers(
            context.plugins().auth_providers(), context.settings()));
  } catch (const Error& e) {
    report.auth_problem = e.what();
  }
  check_engine(context, report);
  return report;
}

std::string_view payload_state(const StatusReport& report) {
  if (report.extracted_hash.empty()) {
    return "missing";
  }
  return report.extracted_hash == report.payload_hash ? "current" : "stale";
}

}  // namespace b2b::app
