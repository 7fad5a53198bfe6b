# ctest (native tree, label "fuzzing"): each libFuzzer target of the clang tree
# (BEITAI_FUZZ_BINARY_DIR) fuzzes for FUZZ_SECONDS (default 15; 0 skips) on its working
# corpus; run_fuzzer.cmake says what it found and how to reproduce it.
include(${CMAKE_CURRENT_LIST_DIR}/targets.cmake)
foreach(target ${BEITAI_FUZZ_TARGETS})
  add_test(NAME fuzzing/${target}
           COMMAND ${CMAKE_COMMAND}
                   -DTARGET=${target} -DMAX_LEN=${BEITAI_FUZZ_MAX_LEN_${target}}
                   -DFUZZER=${BEITAI_FUZZ_BINARY_DIR}/${target} -DWORK=${BEITAI_FUZZ_BINARY_DIR}/work/${target}
                   -DSOURCE=${CMAKE_CURRENT_LIST_DIR} -DREPLAY=$<TARGET_FILE:replay_${target}>
                   -P ${CMAKE_CURRENT_LIST_DIR}/run_fuzzer.cmake)
  set_tests_properties(fuzzing/${target} PROPERTIES LABELS fuzzing TIMEOUT 1800)
endforeach()
