#!/usr/bin/env bash
# regen.sh — rewrites the golden pcaps (build/tools/gengolden) and their expected outputs.
# Review "git diff tests/golden" line by line before committing: the expected files are the spec.
set -eu
cd "$(dirname "$0")/../.."
make -s build/tools/gengolden build/tools/decodefile
build/tools/gengolden tests/golden
mkdir -p tests/golden/expected
grep -v '^#' tests/golden/TESTLIST | while read -r name pcap out opts; do
	[ -n "$name" ] || continue
	# shellcheck disable=SC2086
	TZ=UTC build/tools/decodefile $opts "tests/golden/$pcap" > "tests/golden/expected/$out"
done
echo "regenerated; now review: git diff --stat tests/golden"
