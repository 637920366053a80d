#!/usr/bin/env bash
# bench_echo.sh — echo throughput through the device: `ping -f -l 8` against tapscope --echo
# (printing to /dev/null and writing a pcap) and against the bare reflector, in the same run.
# Prints each rate and the ratio tapscope/reflector (goal >= 0.9).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
N=${BENCH_PINGS:-100000}
ROUNDS=${BENCH_ROUNDS:-3}
NS="tstbench$$"
TMP=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; wait; rm -rf "$TMP"' EXIT

# flood NAME: pings N times through NS; prints replies per second
flood() {
	local out=$TMP/ping.$1 start end
	for _ in $(seq 100); do ip netns exec "$NS" ip -br addr show tap0 2>/dev/null | grep -q 10.18.0.1 && break; sleep 0.05; done
	ip netns exec "$NS" ping -c 1 -W 2 10.18.0.3 >/dev/null || { echo "bench: $1 does not answer" >&2; return 1; }
	start=$(date +%s%N)
	ip netns exec "$NS" ping -q -f -l 8 -c "$N" 10.18.0.3 >"$out"
	end=$(date +%s%N)
	grep -q ' 0% packet loss' "$out" || { echo "bench: $1 lost packets: $(grep loss "$out")" >&2; }
	awk -v n="$N" -v ns=$((end - start)) 'BEGIN { printf "%.0f\n", n / (ns / 1e9) }'
}

run_reflector() {
	"$TOP/build/tools/reflector" "$NS" 2>"$TMP/refl.err" & local pid=$!
	flood reflector; kill -INT $pid; wait $pid
}

run_tapscope() {
	"$TOP/tapscope" --netns "$NS" ${TS_ARGS:-} --echo --print -w "$TMP/bench.pcap" >/dev/null 2>"$TMP/ts.err" & local pid=$!
	flood tapscope; kill -INT $pid; wait $pid
}

best_ref=0 best_ts=0
for r in $(seq "$ROUNDS"); do
	ref=$(run_reflector) || exit 1
	ts=$(run_tapscope) || exit 1
	echo "round $r: reflector $ref replies/s, tapscope $ts replies/s"
	[ "$ref" -gt "$best_ref" ] && best_ref=$ref
	[ "$ts" -gt "$best_ts" ] && best_ts=$ts
done
frames=$(tcpdump -nr "$TMP/bench.pcap" 2>/dev/null | wc -l)
echo "echo throughput (ping -f -l 8 -c $N, best of $ROUNDS): reflector $best_ref/s, tapscope --print -w $best_ts/s (last pcap: $frames frames)"
awk -v a="$best_ts" -v b="$best_ref" 'BEGIN { r = a / b; printf "ratio tapscope/reflector: %.2f (goal >= 0.90) %s\n", r, ((r >= 0.9) ? "MET" : "NOT MET") }'
