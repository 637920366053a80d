#!/usr/bin/env bash
# fuzz_lesson.sh — make test's bounded fuzz run on the lesson parser (any text): FUZZ_LESSON_SECONDS (default
# 20) of libFuzzer, no finding allowed. Seeds: tests/fuzz/corpus/lesson/ (the built-in lessons and more).
. "$(dirname "$0")/../lib.sh"
bash "$TOP/tests/fuzz/run.sh" "${FUZZ_LESSON_SECONDS:-20}" lesson
