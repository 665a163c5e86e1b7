# SPDX-License-Identifier: Apache-2.0
# Language level, warnings and visibility for every target of ours, through
# one interface target, b2b_settings.
if(NOT CMAKE_BUILD_TYPE AND NOT CMAKE_CONFIGURATION_TYPES)
  set(CMAKE_BUILD_TYPE RelWithDebInfo CACHE STRING "Build type" FORCE)
endif()

set(CMAKE_CXX_EXTENSIONS OFF)
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
# Only what is marked for export leaves a shared object or the executable.
set(CMAKE_CXX_VISIBILITY_PRESET hidden)
set(CMAKE_VISIBILITY_INLINES_HIDDEN ON)
set(CMAKE_POSITION_INDEPENDENT_CODE ON)

find_program(B2B_CCACHE ccache)
if(B2B_CCACHE AND NOT CMAKE_CXX_COMPILER_LAUNCHER)
  set(CMAKE_CXX_COMPILER_LAUNCHER "${B2B_CCACHE}")
endif()

add_library(b2b_settings INTERFACE)
target_compile_features(b2b_settings INTERFACE cxx_std_20)
target_compile_options(b2b_settings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wimplicit-fallthrough
  $<$<BOOL:${B2B_WARNINGS_AS_ERRORS}>:-Werror>)

# The build tree has the install tree's layout, so that the binary finds
# its plugins the same way in both.
set(B2B_PLUGIN_DIR "lib/oss-back2base/plugins")
set(B2B_PLUGIN_OUTPUT_DIR "${PROJECT_BINARY_DIR}/${B2B_PLUGIN_DIR}")
set(CMAKE_RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bin")
