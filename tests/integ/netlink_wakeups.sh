#!/usr/bin/env bash
# netlink_wakeups.sh — acceptance 4: no polling. With no traffic and no changes the model's loop sleeps:
# no wake-ups without a counter watcher, about one a second with one; checked by the loop's counter and strace.
. "$(dirname "$0")/../tools/nllib.sh"

nsx ip tuntap add tap0 mode tap
nsx sysctl -qw net.ipv6.conf.tap0.disable_ipv6=1	# no DAD, RS or MLD timers changing things while we count
nl_hold tap0
nsx ip addr add 10.18.0.1/24 dev tap0
nsx ip link set tap0 up
sleep 0.3	# let the changes above arrive before counting starts

# wakeups SECS [watch options]: the loop's own count of epoll_wait returns over SECS quiet seconds
wakeups() {
	local secs=$1; shift
	nsx "$NLTOOL" watch tap0 --seconds "$secs" "$@" >"$TMPD/w.txt" 2>&1 9>&- || fail "watch failed: $(cat "$TMPD/w.txt")"
	sed -n 's/^nltool: wakeups \([0-9]*\) in.*/\1/p' "$TMPD/w.txt"
}

n=$(wakeups 3)
note "no counter watcher: $n wake-ups in 3 s"
# the one the --seconds timer itself causes is the only one allowed
[ "$n" -le 2 ] || fail "$n wake-ups in 3 quiet seconds without a watcher: the model polls ($(cat "$TMPD/w.txt"))"

n=$(wakeups 3 --counters)
note "counters watched: $n wake-ups in 3 s"
[ "$n" -ge 2 ] || fail "counters watched but only $n wake-ups: the 1 s timer does not run"
[ "$n" -le 6 ] || fail "$n wake-ups in 3 s with counters watched: more than a few a second"

# under strace, LeakSanitizer (make test-asan) cannot do its exit check: it needs ptrace itself
STRACED_ASAN="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
if command -v strace >/dev/null; then
	ASAN_OPTIONS=$STRACED_ASAN nsx strace -f -qq -e trace=epoll_wait,epoll_pwait -o "$TMPD/strace.txt" "$NLTOOL" watch tap0 --seconds 2 >/dev/null 2>&1 9>&-
	calls=$(grep -c 'epoll_p\?wait(' "$TMPD/strace.txt")
	note "strace: $calls epoll_wait calls in 2 quiet seconds"
	[ "$calls" -le 3 ] || fail "strace saw $calls epoll_wait calls in 2 s: $(head -5 "$TMPD/strace.txt")"
fi

# the same for the whole of tapscope (device, responder, netlink model), when it is built with --events
if "$TAPSCOPE" --help 2>/dev/null | grep -q -- '--events' && command -v strace >/dev/null; then
	nl_hold_stop
	nsx ip addr flush dev tap0
	ASAN_OPTIONS=$STRACED_ASAN strace -f -qq -e trace=epoll_wait,epoll_pwait -o "$TMPD/ts.strace" \
		"$TAPSCOPE" --netns "$NLNS" --attach --no-config --echo --print --events >"$TMPD/ts.txt" 2>&1 9>&- &
	TS=$!
	BG_PIDS+=("$TS")
	wait_ready "$TMPD/ts.txt" 10 || fail "tapscope did not start"
	sleep 0.5
	before=$(grep -c 'epoll_p\?wait(' "$TMPD/ts.strace")
	sleep 3
	after=$(grep -c 'epoll_p\?wait(' "$TMPD/ts.strace")
	note "tapscope: $((after - before)) epoll_wait calls in 3 quiet seconds"
	[ $((after - before)) -le 9 ] || fail "tapscope woke $((after - before)) times in 3 quiet seconds: $(tail -5 "$TMPD/ts.strace")"
	nsx ip addr add 10.18.0.1/24 dev tap0
	wait_for "$TMPD/ts.txt" 'addr add 10.18.0.1/24 dev tap0' 1 || fail "tapscope --events missed a change"
	sleep 0.1
	# strace does see its wake-ups: the change woke it
	[ "$(grep -c 'epoll_p\?wait(' "$TMPD/ts.strace")" -gt "$after" ] || fail "strace saw no wake-up for a change"
	kill -INT $(pgrep -P "$TS")	# tapscope itself, strace's child; strace ends with it
	wait "$TS"
	nl_hold tap0
fi

# and it does wake for a change
nl_bg "$TMPD/live.txt" "$NLTOOL" watch tap0
wait_for "$TMPD/live.txt" '^nltool: ready' 5 || fail "watch did not start"
nsx ip addr add 10.18.0.5/24 dev tap0
wait_for "$TMPD/live.txt" 'addr add 10.18.0.5/24' 1 || fail "the sleeping loop missed a change"
echo PASS
