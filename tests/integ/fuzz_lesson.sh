#!/usr/bin/env bash
# fuzz_lesson.sh — make test's bounded fuzz run on the lesson parser (any text): FUZZ_TEST_SECONDS (default
# 8) of libFuzzer, no finding allowed. Seeds: tests/fuzz/corpus/lesson/ (the built-in lessons and more).
. "$(dirname "$0")/../lib.sh"
FUZZ_SEED=${FUZZ_SEED:-1} bash "$TOP/tests/fuzz/run.sh" "${FUZZ_TEST_SECONDS:-8}" lesson
