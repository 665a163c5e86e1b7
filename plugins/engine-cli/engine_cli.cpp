// SPDX-License-Identifier: Apache-2.0
#include "engine_cli.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdlib>

namespace b2b::engine {

namespace {
constexpr std::chrono::seconds k_query_timeout{30};
constexpr std::chrono::minutes k_removal_timeout{10};
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
                                   std::vector<sdk::EnvVar> environment,
                                   std::chrono::milliseconds timeout) const {
  sdk::Command command{argv, std::move(environment), streams, timeout};
  if (streams == sdk::Streams::capture && timeout.count() == 0) {
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
                                " gave no answer in time; is the engine "
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

std::string EngineCli::label_field(const std::string& label) const {
  return m_program == "docker" ? "{{.Label \"" + label + "\"}}"
                               : "{{index .Labels \"" + label + "\"}}";
}

namespace {

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) {
      return out;
    }
    start = tab + 1;
  }
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    if (end > start) {
      out.push_back(text.substr(start, end - start));
    }
    start = end + 1;
  }
  return out;
}

}  // namespace

sdk::Result EngineCli::containers(const std::string& label,
                                  std::vector<sdk::EngineObject>& out) const {
  out.clear();
  sdk::CommandResult result = query(
      {m_program, "ps", "--all", "--filter", "label=" + label, "--format",
       "{{.ID}}\t{{.Names}}\t{{.CreatedAt}}\t{{.Status}}\t" +
           label_field("org.back2base.namespace") + "\t" +
           label_field("org.back2base.session")});
  sdk::Result checked_result = checked(result, "listing containers");
  if (!checked_result.ok()) {
    return checked_result;
  }
  for (const std::string& line : lines(result.out)) {
    std::vector<std::string> f = fields(line);
    if (f.size() == 6) {
      out.push_back({f[0], f[1], f[2], f[3], f[4], f[5], false});
    }
  }
  return sdk::Result::success();
}

sdk::Result EngineCli::images(const std::string& repository,
                              std::vector<sdk::EngineObject>& out) const {
  out.clear();
  sdk::CommandResult listed = query(
      {m_program, "images", "--format",
       "{{.ID}}\t{{.Repository}}:{{.Tag}}\t{{.CreatedAt}}", repository});
  sdk::Result checked_result = checked(listed, "listing images");
  if (!checked_result.ok()) {
    return checked_result;
  }
  sdk::CommandResult used =
      query({m_program, "ps", "--all", "--format", "{{.Image}}"});
  checked_result = checked(used, "listing containers");
  if (!checked_result.ok()) {
    return checked_result;
  }
  std::vector<std::string> in_use = lines(used.out);
  for (const std::string& line : lines(listed.out)) {
    std::vector<std::string> f = fields(line);
    if (f.size() != 3) {
      continue;
    }
    // Podman names local images "localhost/<repo>:<tag>", and lists every
    // name of an image that has one of the repository's.
    std::string name = f[1].starts_with("localhost/") ? f[1].substr(10) : f[1];
    if (!name.starts_with(repository + ":")) {
      continue;
    }
    sdk::EngineObject image{f[0], name, f[2], "", "", "", false};
    // A container names its image as it was asked for: "repo:tag", Podman
    // with a registry in front, or an ID.
    for (const std::string& name : in_use) {
      if (name == image.name || name.ends_with("/" + image.name) ||
          (!image.id.empty() && name.starts_with(image.id))) {
        image.in_use = true;
      }
    }
    out.push_back(image);
  }
  return sdk::Result::success();
}

sdk::Result EngineCli::remove_containers(
    const std::vector<std::string>& names) const {
  if (names.empty()) {
    return sdk::Result::success();
  }
  std::vector<std::string> argv = {m_program, "rm", "--force"};
  if (m_program == "podman") {
    // Podman removes no container another still joins, unless asked to
    // take those along.
    argv.push_back("--depend");
  }
  argv.insert(argv.end(), names.begin(), names.end());
  return checked(query(argv), "removing containers");
}

sdk::Result EngineCli::remove_images(
    const std::vector<std::string>& references) const {
  if (references.empty()) {
    return sdk::Result::success();
  }
  std::vector<std::string> argv = {m_program, "rmi"};
  argv.insert(argv.end(), references.begin(), references.end());
  // Freeing a large image's layers can take minutes on a slow disk.
  return checked(call(argv, sdk::Streams::capture, {}, k_removal_timeout),
                 "removing images");
}

}  // namespace b2b::engine
