#!/usr/bin/env bash
# run.sh — runs every unit test binary and every integration script; ends with "N passed, N failed".
set -u
cd "$(dirname "$0")/.."
passed=0 failed=0 skipped=0
failures=()
mkdir -p tests/out
# each run names its namespaces tst<pid>…, so a run beside another (a second checkout) checks only its own
export TST_PREFIX="tst$$"

# make test-asan: every sanitized process writes its report, if it has one, into TAPSCOPE_SAN_LOGS.
# san_reports NAME: 0 (and the reports shown, kept under tests/out/san-NAME) when the test left any.
san_reports() {
	local dir=${TAPSCOPE_SAN_LOGS:-} f
	[ -n "$dir" ] && [ -n "$(ls -A "$dir" 2>/dev/null)" ] || return 1
	mkdir -p "tests/out/san-$1"
	for f in "$dir"/*; do echo "    sanitizer report $(basename "$f"):"; head -n 40 "$f" | sed 's/^/    | /'; mv "$f" "tests/out/san-$1/"; done
	return 0
}

for bin in "${TAPSCOPE_BUILD:-build}"/tests/test_*; do
	[ -x "$bin" ] || continue
	name=$(basename "$bin")
	log=tests/out/$name.log
	"$bin" >"$log" 2>&1
	rc=$?
	p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | awk '{s+=$1} END {print s+0}')
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	san_reports "$name" && f=$((f + 1))
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		failures+=("$name"); echo "FAIL unit $name ($f failed, log: $log)"; sed 's/^/    /' "$log" | grep -E 'FAIL|ERROR|error|Assert' | head -20
	else
		echo "ok   unit $name ($p tests)"
	fi
done

for script in tests/integ/*.sh; do
	name=$(basename "$script" .sh)
	log=tests/out/$name.log
	start=$(date +%s)
	timeout --kill-after=10 300 bash "$script" >"$log" 2>&1
	rc=$?
	secs=$(( $(date +%s) - start ))
	if san_reports "$name" >>"$log"; then rc=1; echo "sanitizer reports: tests/out/san-$name" >>"$log"; fi
	case $rc in
	0) passed=$((passed + 1)); echo "ok   $name (${secs}s)";;
	77) skipped=$((skipped + 1)); echo "skip $name: $(tail -n 1 "$log")";;
	*) failed=$((failed + 1)); failures+=("$name"); echo "FAIL $name (exit $rc, ${secs}s, log: $log)"; tail -n 25 "$log" | sed 's/^/    /';;
	esac
done

# Nothing a test made may outlive it.
leftover=$(ip netns list 2>/dev/null | grep -E "^($TST_PREFIX|tapscope)" || true)
if [ -n "$leftover" ]; then
	failed=$((failed + 1)); failures+=("leftover-namespaces"); echo "FAIL namespaces left behind: $leftover"
fi

[ ${#failures[@]} -gt 0 ] && echo "failed: ${failures[*]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
