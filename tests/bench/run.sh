#!/usr/bin/env bash
# run.sh — runs every benchmark (tests/bench/bench_*.sh); each prints its ratios against a baseline run here.
set -u
cd "$(dirname "$0")/../.."
rc=0
for b in tests/bench/bench_*.sh; do
	[ -e "$b" ] || continue
	echo "== $(basename "$b" .sh)"
	bash "$b" || rc=1
done
exit $rc
