// SPDX-License-Identifier: Apache-2.0
#include "core/app/login.hpp"

#include "core/app/exit_status.hpp"
#include "core/app/launch.hpp"
#include "core/config/env_writer.hpp"
#include "core/log/log.hpp"
#include "core/util/error.hpp"
#include "core/util/files.hpp"

#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>

namespace b2b::app {
namespace {

namespace fs = std::filesystem;

constexpr const char* k_setting = "BACK2BASE_CLAUDE_CODE_OAUTH_TOKEN";

// `text` as a token, trimmed; or none when it cannot be one (empty,
// blanks or control characters inside, longer than 4 KiB).
std::optional<std::string> as_token(std::string_view text) {
  const char* blank = " \t\r\n";
  std::size_t start = text.find_first_not_of(blank);
  if (start == std::string_view::npos || text.size() > 4096) {
    return std::nullopt;
  }
  std::string token(
      text.substr(start, text.find_last_not_of(blank) + 1 - start));
  bool printable = std::all_of(token.begin(), token.end(), [](char c) {
    return static_cast<unsigned char>(c) > 0x20 &&
           static_cast<unsigned char>(c) < 0x7f;
  });
  return printable ? std::optional(token) : std::nullopt;
}

// A line read from the terminal after `prompt`, without echoing it; the
// echo is off before the prompt shows, so that nothing typed at once is
// seen.
std::string read_hidden(std::istream& in, const char* prompt) {
  termios saved{};
  bool hidden = ::tcgetattr(STDIN_FILENO, &saved) == 0;
  if (hidden) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
  }
  std::cerr << prompt << std::flush;
  std::string line;
  std::getline(in, line);
  if (hidden) {
    ::tcsetattr(STDIN_FILENO, TCSANOW, &saved);
    std::cerr << "\n";
  }
  return line;
}

// The token `claude setup-token` gave, from a throwaway session.
std::string token_from_setup(Context& context, const LoginOptions& options,
                             std::istream& in) {
  if (!::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO)) {
    throw Error(
        "login: no terminal to sign in on; pipe the token in with "
        "\"oss-back2base login --token-stdin\"");
  }
  // An empty workspace of its own: signing in needs none of the user's.
  fs::path workspace = context.paths().data_dir / "login" / "workspace";
  util::create_directories(workspace, 0700);
  LaunchOptions launch;
  launch.command = launch::AgentCommand::login;
  launch.plan.repo = workspace.string();
  launch.plan.namespace_name = "back2base-login";
  launch.plan.profile = "minimal";
  launch.runtime = options.runtime;
  launch.yes = true;
  SessionEnd end;
  // Whatever ends the session, the token it left does not stay behind.
  struct RemoveToken {
    SessionEnd& end;
    ~RemoveToken() {
      std::error_code ignored;
      if (!end.dir.root.empty()) {
        fs::remove(end.dir.login() / "token", ignored);
      }
    }
  } remove_token{end};
  int status = launch_session(context, launch, &end);
  std::optional<std::string> printed =
      util::read_file_if_exists(end.dir.login() / "token");
  if (printed) {
    if (std::optional<std::string> token = as_token(*printed)) {
      return *token;
    }
  }
  if (status == exit_status::k_interrupted) {
    throw Error("login: interrupted; nothing was saved",
                exit_status::k_interrupted);
  }
  if (status != 0) {
    throw Error("login: claude setup-token exited " + std::to_string(status) +
                "; nothing was saved");
  }
  std::optional<std::string> pasted = as_token(read_hidden(
      in,
      "The token was not found in what claude setup-token printed.\n"
      "Paste it here (it is not shown): "));
  if (!pasted) {
    throw Error("login: that is not a token; nothing was saved");
  }
  return *pasted;
}

}  // namespace

int login(Context& context, const LoginOptions& options, std::istream& in) {
  std::string token;
  if (options.token_stdin) {
    std::string text{std::istreambuf_iterator<char>(in),
                     std::istreambuf_iterator<char>()};
    std::optional<std::string> read = as_token(text);
    if (!read) {
      throw Error(
          "login: standard input held no token (one line, no blanks); pipe "
          "in what claude setup-token printed");
    }
    token = *read;
  } else {
    token = token_from_setup(context, options, in);
  }
  log::add_secret(token);

  const fs::path env_file = context.paths().env_file();
  config::set_env_value(env_file, k_setting, token);
  log::notice("login: saved the token to " + env_file.string() + " as " +
              k_setting);
  const config::Settings& settings = context.settings();
  if (std::optional<config::Setting> key =
          settings.get("BACK2BASE_ANTHROPIC_API_KEY");
      key && !key->value.empty()) {
    log::warning("an API key is configured too (" + config::described(*key) +
                 "); sessions use the token, which comes first, unless "
                 "BACK2BASE_AUTH says otherwise; remove the key if you do "
                 "not need it");
  }
  if (std::optional<config::Setting> set = settings.get(k_setting);
      set && set->origin == config::Origin::environment) {
    log::warning(std::string(k_setting) +
                 " in your environment wins over the env file; unset it to "
                 "use the new token");
  }
  return 0;
}

}  // namespace b2b::app
