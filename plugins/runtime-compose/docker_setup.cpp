// SPDX-License-Identifier: Apache-2.0
#include "docker_setup.hpp"

#include <boost/json.hpp>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

namespace b2b::compose {
namespace {

std::string environment(const char* name) {
  const char* value = std::getenv(name);
  return value != nullptr ? value : "";
}

std::string config_dir() {
  std::string dir = environment("DOCKER_CONFIG");
  if (dir.empty() && !environment("HOME").empty()) {
    dir = environment("HOME") + "/.docker";
  }
  return dir;
}

// The "currentContext" of the client's config.json; empty: the default.
std::string current_context() {
  std::ifstream file(config_dir() + "/config.json");
  if (!file) {
    return "";
  }
  std::stringstream text;
  text << file.rdbuf();
  boost::system::error_code error;
  boost::json::value config = boost::json::parse(text.str(), error);
  if (error || !config.is_object()) {
    return "";
  }
  const boost::json::value* context = config.as_object().if_contains(
      "currentContext");
  return context != nullptr && context->is_string()
             ? std::string(context->as_string())
             : "";
}

}  // namespace

bool uses_default_socket() {
  if (!environment("DOCKER_HOST").empty() ||
      !environment("DOCKER_CONTEXT").empty()) {
    return false;
  }
  std::string context = current_context();
  return context.empty() || context == "default";
}

std::string socket_problem(const std::string& path) {
  sockaddr_un address{};
  if (path.size() >= sizeof address.sun_path) {
    return path + " is too long a socket path";
  }
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) {
    return std::strerror(errno);
  }
  int failed = ::connect(fd, reinterpret_cast<sockaddr*>(&address),
                         sizeof address);
  int error = errno;
  ::close(fd);
  if (failed == 0) {
    return "";
  }
  if (error == EACCES) {
    return "you may not use " + path +
           "; add yourself to the docker group (then log in again)";
  }
  return "nothing listens on " + path + " (" + std::strerror(error) +
         "); is dockerd running?";
}

std::string compose_plugin() {
  std::string user_dir = config_dir();
  for (const std::string& dir :
       {user_dir.empty() ? std::string() : user_dir + "/cli-plugins",
        std::string("/usr/local/lib/docker/cli-plugins"),
        std::string("/usr/local/libexec/docker/cli-plugins"),
        std::string("/usr/lib/docker/cli-plugins"),
        std::string("/usr/libexec/docker/cli-plugins")}) {
    std::string candidate = dir + "/docker-compose";
    if (!dir.empty() && ::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
  }
  return "";
}

}  // namespace b2b::compose
