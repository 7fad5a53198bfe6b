# One libFuzzer target for FUZZ_SECONDS (environment; default 15, 0 skips), on its working
# corpus WORK/corpus: the repository's seeds are copied in (the fuzzer never writes to
# tests/fuzz), what it finds stays there for the next run, and the regression inputs are
# read alongside. A crash, leak, timeout or out-of-memory fails the test with the input's
# path and how to reproduce it.
#   cmake -DTARGET=… -DMAX_LEN=… -DFUZZER=… -DWORK=… -DSOURCE=tests/fuzz -DREPLAY=… -P run_fuzzer.cmake
set(seconds 15)
if(DEFINED ENV{FUZZ_SECONDS})
  set(seconds $ENV{FUZZ_SECONDS})
endif()
if(seconds EQUAL 0)
  message(STATUS "${TARGET}: skipped (FUZZ_SECONDS=0)")
  return()
endif()
if(NOT EXISTS ${FUZZER})
  message(FATAL_ERROR "${TARGET}: ${FUZZER} is not built: build the clang tree (./portal.sh test does)")
endif()

file(REMOVE_RECURSE ${WORK}/artifacts)
file(MAKE_DIRECTORY ${WORK}/corpus ${WORK}/artifacts)
file(GLOB seeds ${SOURCE}/corpus/${TARGET}/*)
file(COPY ${seeds} DESTINATION ${WORK}/corpus)
set(dirs ${WORK}/corpus)  # the first is where libFuzzer writes
if(IS_DIRECTORY ${SOURCE}/regressions/${TARGET})
  list(APPEND dirs ${SOURCE}/regressions/${TARGET})
endif()

set(log ${WORK}/fuzz.log)
execute_process(
  COMMAND ${FUZZER} -max_total_time=${seconds} -timeout=5 -rss_limit_mb=2048 -max_len=${MAX_LEN}
          -dict=${SOURCE}/dict/${TARGET}.dict -artifact_prefix=${WORK}/artifacts/ -print_final_stats=1 ${dirs}
  RESULT_VARIABLE rc OUTPUT_FILE ${log} ERROR_FILE ${log})

file(GLOB found ${WORK}/artifacts/crash-* ${WORK}/artifacts/leak-* ${WORK}/artifacts/timeout-* ${WORK}/artifacts/oom-*)
if(rc EQUAL 0 AND NOT found)
  message(STATUS "${TARGET}: no crash, leak or timeout in ${seconds} s (log: ${log})")
  return()
endif()

file(READ ${log} text)
string(LENGTH "${text}" length)
if(length GREATER 3000)
  math(EXPR from "${length} - 3000")
  string(SUBSTRING "${text}" ${from} -1 text)
endif()
set(how "")
if(found)
  list(GET found 0 input)
  get_filename_component(name ${input} NAME)
  set(how "input: ${input}\nreproduce: ${FUZZER} ${input}   (or, without clang: ${REPLAY} ${input})\n"
          "then keep it as a regression test: cp ${input} ${SOURCE}/regressions/${TARGET}/<what-it-is> (tests/fuzz/README.md)\n")
endif()
message(FATAL_ERROR "${TARGET}: FAILED (exit ${rc}; log: ${log})\n${how}…\n${text}")
