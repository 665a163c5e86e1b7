// SPDX-License-Identifier: Apache-2.0
// An enterprise-style auth provider, as an example of the SDK: a sign-in
// agent on the machine (the company's) keeps a short-lived credential in a
// file, and this provider hands it to the session. The file holds JSON,
// {"token": "...", "expires_at": UNIX-SECONDS}, and must be the user's
// alone (mode 0600). BACK2BASE_CREDENTIAL_FILE names it.
#include <back2base/sdk/auth.hpp>
#include <back2base/sdk/host.hpp>

#include <sys/stat.h>

#include <chrono>
#include <fstream>
#include <sstream>

namespace {

using b2b::sdk::Result;
using Clock = std::chrono::system_clock;

// The text after `"name":` up to the next comma or brace, blanks trimmed.
std::string field(const std::string& json, const std::string& name) {
  std::size_t at = json.find("\"" + name + "\"");
  at = at == std::string::npos ? at : json.find(':', at);
  if (at == std::string::npos) {
    return "";
  }
  std::size_t end = json.find_first_of(",}", at);
  std::string value = json.substr(at + 1, end - at - 1);
  value.erase(0, value.find_first_not_of(" \t\n"));
  value.erase(value.find_last_not_of(" \t\n") + 1);
  return value;
}

class CommandFileProvider final : public b2b::sdk::AuthProvider {
 public:
  explicit CommandFileProvider(b2b::sdk::Host& host) : m_host(host) {}

  Result resolve(std::vector<b2b::sdk::Credential>& credentials) override {
    std::string path = m_host.setting("BACK2BASE_CREDENTIAL_FILE").value_or("");
    if (path.empty()) {
      return Result::success();  // not set up: another provider's turn
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      return Result::failure(path +
                             ": not there; is the sign-in agent "
                             "running?");
    }
    if ((info.st_mode & 077) != 0) {
      return Result::failure(path + ": others may read it; chmod 600 it");
    }
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    // A real provider would use a JSON library; two fields do not need one.
    const std::string content = text.str();
    std::string token = field(content, "token");
    std::string expires = field(content, "expires_at");
    if (token.size() < 3 || token.front() != '"' || token.back() != '"' ||
        expires.empty() ||
        expires.find_first_not_of("0123456789") != std::string::npos) {
      return Result::failure(path +
                             ": no \"token\" and \"expires_at\" in "
                             "it; check the sign-in agent");
    }
    token = token.substr(1, token.size() - 2);
    auto until = Clock::from_time_t(std::stoll(expires));
    if (until <= Clock::now()) {
      return Result::failure(path +
                             ": the credential has expired; is the "
                             "sign-in agent running?");
    }
    m_host.log(b2b::sdk::LogLevel::debug, "credential from " + path);
    credentials.push_back({"ANTHROPIC_AUTH_TOKEN", token, until, {}});
    return Result::success();
  }

  bool configured() const noexcept override {
    return !m_host.setting("BACK2BASE_CREDENTIAL_FILE").value_or("").empty();
  }

 private:
  b2b::sdk::Host& m_host;
};

}  // namespace

B2B_PLUGIN(CommandFileProvider, "command-file", "1.0.0",
           "Hands the session the credential a sign-in agent keeps in "
           "BACK2BASE_CREDENTIAL_FILE")
