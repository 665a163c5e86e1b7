// SPDX-License-Identifier: Apache-2.0
// The runtime-neutral description of a session that a runtime realises.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace b2b::sdk {

/// A host path made visible inside a container.
struct Mount {
  std::string source;      ///< absolute host path
  std::string target;      ///< absolute path in the container
  bool read_only = false;  ///< mounted read-only when true
};

/// One environment variable of a container. A secret's value is handed to
/// the engine through the child process's environment (`-e NAME`), never on
/// a command line, in a file or in a log.
struct EnvVar {
  std::string name;     ///< the variable's name in the container
  std::string value;    ///< its value; a secret's is only ever redacted
  bool secret = false;  ///< passed by name only, and never logged
};

/// One container of a session.
struct ContainerSpec {
  std::string name;                       ///< unique per launch
  std::vector<std::string> entrypoint;    ///< empty: the image's
  std::vector<std::string> command;       ///< argv; empty: the image's
  std::string workdir;                    ///< empty: the image's
  std::vector<Mount> mounts;              ///< host paths it sees
  std::vector<EnvVar> environment;        ///< public and secret variables
  std::string user;                       ///< "uid:gid"; empty: the image's
  std::vector<std::string> cap_add;       ///< capabilities added
  std::vector<std::string> cap_drop;      ///< capabilities dropped ("ALL")
  std::vector<std::string> security_opt;  ///< "no-new-privileges", ...
  bool tty = false;                       ///< allocate a terminal
  bool interactive = false;               ///< keep stdin open
};

/// Everything a runtime needs to start a session: two containers that
/// share one network namespace, the firewall sidecar owning it.
struct LaunchSpec {
  std::string project;       ///< engine project or pod name
  /// A directory of this session's own, where a runtime may write the
  /// files it needs (a compose project); removed by the host later.
  std::string session_dir;
  std::string image;         ///< image both containers run
  std::string payload_hash;  ///< content hash the image must carry
  ContainerSpec firewall;    ///< owns the network namespace and its rules
  ContainerSpec agent;       ///< joins the firewall's network namespace
  /// The agent's limits, in engine syntax ("2", "4g"); empty: none. The
  /// firewall's container needs too little to be worth limiting.
  std::string cpu_limit;
  std::string memory_limit;
  /// Existing engine networks the session joins as well (the firewall's
  /// container joins them, so its rules apply there too).
  std::vector<std::string> networks;
  std::map<std::string, std::string> labels;  ///< put on both containers
};

/// An image to build from a directory that holds its Dockerfile.
struct ImageBuild {
  std::string context;  ///< absolute path of the build context
  std::string tag;      ///< "back2base-session:<hash>"
  /// --build-arg NAME=VALUE; the Dockerfile labels the image from them.
  std::map<std::string, std::string> args;
  bool no_cache = false;  ///< rebuild every layer
};

}  // namespace b2b::sdk
