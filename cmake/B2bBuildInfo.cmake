# SPDX-License-Identifier: Apache-2.0
# cmake -DSOURCE_DIR= -DTEMPLATE= -DOUTPUT= -DPROJECT_VERSION=
#       -DB2B_PLATFORM= -DB2B_RELEASE_INDEX_URL= -P B2bBuildInfo.cmake
# Writes the build's metadata. Run at every build, it rewrites OUTPUT only
# when the commit or a setting changed, so an unchanged tree relinks
# nothing and the date is when this commit was first built.
execute_process(
  COMMAND git rev-parse --short=12 HEAD
  WORKING_DIRECTORY "${SOURCE_DIR}"
  OUTPUT_VARIABLE B2B_COMMIT OUTPUT_STRIP_TRAILING_WHITESPACE
  ERROR_QUIET)
if(NOT B2B_COMMIT)
  set(B2B_COMMIT "unknown")
endif()
set(B2B_BUILD_DATE "@B2B_BUILD_DATE@")
configure_file("${TEMPLATE}" "${OUTPUT}.undated" @ONLY)
if(EXISTS "${OUTPUT}.stamped")
  file(READ "${OUTPUT}.stamped" previous)
  file(READ "${OUTPUT}.undated" current)
  if(previous STREQUAL current AND EXISTS "${OUTPUT}")
    return()
  endif()
endif()
# string(TIMESTAMP) honours SOURCE_DATE_EPOCH.
string(TIMESTAMP B2B_BUILD_DATE "%Y-%m-%dT%H:%M:%SZ" UTC)
configure_file("${TEMPLATE}" "${OUTPUT}" @ONLY)
file(RENAME "${OUTPUT}.undated" "${OUTPUT}.stamped")
