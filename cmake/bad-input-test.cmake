# One test of the exit-status contract (README, "Bad input"): COMMAND must print a line containing
# MESSAGE (after PREFIX, when given; both matched literally) and exit with status 2. CLI11's hint
# line may follow the message.
#   lv_add_bad_input_test(NAME name [PREFIX program:] MESSAGE text COMMAND program args...)
function(lv_add_bad_input_test)
  cmake_parse_arguments(ARG "" "NAME;PREFIX;MESSAGE" "COMMAND" ${ARGN})
  add_test(NAME ${ARG_NAME}
           COMMAND sh -c "\"$@\" 2>&1; echo \"exited with status $?\"" sh ${ARG_COMMAND})
  string(REGEX REPLACE "([][.*+?()^$|\\])" "\\\\\\1" pattern "${ARG_MESSAGE}")
  if(ARG_PREFIX)
    string(REGEX REPLACE "([][.*+?()^$|\\])" "\\\\\\1" prefix "${ARG_PREFIX}")
    set(pattern "${prefix}[^\n]*${pattern}")
  endif()
  set_tests_properties(${ARG_NAME} PROPERTIES PASS_REGULAR_EXPRESSION
    "${pattern}[^\n]*\n(Run with --help for more information.\n)?exited with status 2\n")
endfunction()
