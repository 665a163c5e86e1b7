# SPDX-License-Identifier: Apache-2.0
# The build's own signing key, and the signing of every in-tree plugin with
# it. Without B2B_SIGNING_KEY, a development key pair is made once in the
# build tree; the binary trusts the public key it was built with.
if(B2B_SIGNING_KEY)
  if(NOT B2B_SIGNING_PUBLIC_KEY)
    message(FATAL_ERROR "B2B_SIGNING_KEY needs B2B_SIGNING_PUBLIC_KEY too")
  endif()
  set(B2B_SECRET_KEY_FILE "${B2B_SIGNING_KEY}")
  set(B2B_PUBLIC_KEY_FILE "${B2B_SIGNING_PUBLIC_KEY}")
  set(B2B_GENERATE_KEY OFF)
else()
  set(B2B_SECRET_KEY_FILE "${PROJECT_BINARY_DIR}/signing/development.key")
  set(B2B_PUBLIC_KEY_FILE "${PROJECT_BINARY_DIR}/signing/development.pub")
  set(B2B_GENERATE_KEY ON)
endif()

# The release key, which `update` trusts and nothing else: given to CMake
# for a release build, else a development key made in the build tree,
# whose secret half the tests sign their releases with.
if(B2B_RELEASE_PUBLIC_KEY)
  set(B2B_RELEASE_KEY_FILE "${B2B_RELEASE_PUBLIC_KEY}")
  set(B2B_GENERATE_RELEASE_KEY OFF)
else()
  set(B2B_RELEASE_KEY_FILE "${PROJECT_BINARY_DIR}/signing/release.pub")
  set(B2B_RELEASE_SECRET_FILE "${PROJECT_BINARY_DIR}/signing/release.key")
  set(B2B_GENERATE_RELEASE_KEY ON)
endif()

# Makes the pair <public> <secret> with b2b-sign when <generate> is on, and
# compiles <public> into <out> as <function>, declared in <header>.
function(b2b_embed_key out generate public secret header function what)
  if(generate)
    add_custom_command(
      OUTPUT "${public}" "${secret}"
      COMMAND b2b-sign keygen "${public}" "${secret}"
      COMMENT "Making the development key ${what}"
      VERBATIM)
  endif()
  add_custom_command(
    OUTPUT "${out}"
    COMMAND "${CMAKE_COMMAND}" -DPUBLIC_KEY=${public} -DOUTPUT=${out}
            -DHEADER=${header} -DFUNCTION=${function}
            -P "${PROJECT_SOURCE_DIR}/cmake/B2bEmbedKey.cmake"
    DEPENDS "${public}" "${PROJECT_SOURCE_DIR}/cmake/B2bEmbedKey.cmake"
    COMMENT "Embedding the public key ${what}"
    VERBATIM)
endfunction()

# Called by core/ once the b2b-sign tool exists.
function(b2b_embed_build_key out)
  b2b_embed_key("${out}" ${B2B_GENERATE_KEY} "${B2B_PUBLIC_KEY_FILE}"
    "${B2B_SECRET_KEY_FILE}" core/plugin/build_key.hpp
    b2b::plugin::build_public_key "that signs the in-tree plugins")
  add_custom_target(b2b-build-key DEPENDS "${out}" "${B2B_SECRET_KEY_FILE}")
endfunction()

function(b2b_embed_release_key out)
  b2b_embed_key("${out}" ${B2B_GENERATE_RELEASE_KEY} "${B2B_RELEASE_KEY_FILE}"
    "${B2B_RELEASE_SECRET_FILE}" core/update/release_key.hpp
    b2b::update::release_public_key "of this build's releases")
endfunction()

# Signs <target>'s file with the build's key whenever either changes.
function(b2b_sign_with_build_key target)
  set(plugin "${B2B_PLUGIN_OUTPUT_DIR}/${target}.so")
  add_custom_command(
    OUTPUT "${plugin}.minisig"
    COMMAND b2b-sign sign "${B2B_SECRET_KEY_FILE}" "${plugin}"
    DEPENDS ${target} "${B2B_SECRET_KEY_FILE}"
    COMMENT "Signing ${target}.so"
    VERBATIM)
  add_custom_target(${target}-signature ALL DEPENDS "${plugin}.minisig")
  add_dependencies(${target}-signature b2b-build-key)
endfunction()

# What b2b_add_plugin does beyond the SDK's version, for in-tree plugins.
function(b2b_finish_first_party_plugin target)
  set_property(GLOBAL APPEND PROPERTY B2B_FIRST_PARTY_PLUGINS ${target})
  target_link_libraries(${target} PRIVATE b2b_settings)
  # Every launch reads, hashes and copies each plugin whole before it loads
  # it: its debug information, ten times its code, is not worth that.
  target_link_options(${target} PRIVATE
    "$<$<NOT:$<CONFIG:Debug>>:LINKER:--strip-debug>")
  set_target_properties(${target} PROPERTIES
    LIBRARY_OUTPUT_DIRECTORY "${B2B_PLUGIN_OUTPUT_DIR}")
  b2b_sign_with_build_key(${target})
  install(TARGETS ${target} LIBRARY DESTINATION "${B2B_PLUGIN_DIR}")
  install(FILES "${B2B_PLUGIN_OUTPUT_DIR}/${target}.so.minisig"
          DESTINATION "${B2B_PLUGIN_DIR}")
endfunction()
