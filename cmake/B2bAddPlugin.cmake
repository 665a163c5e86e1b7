# SPDX-License-Identifier: Apache-2.0
# b2b_add_plugin(<name> SOURCES <file>...)
#
# Builds <name>.so, a back2base plugin: a MODULE library that sees only the
# SDK's headers, exports only what the SDK's B2B_PLUGIN macro exports, and
# resolves every symbol when it is linked. Installed with the SDK, so that a
# third party's plugin needs nothing else:
#
#   cmake_minimum_required(VERSION 3.20)
#   project(detector-rust CXX)
#   find_package(back2base-sdk REQUIRED)
#   b2b_add_plugin(detector-rust SOURCES rust_detector.cpp)
#
# Sign the result with "oss-back2base plugin sign" or "minisign -S".
function(b2b_add_plugin name)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "" "SOURCES")
  if(NOT arg_SOURCES)
    message(FATAL_ERROR "b2b_add_plugin(${name}): give it SOURCES")
  endif()
  add_library(${name} MODULE ${arg_SOURCES})
  target_link_libraries(${name} PRIVATE b2b::sdk)
  target_compile_features(${name} PRIVATE cxx_std_20)
  set_target_properties(${name} PROPERTIES
    PREFIX ""
    SUFFIX ".so"
    CXX_EXTENSIONS OFF
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  target_link_options(${name} PRIVATE "LINKER:-z,defs")
  # Inside this project's own tree, plugins are also signed and installed.
  if(COMMAND b2b_finish_first_party_plugin)
    b2b_finish_first_party_plugin(${name})
  endif()
endfunction()
