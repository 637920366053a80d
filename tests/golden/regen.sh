#!/usr/bin/env bash
# regen.sh — authoring aid: rewrites the golden pcaps (build/tools/gengolden, tests/tools/gencases.py)
# and then every expected output (tests/golden/accept.sh). Review "git diff tests/golden" line by line
# before committing: the pcaps and expected files are the spec, not these generators.
set -eu
cd "$(dirname "$0")/../.."
make -s build/tools/gengolden tapscope
build/tools/gengolden tests/golden
python3 tests/tools/gencases.py tests/golden > /dev/null
tests/golden/accept.sh
echo "regenerated; now review: git diff --stat tests/golden"
