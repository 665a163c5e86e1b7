// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <string>
#include <string_view>

namespace b2b::util {

/// Reads a password: from the terminal with echo off, after writing
/// `prompt` to stderr, when stdin is a terminal; otherwise one line from
/// stdin, so that scripts can pipe it in. Throws `Error` at end of input.
std::string read_password(std::string_view prompt);

}  // namespace b2b::util
