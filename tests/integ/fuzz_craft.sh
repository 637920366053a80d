#!/usr/bin/env bash
# fuzz_craft.sh — make test's bounded fuzz run on the crafting spec (craft_parse, the craft_format round trip,
# craft_build): FUZZ_TEST_SECONDS (default 8) of libFuzzer, no finding allowed. Seeds: tests/fuzz/corpus/craft/.
. "$(dirname "$0")/../lib.sh"
FUZZ_SEED=${FUZZ_SEED:-1} bash "$TOP/tests/fuzz/run.sh" "${FUZZ_TEST_SECONDS:-8}" craft
