# SPDX-License-Identifier: Apache-2.0
# cmake -DBINARY= -DOUTPUT_DIR= -DHOME_DIR= -P B2bWriteDocs.cmake
# The man page and the shell completions, as the built binary writes them,
# in a home of their own so that nothing of the builder's (their profiles,
# their plugins) ends up in what is installed.
file(REMOVE_RECURSE "${HOME_DIR}")
file(MAKE_DIRECTORY "${HOME_DIR}" "${OUTPUT_DIR}")
set(clean_env "${CMAKE_COMMAND}" -E env --unset=BACK2BASE_CONFIG
  --unset=BACK2BASE_HOME --unset=XDG_CONFIG_HOME --unset=XDG_DATA_HOME
  --unset=BACK2BASE_PLUGIN_PATH "HOME=${HOME_DIR}"
  "BACK2BASE_MANAGED_DIR=${HOME_DIR}/managed")
foreach(pair "oss-back2base.1;man" "oss-back2base.bash;completion;bash"
             "_oss-back2base;completion;zsh"
             "oss-back2base.fish;completion;fish")
  list(POP_FRONT pair file)
  execute_process(
    COMMAND ${clean_env} "${BINARY}" ${pair}
    OUTPUT_FILE "${OUTPUT_DIR}/${file}.tmp"
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "oss-back2base ${pair} failed (${status})")
  endif()
  file(RENAME "${OUTPUT_DIR}/${file}.tmp" "${OUTPUT_DIR}/${file}")
endforeach()
file(REMOVE_RECURSE "${HOME_DIR}")
