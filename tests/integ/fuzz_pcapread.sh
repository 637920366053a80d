#!/usr/bin/env bash
# fuzz_pcapread.sh — make test's bounded fuzz run on the offline reader (-r) with any file bytes: 20 seconds of
# libFuzzer (FUZZ_PCAPREAD_SECONDS), no finding allowed. Seeds: tests/golden/*.pcap, tests/fuzz/corpus/pcap/.
. "$(dirname "$0")/../lib.sh"
bash "$TOP/tests/fuzz/run.sh" "${FUZZ_PCAPREAD_SECONDS:-20}" pcapread
