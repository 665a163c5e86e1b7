// SPDX-License-Identifier: Apache-2.0
#include "engine_cli.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace b2b::engine {

namespace {
constexpr std::chrono::seconds k_query_timeout{30};
}  // namespace

std::string first_line(const std::string& text) {
  std::string line = text.substr(0, text.find('\n'));
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
    line.pop_back();
  }
  return line;
}

std::string last_line(const std::string& text) {
  std::size_t end = text.find_last_not_of("\r\n ");
  if (end == std::string::npos) {
    return "";
  }
  std::size_t start = text.rfind('\n', end);
  start = start == std::string::npos ? 0 : start + 1;
  return text.substr(start, end + 1 - start);
}

std::string find_in_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::string dirs = path != nullptr ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t start = 0;
  while (start <= dirs.size()) {
    std::size_t end = dirs.find(':', start);
    if (end == std::string::npos) {
      end = dirs.size();
    }
    std::string dir = dirs.substr(start, end - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + program;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    start = end + 1;
  }
  return "";
}

std::vector<sdk::EnvVar> secrets_of(const sdk::ContainerSpec& container) {
  std::vector<sdk::EnvVar> secrets;
  for (const sdk::EnvVar& variable : container.environment) {
    if (variable.secret) {
      secrets.push_back(variable);
    }
  }
  return secrets;
}

EngineCli::EngineCli(sdk::Host& host, std::string program, std::string runtime)
    : m_host(host),
      m_program(std::move(program)),
      m_runtime(std::move(runtime)) {}

sdk::CommandResult EngineCli::call(const std::vector<std::string>& argv,
                                   sdk::Streams streams,
                                   std::vector<sdk::EnvVar> environment) const {
  sdk::Command command{argv, std::move(environment), streams, {}};
  if (streams == sdk::Streams::capture) {
    command.timeout = k_query_timeout;
  }
  sdk::CommandResult result;
  m_host.run(command, result);
  return result;
}

sdk::CommandResult EngineCli::query(
    const std::vector<std::string>& argv) const {
  return call(argv, sdk::Streams::capture);
}

sdk::Result EngineCli::checked(const sdk::CommandResult& result,
                               const std::string& what) const {
  const std::string where = "runtime " + m_runtime + ": " + what;
  if (!result.started) {
    return sdk::Result::failure(where + ": " + m_program +
                                " could not be run (" + result.reason +
                                "); is it installed?");
  }
  if (result.timed_out) {
    return sdk::Result::failure(where + ": " + m_program +
                                " gave no answer in 30 s; is the engine "
                                "running?");
  }
  if (result.exit_status != 0) {
    return sdk::Result::failure(where + " failed: " + last_line(result.err) +
                                "; \"oss-back2base doctor\" checks the "
                                "engine");
  }
  return sdk::Result::success();
}

sdk::Result EngineCli::image_label(const std::string& image,
                                   const std::string& label,
                                   std::optional<std::string>& value) const {
  value.reset();
  sdk::CommandResult result =
      query({m_program, "image", "inspect", "--format",
             "{{index .Config.Labels \"" + label + "\"}}", image});
  if (!result.started || result.timed_out) {
    return checked(result, "asking for the image " + image);
  }
  // A missing image is an answer, not a failure.
  std::string found = first_line(result.out);
  if (result.exit_status == 0 && !found.empty() && found != "<no value>") {
    value = found;
  }
  return sdk::Result::success();
}

sdk::Result EngineCli::build_image(const sdk::ImageBuild& build) const {
  std::vector<std::string> argv = {m_program, "build", "--tag", build.tag};
  if (build.no_cache) {
    argv.push_back("--no-cache");
  }
  for (const auto& [name, value] : build.args) {
    argv.insert(argv.end(), {"--build-arg", name + "=" + value});
  }
  for (const auto& [name, value] : build.labels) {
    argv.insert(argv.end(), {"--label", name + "=" + value});
  }
  argv.push_back(build.context);
  sdk::CommandResult result = call(argv, sdk::Streams::progress);
  if (!result.started) {
    return checked(result, "building " + build.tag);
  }
  if (result.exit_status != 0) {
    return sdk::Result::failure("runtime " + m_runtime + ": building " +
                                build.tag +
                                " failed (above); fix what it says and run "
                                "\"oss-back2base build\" again");
  }
  return sdk::Result::success();
}

}  // namespace b2b::engine
