#!/usr/bin/env bash
# ui_flood.sh — under a ping -f flood (bounded, in the namespace) the UI keeps updating (the
# status bar's frame count rises between captures) and a key (e) takes effect fast: measured
# from send-keys to the status bar showing echo:off, polling capture-pane. Prints the times;
# fails above UI_KEY_MAX_MS (default 250 ms: robust on a loaded machine; the goal is 50 ms).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
MAX_MS=${UI_KEY_MAX_MS:-250}
ROUNDS=${UI_KEY_ROUNDS:-5}

now_us() { local t=${EPOCHREALTIME/./}; echo "$t"; }	# no fork: bash 5

# status_total: in + out from one capture
status_total() { screen | sed -nE 's/.* in ([0-9]+) out ([0-9]+).*/\1 \2/p' | awk '{print $1 + $2}' | tail -1; }

# wait_rise N SECS: waits until in+out exceeds N
wait_rise() {
	local n=$1 deadline=$(( $(now_us) + $2 * 1000000 ))
	while [ "$(now_us)" -lt "$deadline" ]; do
		[ "$(status_total)" -gt "$n" ] && return 0
		sleep 0.02
	done
	screen_dump >&2
	fail "the frame count stayed at $n or below for $2 s"
}

ui_start 80 24 --netns "$NS" --echo
screen_wait 'echo:ON +neigh:ON' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply before the flood"
nsexec ping -q -f -c 200000 -w 20 10.18.0.3 >"$TMPD/flood.out" 2>&1 &
flood_pid=$!
BG_PIDS+=($flood_pid)

# the UI keeps updating: three captures, each count above the one before
a=$(status_total); wait_rise "$a" 3
b=$(status_total); wait_rise "$b" 3
t0=$(now_us); b=$(status_total); sleep 1; c=$(status_total); t1=$(now_us)
[ "$c" -gt "$b" ] || fail "frame count stuck at $b"
note "frame count on the status bar: $a -> $b -> $c ($(( (c - b) * 1000000 / (t1 - t0) )) frames/s shown)"

# the cost of one look at the screen (what the measurement cannot go below)
t0=$(now_us); for _ in 1 2 3 4 5 6 7 8 9 10; do screen >/dev/null; done; t1=$(now_us)
cap_ms=$(awk -v d=$((t1 - t0)) 'BEGIN { printf "%.1f", d / 10 / 1000 }')

lat=()
for r in $(seq "$ROUNDS"); do
	wait_rise "$(status_total)" 3			# flooding at full speed again
	t0=$(now_us)
	keys e
	while :; do
		screen | grep -q 'echo:off' && break
		[ $(( $(now_us) - t0 )) -gt 2000000 ] && { screen_dump >&2; fail "echo:off not shown 2 s after e"; }
	done
	t1=$(now_us)
	lat+=($(( (t1 - t0) / 1000 )))
	keys e
	screen_wait 'echo:ON' 2
done
kill -0 "$flood_pid" 2>/dev/null || note "(the flood ended before the last round)"
sorted=$(printf '%s\n' "${lat[@]}" | sort -n | tr '\n' ' ')
max=$(printf '%s\n' "${lat[@]}" | sort -n | tail -1)
med=$(printf '%s\n' "${lat[@]}" | sort -n | sed -n "$(( (ROUNDS + 1) / 2 ))p")
echo "key latency under ping -f (send-keys e -> echo:off on screen), ms: $sorted; median $med, max $max (one capture-pane costs ~$cap_ms ms; goal 50, limit $MAX_MS)"
[ "$max" -lt "$MAX_MS" ] || fail "a key took $max ms under the flood (limit $MAX_MS)"
kill -INT "$flood_pid" 2>/dev/null; wait "$flood_pid" 2>/dev/null
note "flood: $(grep -E 'transmitted' "$TMPD/flood.out")"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
