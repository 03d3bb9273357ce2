# Run after a CppUnit test executable is built: asks it for its test names
# (--list) and writes one add_test() per test case into OUT, which CTest reads,
# so that ctest's count is the count of test cases.
# Variables: EXE (the test executable), OUT (the file to write), TIMEOUT (seconds).
execute_process(COMMAND "${EXE}" --list OUTPUT_VARIABLE names RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "${EXE} --list failed: ${result}")
endif()
string(REPLACE "\n" ";" names "${names}")
set(content "")
foreach(name IN LISTS names)
  if(name)
    string(APPEND content "add_test([=[${name}]=] [=[${EXE}]=] [=[${name}]=])\n")
    string(APPEND content "set_tests_properties([=[${name}]=] PROPERTIES TIMEOUT ${TIMEOUT})\n")
  endif()
endforeach()
file(WRITE "${OUT}" "${content}")
