// SPDX-License-Identifier: Apache-2.0
#include "core/app/update.hpp"

#include "core/app/build_info.hpp"
#include "core/app/context.hpp"
#include "core/log/log.hpp"
#include "core/process/process_runner.hpp"
#include "core/update/installation.hpp"
#include "core/update/release_check.hpp"
#include "core/update/release_key.hpp"
#include "core/update/self_update.hpp"
#include "core/update/update_notice.hpp"
#include "core/util/error.hpp"
#include "core/util/strings.hpp"

#include <unistd.h>

#include <algorithm>
#include <ctime>
#include <iostream>
#include <utility>

namespace b2b::app {
namespace {

using namespace std::chrono_literals;

std::filesystem::path record_file(Context& context) {
  return context.paths().data_dir / "update-check.json";
}

std::string upgrade_command(const update::Installation& installation) {
  return installation.manager.empty() ? "oss-back2base update"
                                      : installation.upgrade_command;
}

// The daily notice's own check: a short one, its outcome kept either way
// so that an offline machine tries once a day, not at every command.
int record_check(Context& context) {
  update::CheckRecord record = update::read_check_record(record_file(context));
  record.checked_at = std::time(nullptr);
  try {
    // Short: nobody waits for it, but a hung one should not linger.
    update::Deadlines deadlines = update::update_deadlines(context.settings());
    deadlines.idle = std::min<std::chrono::milliseconds>(deadlines.idle, 10s);
    deadlines.total = 20s;
    update::Availability found = update::check_release(
        update::release_index_url(context.settings()), build_info().version,
        update::release_public_key(), deadlines);
    record.latest = found.latest.version.text;
    record.error.clear();
  } catch (const Error& e) {
    record.error = e.what();
  }
  update::write_check_record(record_file(context), record);
  return 0;
}

std::string release_words(const update::Availability& found) {
  return "oss-back2base " + found.latest.version.text;
}

// What `update` learnt, the notice knows too.
void remember(Context& context, const update::Availability& found) {
  try {
    update::CheckRecord record =
        update::read_check_record(record_file(context));
    record.checked_at = std::time(nullptr);
    record.latest = found.latest.version.text;
    record.error.clear();
    update::write_check_record(record_file(context), record);
  } catch (const Error& e) {
    log::debug(std::string("update: the check's record: ") + e.what());
  }
}

// `update --check`: one line on stdout, for people and scripts alike.
void report(const update::Availability& found,
            const update::Installation& installation) {
  const std::string& running = found.running.text;
  switch (found.standing) {
    case update::Standing::newer:
      std::cout << release_words(found) << " is out (this is " << running
                << "); run \"" << upgrade_command(installation)
                << "\" to update\n";
      return;
    case update::Standing::same:
      std::cout << "oss-back2base " << running << " is the latest release\n";
      return;
    case update::Standing::older:
      std::cout << "the latest release is " << found.latest.version.text
                << ", older than this " << running << "\n";
      return;
  }
}

// A person at a terminal, who has not switched it off, with a channel to
// ask. (Under -q a notice would not be shown, and must not be spent.)
bool notice_wanted(const config::Settings& settings) {
  return log::enabled(log::Level::warning) && ::isatty(STDERR_FILENO) == 1 &&
         !settings.flag("BACK2BASE_NO_UPDATE_CHECK") &&
         (!settings.value("BACK2BASE_UPDATE_URL").value_or("").empty() ||
          !build_info().release_index_url.empty());
}

}  // namespace

int update(Context& context, const UpdateOptions& options) {
  if (options.record) {
    return record_check(context);
  }
  const update::Installation installation =
      update::find_installation(update::running_executable());
  if (!installation.manager.empty() && !options.check_only) {
    throw Error("update: this copy (" + installation.executable.string() +
                ") was installed by " + installation.manager +
                "; update it the same way: " + installation.upgrade_command);
  }
  const update::Deadlines deadlines =
      update::update_deadlines(context.settings());
  update::Availability found = update::check_release(
      update::release_index_url(context.settings()), build_info().version,
      update::release_public_key(), deadlines);
  remember(context, found);
  const std::string& running = found.running.text;
  if (options.check_only) {
    report(found, installation);
    return 0;
  }
  if (found.standing == update::Standing::same) {
    log::notice("update: " + running + " is the latest release; nothing to do");
    return 0;
  }
  if (found.standing == update::Standing::older && !options.allow_downgrade) {
    throw Error("update: the latest release, " + found.latest.version.text +
                ", is older than this " + running +
                "; nothing was installed (--allow-downgrade installs it)");
  }

  update::require_writable(installation);
  auto runner = process::make_system_runner();
  update::install_release({.release = found.latest,
                           .signed_list = std::move(found.signed_list),
                           .installation = installation,
                           .platform = std::string(build_info().platform),
                           .deadlines = deadlines},
                          *runner);
  log::notice("update: " + release_words(found) + " is installed (was " +
              running + "); the next session builds its image, and " +
              "\"oss-back2base prune\" removes the old one");
  return 0;
}

void notice_update(Context& context, std::string_view command, bool disabled) {
  static constexpr std::string_view k_exempt[] = {"version", "update", "help",
                                                  "completion", "man"};
  for (std::string_view exempt : k_exempt) {
    if (command == exempt) {
      return;
    }
  }
  try {
    if (disabled || !notice_wanted(context.settings())) {
      return;
    }
    std::optional<update::Version> running =
        update::parse_version(build_info().version);
    if (!running) {
      return;
    }
    const std::filesystem::path file = record_file(context);
    update::CheckRecord record = update::read_check_record(file);
    const std::int64_t now = std::time(nullptr);
    // Where this copy came from is looked up only for a notice.
    std::optional<std::string> notice = update::due_notice(
        record, *running,
        [] {
          return upgrade_command(
              update::find_installation(update::running_executable()));
        },
        now);
    // Claimed before the check starts, so that the commands of the next
    // minutes do not start one each, and written before it can finish.
    const bool start = update::check_due(record, now);
    if (start) {
      record.checked_at = now;
    }
    if (notice || start) {
      update::write_check_record(file, record);
    }
    if (start) {
      update::start_background_check(update::running_executable());
    }
    if (notice) {
      log::notice(*notice);
    }
  } catch (const std::exception& e) {
    log::debug(std::string("update check: skipped: ") + e.what());
  }
}

}  // namespace b2b::app
