#!/usr/bin/env bash
# fuzz_decode.sh — make test's bounded fuzz run: 60 seconds of libFuzzer on the decoder, no finding allowed.
. "$(dirname "$0")/../lib.sh"
bash "$TOP/tests/fuzz/run.sh" "${FUZZ_TEST_SECONDS:-60}"
