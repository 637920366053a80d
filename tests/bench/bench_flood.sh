#!/usr/bin/env bash
# bench_flood.sh — capture rate under a UDP flood into a tun (1,000,000 datagrams of 64 bytes, sendmmsg):
# a bare read()-per-frame loop against tapscope capturing quietly (-w, no terminal), with the UI open in
# tmux at 80x24, and with --print -w; alternated, medians of BENCH_ROUNDS rounds, in one run.
# The rate is frames read per second of flood; what nobody reads the kernel drops (tx_dropped).
# Goals: quiet -w and the UI >= 1.3x the bare loop, --print -w >= 1.0x.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_DATAGRAMS:-1000000}
ROUNDS=${BENCH_ROUNDS:-5}
TMP=$(mktemp -d)
NS="tstflood$$"
SOCK="tstflood$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null; kill $(jobs -p) 2>/dev/null; wait; ip netns del "$NS" 2>/dev/null; rm -rf "$TMP"' EXIT

command -v tmux >/dev/null || { echo "bench_flood: needs tmux"; exit 1; }
ip netns add "$NS" || exit 1
ip netns exec "$NS" ip link set lo up

wait_up() {	# tun0 up with its address: the reader is attached
	for _ in $(seq 200); do
		ip netns exec "$NS" ip -br addr show tun0 2>/dev/null | grep -v DOWN | grep -q '10\.18\.0\.1/' && return 0
		sleep 0.05
	done
	echo "bench_flood: tun0 did not come up" >&2
	return 1
}

flood() {	# prints the seconds the flood took; a pause after lets the reader empty the queue
	ip netns exec "$NS" "$TOP/build/tools/udpflood" 10.18.0.3 "$N"
	sleep 0.5
}

# from the run's summary: "... frames (IN from the kernel, ..."
summary_in() { sed -n 's/.*frames (\([0-9]*\) from the kernel.*/\1/p' "$1" | tail -n 1; }

run_bare() {
	ip netns exec "$NS" ip tuntap add dev tun0 mode tun
	ip netns exec "$NS" "$TOP/build/tools/bareread" tun0 >"$TMP/bare.out" 2>"$TMP/bare.err" & local pid=$!
	for _ in $(seq 100); do grep -q ready "$TMP/bare.err" && break; sleep 0.02; done
	ip netns exec "$NS" ip addr add 10.18.0.1/24 dev tun0
	ip netns exec "$NS" ip link set tun0 up
	wait_up || return 1
	local secs; secs=$(flood)
	kill -INT $pid; wait $pid
	ip netns exec "$NS" ip link del tun0
	echo "$(cat "$TMP/bare.out") $secs"
}

run_quiet() {
	"$TOP/tapscope" --netns "$NS" --tun -w "$TMP/quiet.pcap" </dev/null >/dev/null 2>"$TMP/quiet.err" & local pid=$!
	wait_up || return 1
	local secs; secs=$(flood)
	kill -INT $pid; wait $pid
	echo "$(summary_in "$TMP/quiet.err") $secs"
}

run_print() {
	"$TOP/tapscope" --netns "$NS" --tun --print -w "$TMP/print.pcap" </dev/null >/dev/null 2>"$TMP/print.err" & local pid=$!
	wait_up || return 1
	local secs; secs=$(flood)
	kill -INT $pid; wait $pid
	echo "$(summary_in "$TMP/print.err") $secs"
}

run_ui() {
	rm -f "$TMP/ui.err"
	tmux -L "$SOCK" new-session -d -x 80 -y 24 "$TOP/tapscope --netns $NS --tun 2>$TMP/ui.err"
	wait_up || return 1
	local secs; secs=$(flood)
	tmux -L "$SOCK" send-keys q
	for _ in $(seq 100); do [ -s "$TMP/ui.err" ] && grep -q frames "$TMP/ui.err" && break; sleep 0.05; done
	tmux -L "$SOCK" kill-server 2>/dev/null
	echo "$(summary_in "$TMP/ui.err") $secs"
}

rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

: >"$TMP/bare.r"; : >"$TMP/quiet.r"; : >"$TMP/ui.r"; : >"$TMP/print.r"
for r in $(seq "$ROUNDS"); do
	line="round $r:"
	for kind in bare quiet ui print; do
		read -r got secs < <("run_$kind") || exit 1
		[ -n "$got" ] || { echo "bench_flood: $kind reported no count" >&2; exit 1; }
		rate "$got" "$secs" >>"$TMP/$kind.r"; echo >>"$TMP/$kind.r"
		line="$line $kind $got in ${secs}s;"
	done
	echo "$line"
done
bare=$(median <"$TMP/bare.r") quiet=$(median <"$TMP/quiet.r") ui=$(median <"$TMP/ui.r") print=$(median <"$TMP/print.r")
echo "capture under a $N-datagram UDP flood into a tun (median of $ROUNDS, frames read per second of flood):"
echo "  bare read() loop $bare/s; tapscope -w (quiet) $quiet/s; UI at 80x24 $ui/s; --print -w $print/s"
awk -v b="$bare" -v q="$quiet" -v u="$ui" -v p="$print" 'BEGIN {
	printf "ratio quiet -w/bare: %.2f (goal >= 1.30) %s\n", q / b, (q / b >= 1.3) ? "MET" : "NOT MET"
	printf "ratio UI/bare: %.2f (goal >= 1.30) %s\n", u / b, (u / b >= 1.3) ? "MET" : "NOT MET"
	printf "ratio --print -w/bare: %.2f (goal >= 1.00) %s\n", p / b, (p / b >= 1.0) ? "MET" : "NOT MET"
}'
