# SPDX-License-Identifier: Apache-2.0
# cmake -DPUBLIC_KEY=<minisign .pub> -DOUTPUT=<.cpp> -DHEADER=<header>
#       -DFUNCTION=<namespace::function> -P B2bEmbedKey.cmake
# Writes the source that compiles a public key into the binary.
file(STRINGS "${PUBLIC_KEY}" lines)
list(LENGTH lines count)
if(NOT count EQUAL 2)
  message(FATAL_ERROR "${PUBLIC_KEY}: not a minisign public key file")
endif()
list(GET lines 1 key)
string(REGEX REPLACE "::[^:]*$" "" namespace "${FUNCTION}")
string(REGEX REPLACE "^.*::" "" function "${FUNCTION}")
file(WRITE "${OUTPUT}.tmp" "// Generated from ${PUBLIC_KEY}; do not edit.
#include \"${HEADER}\"

namespace ${namespace} {

std::string_view ${function}() { return \"${key}\"; }

}  // namespace ${namespace}
")
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
