#!/usr/bin/env bash
# signals.sh — issue 12 (4), headless: every catchable terminating signal (INT TERM HUP QUIT PIPE USR1 USR2 ALRM)
# ends the run cleanly (exit 0, the summary line, a valid pcap, its namespace removed); the crash signals (SEGV BUS
# FPE ILL ABRT SYS) still kill it as before (status 128+N) but the crash handler removes the namespace it made —
# and leaves a namespace of that name someone else made meanwhile.
. "$(dirname "$0")/../lib.sh"
need_root
need_cmd tcpdump
ulimit -c 0	# the crashes below are on purpose: no core files

for sig in INT TERM HUP QUIT PIPE USR1 USR2 ALRM; do
	ns="${NS}_$sig"
	start_tapscope "$TMPD/$sig" --netns "$ns" --echo --print -w "$TMPD/$sig.pcap"
	wait_ready "$TMPD/$sig" || fail "$sig: did not start"
	nsexec_ns() { ip netns exec "$ns" "$@"; }
	nsexec_ns ping -c 1 -W 1 10.18.0.3 >/dev/null || fail "$sig: no echo"
	stop_tapscope "$sig"
	[ "$TS_RC" = 0 ] || fail "$sig: exit status $TS_RC (want 0: a clean end)"
	assert_grep "$TMPD/$sig" '^tapscope: [0-9]+ frames .*saved to .*'"$sig"'\.pcap \([0-9]+ frames\)'
	tcpdump -r "$TMPD/$sig.pcap" >/dev/null 2>&1 || fail "$sig: pcap file not valid"
	[ ! -e "/run/netns/$ns" ] || fail "$sig: /run/netns/$ns left behind"
	echo "ok: $sig ends the run cleanly"
done

# kill -SIG as a crash would deliver it: the handler runs, then the default action (status 128+N)
for sig in SEGV BUS FPE ILL ABRT SYS; do
	ns="${NS}_$sig"
	start_tapscope "$TMPD/$sig" --netns "$ns" --print
	wait_ready "$TMPD/$sig" || fail "$sig: did not start"
	stop_tapscope "$sig"
	want=$((128 + $(kill -l "$sig")))
	[ "$TS_RC" = "$want" ] || fail "$sig: exit status $TS_RC (want $want: the process dies of the signal)"
	[ ! -e "/run/netns/$ns" ] || fail "$sig: the crash left /run/netns/$ns behind"
	echo "ok: $sig: died of it, namespace $ns removed"
done

note "a crash after the name was given to another namespace leaves that one alone"
start_tapscope "$TMPD/other" --netns "$NS" --print
wait_ready "$TMPD/other" || fail "did not start"
ip netns del "$NS"
ip netns add "$NS"
wait_for "$TMPD/other" "now belongs to another namespace" 3 || fail "not noticed"
stop_tapscope SEGV
ip netns list | grep -qw "$NS" || fail "the crash handler removed a namespace this run did not make"
echo PASS
