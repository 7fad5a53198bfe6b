# ctest: the native and the WASM core test binaries must hold the same test cases — the
# proof that the core is shared. Compares doctest's lists of case names, not only counts.
#   cmake -DNATIVE=<core_tests> -DNODE=<node> -DWASM=<core_tests.js> -P same_cases.cmake
foreach(var NATIVE NODE WASM)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "same_cases.cmake: -D${var}=… is required")
  endif()
endforeach()
if(NOT EXISTS ${WASM})
  message(FATAL_ERROR "the WASM core tests are not built (${WASM}): build the WASM tree first (./portal.sh test does)")
endif()

function(list_cases out)
  execute_process(COMMAND ${ARGN} --list-test-cases --no-colors=true
                  OUTPUT_VARIABLE text RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${ARGN} --list-test-cases failed (${rc}): ${err}")
  endif()
  # doctest frames the list with lines of '=' and a summary line starting with "[doctest]".
  # A case's name may hold ';' (CMake's list separator) and brackets: neutralise them first,
  # so that a name stays one item.
  string(REPLACE ";" "," text "${text}")
  string(REPLACE "[" "(" text "${text}")
  string(REPLACE "]" ")" text "${text}")
  string(REPLACE "\n" ";" lines "${text}")
  set(cases)
  foreach(line IN LISTS lines)
    if(line MATCHES "^\\(doctest\\)" OR line MATCHES "^=+$" OR line STREQUAL "")
      continue()
    endif()
    list(APPEND cases "${line}")
  endforeach()
  list(SORT cases)
  set(${out} "${cases}" PARENT_SCOPE)
endfunction()

list_cases(native ${NATIVE})
list_cases(wasm ${NODE} ${WASM})
list(LENGTH native n_native)
list(LENGTH wasm n_wasm)
set(only_native ${native})
list(REMOVE_ITEM only_native ${wasm})
set(only_wasm ${wasm})
list(REMOVE_ITEM only_wasm ${native})
if(n_native EQUAL 0)
  message(FATAL_ERROR "the native core tests list no case")
endif()
if(NOT n_native EQUAL n_wasm OR only_native OR only_wasm)
  message(FATAL_ERROR "the native and WASM core tests hold different cases: native ${n_native}, WASM ${n_wasm}; "
                      "only native: ${only_native}; only WASM: ${only_wasm}")
endif()
message(STATUS "core test cases: native ${n_native}, WASM ${n_wasm}, the same")
