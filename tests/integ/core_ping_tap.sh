#!/usr/bin/env bash
# core_ping_tap.sh — acceptance 2 (tap): the kernel's ping to a peer gets 0% loss; ARP and echo
# show in both directions; the pcap file holds exactly the printed frames and tcpdump agrees.
source "$(dirname "$0")/../lib.sh"
need_root; need_cmd ping; need_cmd tcpdump

start_tapscope "$TMPD/out" --netns "$NS" --echo --print -w "$TMPD/x.pcap"
wait_ready "$TMPD/out" || fail "tapscope did not start"
nsexec ping -c 5 -i 0.2 -W 2 10.18.0.3 >"$TMPD/ping" || { cat "$TMPD/ping"; fail "ping failed"; }
grep -q ' 0% packet loss' "$TMPD/ping" || fail "ping lost packets: $(tail -2 "$TMPD/ping")"
stop_tapscope INT
[ "$TS_RC" = 0 ] || fail "tapscope exited $TS_RC"
cat "$TMPD/out"

assert_grep "$TMPD/out" '< [0-9]+ ARP, Request who-has 10\.18\.0\.3 tell 10\.18\.0\.1'
assert_grep "$TMPD/out" '> [0-9]+ ARP, Reply 10\.18\.0\.3 is-at 02:00:0a:12:00:03'
[ "$(grep -cE '< [0-9]+ IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request' "$TMPD/out")" -ge 5 ] || fail "fewer than 5 echo requests"
[ "$(grep -cE '> [0-9]+ IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' "$TMPD/out")" -ge 5 ] || fail "fewer than 5 echo replies"

# the file holds exactly the printed frames, in order, and tcpdump reads the same summaries
printed=$(grep -cE '^[0-9:.]+ [<>] ' "$TMPD/out")
tcpdump -nr "$TMPD/x.pcap" >"$TMPD/td" 2>"$TMPD/td.err" || { cat "$TMPD/td.err"; fail "tcpdump cannot read the file"; }
filed=$(wc -l <"$TMPD/td")
[ "$printed" = "$filed" ] || fail "printed $printed frames but the file holds $filed"
grep -q 'link-type EN10MB' "$TMPD/td.err" || fail "file is not LINKTYPE_ETHERNET: $(cat "$TMPD/td.err")"
paste -d'|' <(grep -E '^[0-9:.]+ [<>] ' "$TMPD/out" | sed -E 's/^[^ ]+ [<>] [0-9]+ //' | grep -oE '^(ARP, (Request|Reply)|IP [0-9.]+ > [0-9.]+: ICMP echo (request|reply))') \
	<(sed -E 's/^[^ ]+ //' "$TMPD/td" | grep -oE '^(ARP, (Request|Reply)|IP [0-9.]+ > [0-9.]+: ICMP echo (request|reply))') |
	awk -F'|' '$1 != $2 { print "differs: " $0; bad=1 } END { exit bad }' || fail "tapscope and tcpdump disagree"
sleep 0.2
assert_no_namespace "$NS"
echo "ok: 0% loss, $printed frames printed and filed"
