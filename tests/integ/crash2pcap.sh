#!/usr/bin/env bash
# crash2pcap.sh — a fuzz input becomes a golden case without hand work: build/tools/crash2pcap writes
# a one-frame pcap of the selector's link type (cut inputs keep their longer wire length; a tun PI
# header is left out) and appends its TESTLIST lines; tests/golden/accept.sh then writes the outputs.
. "$(dirname "$0")/../lib.sh"
need_cmd tcpdump
T=$BUILD/tools/crash2pcap
[ -x "$T" ] || make -s -C "$TOP" build/tools/crash2pcap || fail "cannot build crash2pcap"
mkdir -p "$TMPD/g/expected"
: > "$TMPD/g/TESTLIST"
# selector 0x08: DLT_NULL; 0x10: cut (wire = captured + 100); then AF_INET and the start of an IP header
printf '\x18\x02\x00\x00\x00\x45\x00\x00\x54\x12\x34' > "$TMPD/in1"
"$T" "$TMPD/in1" null-cut "$TMPD/g" > "$TMPD/out" || fail "crash2pcap failed: $(cat "$TMPD/out")"
tcpdump -r "$TMPD/g/null-cut.pcap" -c 1 -xx 2>"$TMPD/err" > "$TMPD/td" || fail "tcpdump cannot read it"
grep -q 'link-type NULL' "$TMPD/err" || fail "not DLT_NULL: $(cat "$TMPD/err")"
grep -q '0x0000:  0200 0000 4500 0054 1234' "$TMPD/td" || { cat "$TMPD/td"; fail "frame bytes differ"; }
"$TAPSCOPE" -r "$TMPD/g/null-cut.pcap" --json | grep -q '"len":110,"caplen":10' || fail "wire length not kept"
# selector 4: Ethernet with the tun PI header: the pcap holds the frame without the 4 PI bytes
printf '\x04\x00\x00\x08\x00\x02\x00\x00\x00\x00\x03\x02\x00\x00\x00\x00\x01\x08\x06' > "$TMPD/in2"
"$T" "$TMPD/in2" pi-eth "$TMPD/g" > /dev/null || fail "crash2pcap failed on a PI input"
"$TAPSCOPE" -r "$TMPD/g/pi-eth.pcap" --json | grep -q '"eth.dst":"02:00:00:00:00:03"' || fail "PI header not left out"
grep -q 'the tun PI header left out' "$TMPD/g/TESTLIST" || fail "the TESTLIST comment does not say the PI header was left out"
[ "$(grep -c '^null-cut-v null-cut.pcap null-cut-v.out -v$' "$TMPD/g/TESTLIST")" = 1 ] || fail "no TESTLIST line for -v"
[ "$(grep -c '^pi-eth-json pi-eth.pcap pi-eth-json.out --json$' "$TMPD/g/TESTLIST")" = 1 ] || fail "no TESTLIST line for --json"
"$T" "$TMPD/in1" "Bad/Name" "$TMPD/g" 2>/dev/null && fail "a name with a slash was accepted"
echo "crash2pcap makes golden cases"
