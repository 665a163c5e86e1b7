# SPDX-License-Identifier: Apache-2.0
# cmake -DPUBLIC_KEY=<minisign .pub> -DOUTPUT=<.cpp> -P B2bEmbedKey.cmake
# Writes the source that compiles the build's public key into the binary.
file(STRINGS "${PUBLIC_KEY}" lines)
list(LENGTH lines count)
if(NOT count EQUAL 2)
  message(FATAL_ERROR "${PUBLIC_KEY}: not a minisign public key file")
endif()
list(GET lines 1 key)
file(WRITE "${OUTPUT}.tmp" "// Generated from ${PUBLIC_KEY}; do not edit.
#include \"core/plugin/build_key.hpp\"

namespace b2b::plugin {

std::string_view build_public_key() { return \"${key}\"; }

}  // namespace b2b::plugin
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
