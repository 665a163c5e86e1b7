// SPDX-License-Identifier: Apache-2.0
#include "core/app/install.hpp"

#include "core/config/state.hpp"
#include "core/launch/image.hpp"
#include "core/launch/runtime_choice.hpp"
#include "core/payload/payload.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"
#include "core/util/strings.hpp"

#include <algorithm>

namespace b2b::app {
namespace {

namespace fs = std::filesystem;

Check extract_payload(Context& context) {
  const fs::path dir = context.paths().payload_dir();
  switch (payload::ensure_extracted(dir, payload::embedded_payload())) {
    case payload::Extraction::current:
      return {"payload", CheckStatus::pass, dir.string() + " is current", ""};
    case payload::Extraction::extracted:
      return {"payload", CheckStatus::pass, "extracted to " + dir.string(), ""};
    case payload::Extraction::replaced:
      return {"payload", CheckStatus::pass,
              "replaced the out-of-date copy in " + dir.string(), ""};
  }
  return {"payload", CheckStatus::fail, "unknown outcome", ""};
}

Check seed_env_file(Context& context) {
  const fs::path file = context.paths().env_file();
  util::create_directories(file.parent_path(), 0700);
  if (!util::create_file_exclusive(
          file, payload::embedded_text("defaults/env.example"), 0600)) {
    return {"env file", CheckStatus::pass, "kept " + file.string(), ""};
  }
  return {"env file", CheckStatus::pass,
          "created " + file.string() + " (0600) from the template",
          "put a credential in it, or run \"oss-back2base login\""};
}

Check seed_state(Context& context) {
  const fs::path dir = context.paths().state_dir;
  util::create_directories(context.paths().config_dir, 0700);
  config::SeedReport report =
      config::seed_state(dir, payload::embedded_payload());
  if (report.seeded.empty()) {
    return {"state", CheckStatus::pass, dir.string() + " already seeded", ""};
  }
  return {"state", CheckStatus::pass,
          "seeded " + std::to_string(report.seeded.size()) +
              " default(s) into " + dir.string(),
          ""};
}

Check prepare_data(Context& context) {
  std::optional<fs::path> dir = config::prepare_data_dir(context.settings());
  return {"data directory", CheckStatus::pass,
          dir ? "plans/ and memories/ ready in " + dir->string()
              : "not used (set BACK2BASE_DATA_DIR to keep plans and "
                "memories outside the state)",
          ""};
}

// Whether the runtime a launch would use has this version's image. The
// install does not build it (minutes, and downloads): the first launch
// does, or `oss-back2base build`.
Check report_image(Context& context) {
  const char* later =
      "nothing to do now; the first launch builds it (or "
      "run \"oss-back2base build\")";
  try {
    launch::ImagePlan image = launch::plan_image(context.settings());
    launch::ChosenRuntime chosen = launch::choose_runtime(
        context.plugins().runtimes(), std::nullopt, context.settings());
    if (launch::image_is_current(*chosen.runtime.object, image)) {
      return {"image", CheckStatus::pass,
              image.tag + " is built (" + chosen.runtime.name + ")", ""};
    }
    return {"image", CheckStatus::warn,
            "not built: " + image.tag + " (" + chosen.runtime.name + ")",
            later};
  } catch (const Error& e) {
    return {"image", CheckStatus::warn, std::string("not built: ") + e.what(),
            later};
  }
}

}  // namespace

std::vector<Check> run_install(Context& context,
                               process::ProcessRunner& runner) {
  auto step = [](const char* name, auto&& run) {
    return check_or_fail(
        name, "fix what it names and run \"oss-back2base install\" again", run);
  };
  std::vector<Check> steps;
  steps.push_back(check_container_runtime(runner));
  steps.push_back(step("payload", [&] { return extract_payload(context); }));
  steps.push_back(step("env file", [&] { return seed_env_file(context); }));
  steps.push_back(step("state", [&] { return seed_state(context); }));
  steps.push_back(
      step("data directory", [&] { return prepare_data(context); }));
  steps.push_back(step("image", [&] { return report_image(context); }));
  return steps;
}

}  // namespace b2b::app
