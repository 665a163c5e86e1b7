# SPDX-License-Identifier: Apache-2.0
# Everything comes from Debian 12's packages; nothing is downloaded.
# CMake 3.25's FindBoost does not know Boost.JSON; Boost's own config does.
find_package(Boost 1.81 CONFIG REQUIRED COMPONENTS json)
find_package(CLI11 2.1 CONFIG REQUIRED)
find_package(Threads REQUIRED)
find_package(OpenSSL 3 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(sodium REQUIRED IMPORTED_TARGET libsodium>=1.0.18)
if(B2B_BUILD_TESTS)
  find_package(Catch2 2.13 CONFIG REQUIRED)
endif()
