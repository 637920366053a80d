#!/usr/bin/env bash
# fuzz_decode.sh — make test's bounded fuzz run: libFuzzer on the decoder and on the frame locator +
# responder, FUZZ_TEST_SECONDS (default 8) each; no finding allowed.
. "$(dirname "$0")/../lib.sh"
FUZZ_SEED=${FUZZ_SEED:-1} bash "$TOP/tests/fuzz/run.sh" "${FUZZ_TEST_SECONDS:-8}" decode responder
