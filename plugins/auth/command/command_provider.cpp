// SPDX-License-Identifier: Apache-2.0
// For organisations that sign their people in their own way: the env
// file names a helper (BACK2BASE_AUTH_COMMAND), run on this machine with
// sh -c, that prints a short-lived credential. Its prompts reach the user
// (stdin and stderr are theirs), its answer is kept until shortly before
// it expires, and a helper that fails, hangs or prints garbage stops the
// launch with the reason, before any container starts.
#include "helper_credential.hpp"

#include <back2base/sdk/auth.hpp>
#include <back2base/sdk/host.hpp>

#include <algorithm>
#include <array>
#include <cstdlib>

namespace {

using b2b::sdk::Result;
namespace command = b2b::auth_command;

constexpr std::array<const char*, 3> k_variables{
    "ANTHROPIC_AUTH_TOKEN", "ANTHROPIC_API_KEY", "CLAUDE_CODE_OAUTH_TOKEN"};

// Empty without a home: no shared place will do for a credential.
std::filesystem::path cache_dir() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  const char* home = std::getenv("HOME");
  if (xdg != nullptr && *xdg == '/') {
    return std::filesystem::path(xdg) / "back2base" / "auth-command";
  }
  if (home != nullptr && *home == '/') {
    return std::filesystem::path(home) / ".cache" / "back2base" /
           "auth-command";
  }
  return {};
}

class CommandProvider final : public b2b::sdk::AuthProvider {
 public:
  explicit CommandProvider(b2b::sdk::Host& host) : m_host(host) {}

  Result resolve(std::vector<b2b::sdk::Credential>& credentials) override {
    std::string helper = setting("BACK2BASE_AUTH_COMMAND");
    if (helper.empty()) {
      return Result::success();
    }
    std::string variable = setting("BACK2BASE_AUTH_COMMAND_VARIABLE");
    if (variable.empty()) {
      variable = k_variables[0];
    }
    if (std::find(k_variables.begin(), k_variables.end(), variable) ==
        k_variables.end()) {
      return Result::failure("BACK2BASE_AUTH_COMMAND_VARIABLE is \"" +
                             variable +
                             "\"; set it to ANTHROPIC_AUTH_TOKEN, "
                             "ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN");
    }
    std::string timeout_text = setting("BACK2BASE_AUTH_COMMAND_TIMEOUT");
    char* end = nullptr;
    long seconds = std::strtol(timeout_text.c_str(), &end, 10);
    if (timeout_text.empty() || *end != '\0' || seconds <= 0) {
      return Result::failure("BACK2BASE_AUTH_COMMAND_TIMEOUT is \"" +
                             timeout_text +
                             "\"; set it to a number of seconds");
    }
    std::filesystem::path dir = cache_dir();
    command::Outcome outcome = command::obtain(
        dir.empty() ? dir : command::cache_file(dir, helper, variable),
        [] { return command::Clock::now(); }, std::chrono::seconds(seconds + 5),
        [&] { return run_helper(helper, seconds, command::Clock::now()); });
    if (const std::string* why = std::get_if<std::string>(&outcome)) {
      return Result::failure(*why);
    }
    const command::Issued& issued = std::get<command::Issued>(outcome);
    credentials.push_back({variable, issued.value, issued.expires, {}});
    return Result::success();
  }

  bool configured() const noexcept override {
    return !setting("BACK2BASE_AUTH_COMMAND").empty();
  }

 private:
  command::Outcome run_helper(const std::string& helper, long seconds,
                              command::Clock::time_point now) const {
    m_host.log(b2b::sdk::LogLevel::info, "running BACK2BASE_AUTH_COMMAND");
    b2b::sdk::Command run;
    run.argv = {"sh", "-c", helper};
    run.streams = b2b::sdk::Streams::ask;
    run.timeout = std::chrono::seconds(seconds);
    b2b::sdk::CommandResult result;
    m_host.run(run, result);
    const std::string what = "BACK2BASE_AUTH_COMMAND";
    if (!result.started) {
      return what + " could not be run (sh: " + result.reason + ")";
    }
    if (result.interrupted) {
      return what + " was interrupted";
    }
    if (result.timed_out) {
      return what + " gave no answer in " + std::to_string(seconds) +
             " s and was stopped; fix it, or raise "
             "BACK2BASE_AUTH_COMMAND_TIMEOUT";
    }
    if (result.exit_status != 0) {
      return what + " exited " + std::to_string(result.exit_status) +
             " (its own message, if any, is above); fix the command";
    }
    std::variant<command::Issued, std::string> parsed =
        command::parse_output(result.out, now);
    if (const std::string* why = std::get_if<std::string>(&parsed)) {
      return what + " " + *why +
             "; it must print the credential alone on one line, or JSON "
             "{\"token\": ..., \"expires_at\": ...}";
    }
    return std::get<command::Issued>(parsed);
  }

  std::string setting(std::string_view name) const {
    return m_host.setting(name).value_or("");
  }

  b2b::sdk::Host& m_host;
};

}  // namespace

B2B_PLUGIN(CommandProvider, "command", "0.1.0",
           "Runs BACK2BASE_AUTH_COMMAND, a helper that prints a short-lived "
           "credential, and keeps its answer until shortly before it "
           "expires")
