# nllib.sh — helpers for the netlink-model integration tests: a private tstnl namespace, nltool, a tap holder.
# Sourced by tests/integ/netlink_*.sh after tests/lib.sh conventions; everything lives in $NLNS.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
NLTOOL=$BUILD/tools/nltool
NLNS=${TST:-tst}nl$$

nl_cleanup() {
	exec 9>&- 2>/dev/null
	for p in "${BG_PIDS[@]}"; do kill -TERM "$p" 2>/dev/null; done
	for p in "${BG_PIDS[@]}"; do wait "$p" 2>/dev/null; done
	BG_PIDS=()
	if ip netns list 2>/dev/null | grep -qw "$NLNS"; then
		ip netns pids "$NLNS" 2>/dev/null | xargs -r kill -9 2>/dev/null
		ip netns del "$NLNS"
	fi
	cleanup
}
trap nl_cleanup EXIT

need_root
need_cmd ip
need_cmd python3
[ -x "$NLTOOL" ] || skip "build/tools/nltool is not built"
ip netns add "$NLNS" 2>/dev/null || skip "cannot create a network namespace"
nsx() { ip netns exec "$NLNS" "$@"; }
nsx ip link set lo up

# nl_hold DEV [nltool hold options]: holds DEV open in the background like tapscope would;
# commands go to fd 9 (`echo "carrier off" >&9`), answers to $TMPD/hold.out.
nl_hold() {
	rm -f "$TMPD/hold.in"
	mkfifo "$TMPD/hold.in"
	nsx "$NLTOOL" hold "$@" <"$TMPD/hold.in" >"$TMPD/hold.out" 2>&1 &
	HOLD_PID=$!
	BG_PIDS+=("$HOLD_PID")
	exec 9>"$TMPD/hold.in"
	wait_for "$TMPD/hold.out" '^held ' 5 || fail "could not hold $1"
}

# nl_hold_stop: the holder closes the device and exits.
nl_hold_stop() {
	echo quit >&9
	exec 9>&-
	wait "$HOLD_PID"
}

# nl_bg OUT CMD...: runs CMD in the namespace in the background, output to OUT; sets BG_PID.
# fd 9 (the holder's commands) is closed for it, or the holder would never see the end.
# BG_PID is CMD's own pid (exec, and ip netns exec execs too): killing a subshell around it
# left a ping running, whose ARP made the neighbour INCOMPLETE in a later step.
nl_bg() {
	local out=$1; shift
	( exec ip netns exec "$NLNS" "$@" ) >"$out" 2>&1 9>&- &
	BG_PID=$!
	BG_PIDS+=("$BG_PID")
}

# nl_hold_cmd CMD: sends CMD to the holder and waits for its answer line.
nl_hold_cmd() {
	local before
	before=$(wc -l <"$TMPD/hold.out")
	echo "$1" >&9
	local deadline=$(( $(date +%s) + 5 ))
	while [ "$(wc -l <"$TMPD/hold.out")" -le "$before" ]; do
		[ "$(date +%s)" -le "$deadline" ] || fail "holder did not answer '$1'"
		sleep 0.05
	done
	tail -n 1 "$TMPD/hold.out"
}

# nl_status DEV [options]: the model's --status output of DEV, JSON by default.
nl_status() { nsx "$NLTOOL" status "$@"; }
