#!/usr/bin/env bash
# pcapng_direction.sh — acceptance 4: the arrows survive -w x.pcapng -> tshark -r -> tapscope -r.
# tapscope writes pcapng whose packet blocks carry the direction (inbound '<', outbound '>') and an
# interface block naming the device; tshark reads the same directions; tapscope -r shows the arrows
# again; -r x.pcapng -f EXPR -w y.pcapng keeps them; plain .pcap stays pcap.
source "$(dirname "$0")/../lib.sh"
need_root; need_cmd ping; need_cmd tshark

start_tapscope "$TMPD/out" --netns "$NS" --echo --print -w "$TMPD/x.pcapng"
wait_ready "$TMPD/out" || fail "tapscope did not start"
nsexec ping -c 3 -i 0.2 -W 2 10.18.0.3 >"$TMPD/ping" || { cat "$TMPD/ping"; fail "ping failed"; }
stop_tapscope INT
[ "$TS_RC" = 0 ] || fail "tapscope exited $TS_RC"
grep -E '^[0-9:.]+ [<>] ' "$TMPD/out" | awk '{print $2}' > "$TMPD/live.dir"
n=$(wc -l < "$TMPD/live.dir")
[ "$n" -ge 8 ] || fail "only $n frames printed"
grep -q '<' "$TMPD/live.dir" && grep -q '>' "$TMPD/live.dir" || fail "expected frames in both directions"

# tshark: the same directions (1 inbound, 2 outbound) and the device's name
tshark -r "$TMPD/x.pcapng" -T fields -e frame.packet_flags_direction > "$TMPD/ts.dir" 2>"$TMPD/ts.err" ||
	{ cat "$TMPD/ts.err"; fail "tshark cannot read the pcapng file"; }
sed -e 's/^0x0*1$/</' -e 's/^0x0*2$/>/' -e 's/^1$/</' -e 's/^2$/>/' "$TMPD/ts.dir" > "$TMPD/ts.arrows"
diff "$TMPD/live.dir" "$TMPD/ts.arrows" > "$TMPD/d1" || { head -20 "$TMPD/d1"; fail "tshark's directions differ from tapscope's arrows"; }
tshark -r "$TMPD/x.pcapng" -T fields -e frame.interface_name -c 1 2>/dev/null | grep -qx tap0 ||
	fail "the interface block does not name tap0"

# tapscope -r: the arrows come back, and the summaries are the same
"$TAPSCOPE" -r "$TMPD/x.pcapng" > "$TMPD/re" || fail "tapscope -r x.pcapng failed"
awk '{print $2}' "$TMPD/re" > "$TMPD/re.dir"
diff "$TMPD/live.dir" "$TMPD/re.dir" > "$TMPD/d2" || { head -20 "$TMPD/d2"; fail "tapscope -r lost the arrows"; }
diff <(grep -E '^[0-9:.]+ [<>] ' "$TMPD/out" | cut -d' ' -f2-) <(cut -d' ' -f2- "$TMPD/re") > "$TMPD/d3" ||
	{ head -20 "$TMPD/d3"; fail "tapscope -r prints other lines than the live run"; }
# a pipe cannot seek: the frames still read, their direction unknown
cat "$TMPD/x.pcapng" | "$TAPSCOPE" -r - > "$TMPD/pipe"; [ "$(awk "{print \$2}" "$TMPD/pipe" | sort -u)" = "-" ] || fail "a pipe should read as -"

# -r -f -w: the filtered frames, directions kept; to .pcap: plain pcap
"$TAPSCOPE" -r "$TMPD/x.pcapng" -f icmp -w "$TMPD/y.pcapng" || fail "-r -f -w failed"
[ "$(tshark -r "$TMPD/y.pcapng" 2>/dev/null | wc -l)" = "$(tshark -r "$TMPD/x.pcapng" -Y icmp 2>/dev/null | wc -l)" ] ||
	fail "-r -f icmp -w wrote other frames than tshark selects"
diff <("$TAPSCOPE" -r "$TMPD/x.pcapng" -f icmp) <("$TAPSCOPE" -r "$TMPD/y.pcapng") || fail "filtered copy differs"
"$TAPSCOPE" -r "$TMPD/x.pcapng" -w "$TMPD/z.pcap" || fail "-r -w .pcap failed"
tcpdump -r "$TMPD/z.pcap" -c 1 2>&1 >/dev/null | grep -q 'link-type EN10MB' || fail "z.pcap is not a pcap tcpdump reads"
[ "$(head -c 4 "$TMPD/z.pcap" | od -An -tx1 | tr -d ' ')" = "d4c3b2a1" ] || fail "z.pcap is not classic pcap"
echo "ok: $n frames, directions the same in the live run, tshark and tapscope -r"
