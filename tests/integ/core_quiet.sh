#!/usr/bin/env bash
# core_quiet.sh — -w FILE with no terminal and no --print captures quietly, like tcpdump -w: nothing on
# stdout, tcpdump -r reads the file, and the summary reports the kernel's drops (tx_dropped) beside
# tapscope's own counts, equal to what the kernel says.
source "$(dirname "$0")/../lib.sh"
need_root
"$TAPSCOPE" --netns "$NS" --tun -w "$TMPD/q.pcap" </dev/null >"$TMPD/stdout" 2>"$TMPD/err" &
TS_PID=$!; BG_PIDS+=("$TS_PID")
wait_ready "$TMPD/err" || fail "tapscope did not start"
# a flood tapscope cannot all take: the kernel drops some, and says how many
nsexec "$BUILD/tools/udpflood" 10.18.0.3 200000 >/dev/null
sleep 0.5
drops=$(nsexec ip -j -s link show tun0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["stats64"]["tx"]["dropped"])')
stop_tapscope INT
[ "$TS_RC" = 0 ] || fail "exit status $TS_RC"
[ ! -s "$TMPD/stdout" ] || fail "output on stdout: $(head -3 "$TMPD/stdout")"
assert_grep "$TMPD/err" "the kernel dropped $drops it could not queue to tun0 \\(tx_dropped\\)"
frames=$(sed -n 's/^tapscope: \([0-9]*\) frames.*/\1/p' "$TMPD/err")
got=$(tcpdump -nr "$TMPD/q.pcap" 2>/dev/null | wc -l)
[ "$got" = "$frames" ] || fail "the file holds $got frames, the summary says $frames"
[ $((frames + drops)) -ge 200000 ] || fail "$frames captured + $drops dropped < 200000 sent"
echo "ok: quiet capture of $frames frames, $drops dropped by the kernel (as ip -s says)"
