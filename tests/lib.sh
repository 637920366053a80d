# lib.sh — helpers for integration tests: private namespaces, a background tapscope, waiting for text.
# Every device, address and packet a test makes lives in a namespace the test created itself.
set -u
TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUILD=$TOP/${TAPSCOPE_BUILD:-build}	# unit tests and tools (make test-asan: build-asan)
TAPSCOPE=${TAPSCOPE_BIN:-$TOP/tapscope}
TMPD=$(mktemp -d /tmp/tapscope-test.XXXXXX)
TST=${TST_PREFIX:-tst}		# namespace prefix: tests/run.sh gives each run its own
NS="${TST}$$_$RANDOM"		# namespace name for this test; tapscope --netns creates and removes it
BG_PIDS=()

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
note() { echo "--- $*"; }

cleanup() {
	# CONT too: a test that stopped a process (SIGSTOP) and failed must not wait for it forever
	for p in "${BG_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; kill -CONT "$p" 2>/dev/null; done
	for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null; done
	# a namespace the test made directly (not through tapscope) is removed here
	for n in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^${TST}$$_" || true); do
		ip netns pids "$n" 2>/dev/null | xargs -r kill -9 2>/dev/null
		ip netns del "$n" 2>/dev/null
	done
	[ -n "${KEEP_TMPD:-}" ] || rm -rf "$TMPD"	# KEEP_TMPD=1: keep the outputs to look at
}
trap cleanup EXIT

need_root() { [ "$(id -u)" = 0 ] || skip "needs root (network namespaces)"; }
need_cmd() { command -v "$1" >/dev/null || skip "needs $1"; }

# wait_for FILE REGEX [SECONDS]: waits until FILE has a line matching REGEX.
wait_for() {
	local file=$1 re=$2 deadline=$(( $(date +%s%N) + ${3:-5} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		grep -Eq -- "$re" "$file" 2>/dev/null && return 0
		sleep 0.05
	done
	echo "timed out waiting for /$re/ in $file; it holds:" >&2
	sed 's/^/    | /' "$file" >&2
	return 1
}

# start_tapscope OUTFILE ARGS...: runs tapscope in the background (stdout+stderr to OUTFILE);
# sets TS_PID. Waits until the namespace exists if --netns "$NS" was given.
start_tapscope() {
	local out=$1; shift
	"$TAPSCOPE" "$@" >"$out" 2>&1 &
	TS_PID=$!
	BG_PIDS+=("$TS_PID")
}

# wait_ready OUTFILE: tapscope prints "ready:" on stderr once the device is up.
wait_ready() { wait_for "$1" '^tapscope: ready' "${2:-5}"; }

# stop_tapscope [SIGNAL]: signals tapscope and waits; sets TS_RC.
stop_tapscope() {
	kill -"${1:-INT}" "$TS_PID" 2>/dev/null
	wait "$TS_PID"; TS_RC=$?
}

nsexec() { ip netns exec "$NS" "$@"; }

assert_no_namespace() { ! ip netns list | grep -qw "$1" || fail "namespace $1 left behind"; }
assert_grep() { grep -Eq -- "$2" "$1" || { sed 's/^/    | /' "$1" >&2; fail "no line matching /$2/ in $1"; }; }

# A control FIFO for tapscope --control "$CTL": ctl LINE writes one named action to it.
CTL=$TMPD/control
make_control() { mkfifo "$CTL"; }
# ctl LINE: one control command. Opening the FIFO blocks while no reader has it open, so a
# tapscope that died would hang the test: a writer that waits 10 s fails with a reason instead.
ctl() {
	timeout 10 bash -c 'printf "%s\n" "$1" >"$2"' ctl "$*" "$CTL" && return 0
	kill -0 "${TS_PID:-0}" 2>/dev/null && fail "tapscope did not take the control command '$*' in 10 s"
	fail "tapscope is gone (control command '$*'); its output: $(tail -n 5 "$TMPD"/out* 2>/dev/null)"
}

# icmp_counter NAME: a counter of the Icmp line in the namespace's /proc/net/snmp (InEchoReps...).
icmp_counter() {
	nsexec awk -v want="$1" '$1 == "Icmp:" && !h { for (i = 2; i <= NF; i++) col[$i] = i; h = 1; next }
		$1 == "Icmp:" && h { print $col[want]; exit }' /proc/net/snmp
}

# count_matching FILE REGEX: how many lines of FILE match.
count_matching() { grep -Ec -- "$2" "$1" || true; }
