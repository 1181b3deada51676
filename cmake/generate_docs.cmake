# Writes the man pages and the bash completion from the built binary (BIN) into OUT_DIR:
#   OUT_DIR/man/man1/asanasim.1, asanasim-<command>.1 (one per `asanasim help --commands` line)
#   OUT_DIR/bash-completion/completions/asanasim
# They are made from the same option tables as --help, so they cannot drift from it. Each file is
# written under a temporary name and renamed, so an interrupted build leaves no half page.
cmake_minimum_required(VERSION 3.25)

function(run_to_file file)
  execute_process(COMMAND ${ARGN} OUTPUT_FILE "${file}.tmp" ERROR_VARIABLE err RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    file(REMOVE "${file}.tmp")
    message(FATAL_ERROR "generate_docs: `${ARGN}` failed (${rc}): ${err}")
  endif()
  file(RENAME "${file}.tmp" "${file}")
endfunction()

file(REMOVE_RECURSE "${OUT_DIR}/man")  # a page of a command that is gone goes too
file(MAKE_DIRECTORY "${OUT_DIR}/man/man1" "${OUT_DIR}/bash-completion/completions")
run_to_file("${OUT_DIR}/man/man1/asanasim.1" "${BIN}" help --man)
execute_process(COMMAND "${BIN}" help --commands OUTPUT_VARIABLE commands RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "generate_docs: `${BIN} help --commands` failed (${rc})")
endif()
string(REPLACE "\n" ";" commands "${commands}")
foreach(command IN LISTS commands)
  if(command STREQUAL "")
    continue()
  endif()
  string(REPLACE " " "-" page "asanasim-${command}")
  string(REPLACE " " ";" words "${command}")
  run_to_file("${OUT_DIR}/man/man1/${page}.1" "${BIN}" help --man ${words})
endforeach()
run_to_file("${OUT_DIR}/bash-completion/completions/asanasim" "${BIN}" help --bash-completion)
