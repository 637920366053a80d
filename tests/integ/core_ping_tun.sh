#!/usr/bin/env bash
# core_ping_tun.sh — acceptance 2 (tun): no ARP on a tun device; ping gets 0% loss; the file is raw IP.
source "$(dirname "$0")/../lib.sh"
need_root; need_cmd ping; need_cmd tcpdump

start_tapscope "$TMPD/out" --netns "$NS" --tun --echo --print -w "$TMPD/x.pcap"
wait_ready "$TMPD/out" || fail "tapscope did not start"
assert_grep "$TMPD/out" 'ready: tun0 \(tun'
nsexec ping -c 5 -i 0.2 -W 2 10.18.0.3 >"$TMPD/ping" || { cat "$TMPD/ping"; fail "ping failed"; }
grep -q ' 0% packet loss' "$TMPD/ping" || fail "ping lost packets"
stop_tapscope TERM
[ "$TS_RC" = 0 ] || fail "tapscope exited $TS_RC"
cat "$TMPD/out"
! grep -qE '[<>] [0-9]+ ARP' "$TMPD/out" || fail "ARP on a tun device"
[ "$(grep -cE '< [0-9]+ IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request' "$TMPD/out")" -ge 5 ] || fail "requests missing"
[ "$(grep -cE '> [0-9]+ IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' "$TMPD/out")" -ge 5 ] || fail "replies missing"
tcpdump -nr "$TMPD/x.pcap" >"$TMPD/td" 2>"$TMPD/td.err" || fail "tcpdump cannot read the file"
grep -q 'link-type RAW' "$TMPD/td.err" || fail "file is not LINKTYPE_RAW: $(cat "$TMPD/td.err")"
[ "$(grep -cE '^[0-9:.]+ [<>] ' "$TMPD/out")" = "$(wc -l <"$TMPD/td")" ] || fail "file and print disagree"
[ "$(grep -c 'ICMP echo reply' "$TMPD/td")" -ge 5 ] || fail "tcpdump sees no replies"
# with --pi the packet-information header is kept on the device but not in the file
start_tapscope "$TMPD/out2" --netns "$NS" --tun --pi --echo --print -w "$TMPD/pi.pcap"
wait_ready "$TMPD/out2" || fail "tapscope --pi did not start"
nsexec ping -c 3 -i 0.2 -W 2 10.18.0.3 >"$TMPD/ping" || fail "ping with --pi failed"
stop_tapscope INT
[ "$(tcpdump -nr "$TMPD/pi.pcap" 2>/dev/null | grep -c 'ICMP echo reply')" -ge 3 ] || fail "--pi file wrong"
sleep 0.2
assert_no_namespace "$NS"
