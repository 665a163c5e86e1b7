// SPDX-License-Identifier: Apache-2.0
// Replacing this copy of the tool with a release: downloaded, checked
// against the signed checksum list, unpacked beside the installed files,
// asked for its version, then swapped in by renames, the previous files
// kept until the new binary answers.
#pragma once

#include "core/update/installation.hpp"
#include "core/update/release_check.hpp"

namespace b2b::process {
class ProcessRunner;
}

namespace b2b::update {

struct InstallRequest {
  ReleaseIndex release;
  std::string signed_list;  ///< its checksum list, signature checked
  Installation installation;
  std::string platform;  ///< "linux/x86_64"
  Deadlines deadlines;
};

/// Installs `request.release` over `request.installation`: the
/// executable, and the plugin directory beside it when there is one; once
/// the new executable runs, the SDK, man page, completions and license
/// where the installation has them. Throws `Error` saying what failed;
/// whatever fails, the executable and plugins are those of before, and
/// nothing is left behind (or, if they could not be put back, the message
/// says where they are).
void install_release(const InstallRequest& request,
                     process::ProcessRunner& runner);

}  // namespace b2b::update
