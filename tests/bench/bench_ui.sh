#!/usr/bin/env bash
# bench_ui.sh — echo throughput with the full-screen UI open (tmux pane 80x24, following the
# list) against the bare reflector, in the same run: `ping -f -l 8 -c N` in the namespace,
# replies per second, best of ROUNDS. Prints each rate and the ratio UI/reflector (goal >= 0.8).
# BENCH_UI_PINGS (default 50000) and BENCH_UI_ROUNDS (default 3) bound it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
[ -x "$TOP/build/tools/reflector" ] || skip "needs build/tools/reflector (make build/tools/reflector)"
N=${BENCH_UI_PINGS:-50000}
ROUNDS=${BENCH_UI_ROUNDS:-3}

# flood NAME: pings N times through NS; prints replies per second
flood() {
	local out=$TMPD/ping.$1 start end
	for _ in $(seq 100); do nsexec ip -br addr show tap0 2>/dev/null | grep -q 10.18.0.1 && break; sleep 0.05; done
	nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || { echo "bench: $1 does not answer" >&2; return 1; }
	start=$(date +%s%N)
	nsexec ping -q -f -l 8 -c "$N" 10.18.0.3 >"$out"
	end=$(date +%s%N)
	grep -q ' 0% packet loss' "$out" || echo "bench: $1 lost packets: $(grep loss "$out")" >&2
	awk -v n="$N" -v ns=$((end - start)) 'BEGIN { printf "%.0f\n", n / (ns / 1e9) }'
}

run_reflector() {
	"$TOP/build/tools/reflector" "$NS" 2>"$TMPD/refl.err" & local pid=$!
	flood reflector; kill -INT $pid; wait $pid
	assert_no_namespace "$NS"
}

run_ui() {
	local rate
	ui_start 80 24 --netns "$NS" --echo >&2
	screen_wait 'echo:ON +neigh:ON' 5 >&2
	rate=$(flood ui) || return 1
	screen_wait 'Info  \(following\)' 1 >&2	# the list followed all along
	local shown=0
	for _ in $(seq 40); do	# the status bar is drawn at most 30 times a second
		shown=$(status_count in)
		[ "${shown:-0}" -ge "$N" ] && break
		sleep 0.05
	done
	[ "${shown:-0}" -ge "$N" ] || { echo "bench: the UI counted ${shown:-0} frames in, fewer than $N" >&2; return 1; }
	keys q
	ui_prompt_back 5 >&2
	tm kill-server
	assert_no_namespace "$NS"
	echo "$rate"
}

best_ref=0 best_ui=0
for r in $(seq "$ROUNDS"); do
	ref=$(run_reflector) || fail "reflector round $r"
	ui=$(run_ui) || fail "UI round $r"
	echo "round $r: reflector $ref replies/s, tapscope UI $ui replies/s"
	[ "$ref" -gt "$best_ref" ] && best_ref=$ref
	[ "$ui" -gt "$best_ui" ] && best_ui=$ui
done
echo "echo throughput (ping -f -l 8 -c $N, best of $ROUNDS): reflector $best_ref/s, tapscope with the UI open (80x24, following) $best_ui/s"
awk -v a="$best_ui" -v b="$best_ref" 'BEGIN { r = a / b; printf "ratio UI/reflector: %.2f (goal >= 0.80) %s\n", r, ((r >= 0.8) ? "MET" : "NOT MET") }'
