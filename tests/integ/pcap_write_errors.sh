#!/usr/bin/env bash
# pcap_write_errors.sh — issue 12 (3): a pcap file that cannot be written. -w /dev/full, and -w on a 64 KiB
# tmpfs that fills up (mounted in a private mount namespace, unshare -m): the failed write is reported once with
# its cause, capture goes on (pings stay answered and printed), the file holds only whole records (tcpdump -r
# exits 0 and reads exactly the frames the summary names), the summary says how many frames the file holds,
# and the exit status is 1.
. "$(dirname "$0")/../lib.sh"
need_root
need_cmd tcpdump
need_cmd unshare

# the error line and the summary, each as the issue wants them
check_run() {	# OUT FILE-SHOWN-AS
	local out=$1 shown=$2 n
	n=$(grep -c "^tapscope: writing $shown failed: No space left on device" "$out")
	[ "$n" -eq 1 ] || { grep -v "^[0-9:.]* [<>]" "$out" | head; } >&2; [ "$n" -eq 1 ] || fail "the failed write was reported $n times (want once): $(grep -c . "$out") lines"
	assert_grep "$out" "^tapscope: .* frames .*; $shown holds [0-9]+ of [0-9]+ frames: writing it failed: No space left on device"
	! grep -q "written to\|saved to" "$out" || fail "the summary claims the frames were saved"
}

note "-w /dev/full"
start_tapscope "$TMPD/full.out" --netns "$NS" --echo --print -w /dev/full
wait_ready "$TMPD/full.out" || fail "tapscope did not start"
nsexec ping -c 3 -i 0.2 -W 1 10.18.0.3 >"$TMPD/ping1" || fail "pings not answered while the file fails: $(cat "$TMPD/ping1")"
wait_for "$TMPD/full.out" '> 98 IP 10.18.0.3 > 10.18.0.1: ICMP echo reply, id [0-9]+, seq 3' 3 || fail "capture stopped printing"
stop_tapscope INT
[ "$TS_RC" -eq 1 ] || fail "exit status $TS_RC after a failed write (want 1)"
check_run "$TMPD/full.out" /dev/full
assert_grep "$TMPD/full.out" "/dev/full holds 0 of [0-9]+ frames"
assert_no_namespace "$NS"

note "-w on a 64 KiB tmpfs that fills up"
ip netns add "$NS" || fail "cannot create namespace $NS"	# made here: tapscope's private mount namespace could not publish it
cat >"$TMPD/inner.sh" <<INNER
set -u
mkdir -p "$TMPD/small"
mount -t tmpfs -o size=64k tmpfs "$TMPD/small" || exit 3
"$TAPSCOPE" --netns "$NS" --echo --print -w "$TMPD/small/cap.pcap" >"$TMPD/tmpfs.out" 2>&1 &
echo \$! >"$TMPD/ts.pid"
wait \$!
echo \$? >"$TMPD/ts.rc"
ls -l "$TMPD/small/cap.pcap" >"$TMPD/ls" 2>&1
tcpdump -nr "$TMPD/small/cap.pcap" >"$TMPD/tcpdump.out" 2>"$TMPD/tcpdump.err"
echo \$? >"$TMPD/tcpdump.rc"
INNER
unshare -m --propagation private bash "$TMPD/inner.sh" &
INNER_PID=$!
BG_PIDS+=("$INNER_PID")
wait_for "$TMPD/ts.pid" '^[0-9]+$' 5 || fail "the private mount namespace did not start tapscope"
wait_ready "$TMPD/tmpfs.out" || fail "tapscope did not start"
# about 2 KiB a ping (request and reply): 300 of them fill 64 KiB several times over
nsexec ping -f -c 300 -s 1000 -W 1 10.18.0.3 >"$TMPD/ping2" 2>&1
grep -q ' 300 received' "$TMPD/ping2" || fail "pings were not all answered while the disk was full: $(tail -2 "$TMPD/ping2")"
wait_for "$TMPD/tmpfs.out" 'writing .* failed' 3 || fail "no message about the full disk"
kill -INT "$(cat "$TMPD/ts.pid")"
wait "$INNER_PID"
cat "$TMPD/ls"
rc=$(cat "$TMPD/ts.rc")
[ "$rc" -eq 1 ] || fail "exit status $rc after a failed write (want 1)"
check_run "$TMPD/tmpfs.out" "$TMPD/small/cap.pcap"
[ "$(cat "$TMPD/tcpdump.rc")" -eq 0 ] || fail "tcpdump -r failed on what was kept: $(cat "$TMPD/tcpdump.err")"
held=$(sed -nE 's/.*cap\.pcap holds ([0-9]+) of ([0-9]+) frames.*/\1/p' "$TMPD/tmpfs.out")
total=$(sed -nE 's/.*cap\.pcap holds ([0-9]+) of ([0-9]+) frames.*/\2/p' "$TMPD/tmpfs.out")
read_n=$(grep -c . "$TMPD/tcpdump.out")
echo "the file holds $held of $total frames; tcpdump -r reads $read_n"
[ "$read_n" -eq "$held" ] || fail "the summary says $held frames, tcpdump reads $read_n"
[ "$held" -gt 10 ] && [ "$total" -ge 600 ] || fail "implausible counts: $held of $total"
grep -q 'holds [0-9]* of' "$TMPD/tmpfs.out" || fail "no summary"

note "--print > /dev/full: the lines cannot be kept: said, exit 1, the namespace removed"
NS2="${NS}f"
"$TAPSCOPE" --netns "$NS2" --echo --print > /dev/full 2> "$TMPD/lines.err" &
LPID=$!
BG_PIDS+=("$LPID")
wait_ready "$TMPD/lines.err" || fail "tapscope --print > /dev/full did not start"
ip netns exec "$NS2" ping -c 3 -i 0.2 -W 1 10.18.0.3 >/dev/null 2>&1
for _ in $(seq 50); do kill -0 "$LPID" 2>/dev/null || break; sleep 0.1; done
kill -0 "$LPID" 2>/dev/null && fail "tapscope kept running with nowhere to write its lines"
wait "$LPID"; rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc with its lines unwritable (want 1)"
assert_grep "$TMPD/lines.err" "^tapscope: writing the lines to standard output failed: No space left on device"
assert_no_namespace "$NS2"
echo PASS
