#!/usr/bin/env bash
# fuzz_pcapread.sh — make test's bounded fuzz run on the offline reader (-r) with any file bytes: FUZZ_TEST_SECONDS (default 8) of
# libFuzzer, no finding allowed. Seeds: tests/golden/*.pcap, tests/fuzz/corpus/pcap/.
. "$(dirname "$0")/../lib.sh"
FUZZ_SEED=${FUZZ_SEED:-1} bash "$TOP/tests/fuzz/run.sh" "${FUZZ_TEST_SECONDS:-8}" pcapread
