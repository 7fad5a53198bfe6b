# The libFuzzer targets and the longest input each takes (-max_len), for both the clang
# tree that builds them and the native tree whose ctest runs them.
set(BEITAI_FUZZ_TARGETS fuzz_tdx_json fuzz_tdx_xml fuzz_taipei_json fuzz_yilan_json fuzz_parking_api fuzz_feeds_config
    fuzz_api_json fuzz_text_rule fuzz_query_string)
set(BEITAI_FUZZ_MAX_LEN_fuzz_tdx_json 4096)
set(BEITAI_FUZZ_MAX_LEN_fuzz_tdx_xml 4096)
set(BEITAI_FUZZ_MAX_LEN_fuzz_taipei_json 4096)
set(BEITAI_FUZZ_MAX_LEN_fuzz_yilan_json 4096)
set(BEITAI_FUZZ_MAX_LEN_fuzz_taipei_json 4096)
set(BEITAI_FUZZ_MAX_LEN_fuzz_yilan_json 4096)
set(BEITAI_FUZZ_MAX_LEN_fuzz_parking_api 8192)
set(BEITAI_FUZZ_MAX_LEN_fuzz_feeds_config 2048)
set(BEITAI_FUZZ_MAX_LEN_fuzz_api_json 8192)
set(BEITAI_FUZZ_MAX_LEN_fuzz_text_rule 1024)
set(BEITAI_FUZZ_MAX_LEN_fuzz_query_string 1024)
