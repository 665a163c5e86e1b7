# SPDX-License-Identifier: Apache-2.0
# What `cmake --install` lays out beyond the binaries (man page, shell
# completions, license), and the packages CPack makes of it: a Debian
# package and a tarball for `update`.
include(GNUInstallDirs)

set(B2B_ZSH_COMPLETION_DIR "${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions"
    CACHE STRING "Where zsh completions are installed (Homebrew: \
share/zsh/site-functions)")

# --- the man page and the completions, written by the built binary once
# its plugins are signed (the runtimes it completes are theirs)
set(docs_dir "${PROJECT_BINARY_DIR}/share")
set(docs
  "${docs_dir}/oss-back2base.1" "${docs_dir}/oss-back2base.bash"
  "${docs_dir}/_oss-back2base" "${docs_dir}/oss-back2base.fish")
get_property(plugins GLOBAL PROPERTY B2B_FIRST_PARTY_PLUGINS)
list(TRANSFORM plugins APPEND "-signature" OUTPUT_VARIABLE signatures)
add_custom_command(
  OUTPUT ${docs}
  COMMAND "${CMAKE_COMMAND}" -DBINARY=$<TARGET_FILE:oss-back2base>
          -DOUTPUT_DIR=${docs_dir} -DHOME_DIR=${PROJECT_BINARY_DIR}/docs-home
          -P "${PROJECT_SOURCE_DIR}/cmake/B2bWriteDocs.cmake"
  DEPENDS oss-back2base ${signatures}
          "${PROJECT_SOURCE_DIR}/cmake/B2bWriteDocs.cmake"
  COMMENT "Writing the man page and the shell completions"
  VERBATIM)
add_custom_target(b2b-docs ALL DEPENDS ${docs})

install(FILES "${docs_dir}/oss-back2base.1"
        DESTINATION "${CMAKE_INSTALL_MANDIR}/man1")
install(FILES "${docs_dir}/oss-back2base.bash"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/bash-completion/completions"
        RENAME oss-back2base)
install(FILES "${docs_dir}/_oss-back2base"
        DESTINATION "${B2B_ZSH_COMPLETION_DIR}")
install(FILES "${docs_dir}/oss-back2base.fish"
        DESTINATION "${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d")
install(FILES "${PROJECT_SOURCE_DIR}/LICENSE" "${PROJECT_SOURCE_DIR}/README.md"
        DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# --- the packages: `cpack` in the build directory makes both
string(TOLOWER "${CMAKE_SYSTEM_NAME}_${CMAKE_SYSTEM_PROCESSOR}" platform)
set(CPACK_GENERATOR "DEB;TGZ")
set(CPACK_PACKAGE_NAME "oss-back2base")
set(CPACK_PACKAGE_VENDOR "oss-back2base")
set(B2B_PACKAGE_CONTACT "oss-back2base maintainers" CACHE STRING
    "The Debian package's Maintainer: \"Name <address>\"")
set(CPACK_PACKAGE_CONTACT "${B2B_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Claude Code in a container behind an outbound firewall")
set(CPACK_PACKAGE_DESCRIPTION
    "Starts a Claude Code session inside a container, behind an outbound \
firewall, with the current repository mounted at /workspace, so that an \
agent running with its permission prompts off cannot touch the host or \
reach more of the internet than allowed. Runs on Docker (Compose) or Podman.")
set(CPACK_RESOURCE_FILE_LICENSE "${PROJECT_SOURCE_DIR}/LICENSE")
# Not stripped: the plugins' signatures are over their bytes as built.
set(CPACK_STRIP_FILES OFF)
# The tarball `update` installs from: its name is what update asks for.
# (The .deb names itself: CPACK_DEBIAN_FILE_NAME.)
set(CPACK_PACKAGE_FILE_NAME "oss-back2base_${platform}")
# oss-back2base_<version>_<arch>.deb; its library dependencies (Boost,
# libsodium, OpenSSL) worked out by dpkg-shlibdeps from what it links.
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "tar")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "docker.io | podman, git")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "docker-compose, minisign")
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
include(CPack)
