#!/usr/bin/env bash
# core_summary.sh — the run's summary adds up: with -f, "N frames (A from the kernel, B to it)"
# counts everything through the device (N = A + B) and "M matched -f" is what was printed.
source "$(dirname "$0")/../lib.sh"
need_root
"$TAPSCOPE" --netns "$NS" --echo --print -f icmp >"$TMPD/out" 2>"$TMPD/err" &
TS_PID=$!; BG_PIDS+=("$TS_PID")
wait_ready "$TMPD/err" || fail "tapscope did not start"
nsexec ping -c 3 -i 0.2 10.18.0.3 >/dev/null || fail "ping got no reply"
stop_tapscope INT
[ "$TS_RC" = 0 ] || fail "exit status $TS_RC"
line=$(grep -E '^tapscope: [0-9]+ frames' "$TMPD/err") || { cat "$TMPD/err"; fail "no summary"; }
echo "summary: $line"
read -r n a b m < <(echo "$line" | sed -nE "s/^tapscope: ([0-9]+) frames \(([0-9]+) from the kernel, ([0-9]+) to it\); ([0-9]+) matched -f 'icmp'.*/\1 \2 \3 \4/p")
[ -n "$m" ] || fail "the summary does not say how many matched the filter: $line"
[ "$n" -eq $((a + b)) ] || fail "$n frames is not $a from the kernel + $b to it"
printed=$(grep -c . "$TMPD/out")
[ "$m" -eq "$printed" ] || fail "$m matched, $printed printed"
[ "$m" -eq 6 ] || fail "$m ICMP frames, not the 3 requests and 3 replies"
[ "$n" -gt "$m" ] || fail "every frame matched icmp? ($n, $m)"
echo "ok: $n = $a + $b frames, $m matched the filter and were printed"
