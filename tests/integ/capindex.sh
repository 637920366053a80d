#!/usr/bin/env bash
# capindex.sh — the offline browser's core without a screen (build/tools/capbrowse over src/capindex.h):
# frames read back by number through the sparse index agree with tapscope -r; a BPF filter over the
# whole file selects what tcpdump selects, and its k-th/next/previous/rank answers agree; find by text
# and by field condition, forward and backward, agrees with grep on tapscope -r -v; stdin is spooled;
# pcapng directions are counted; a damaged file keeps the frames before the damage.
. "$(dirname "$0")/../lib.sh"
need_cmd tcpdump
B=$BUILD/tools/capbrowse
for t in capbrowse genbench; do
	[ -x "$BUILD/tools/$t" ] || make -s -C "$TOP" "build/tools/$t" || fail "cannot build $t"
done
F=$TMPD/big.pcap
"$BUILD/tools/genbench" 5000 "$F" > /dev/null || fail "genbench failed"
"$TAPSCOPE" -r "$F" | sed -E 's/^[0-9:.]+ ([-<>]) [0-9]+ /\1 /' | nl -ba -w1 -s' ' > "$TMPD/all"
[ "$(wc -l < "$TMPD/all")" = 5000 ] || fail "tapscope -r printed $(wc -l < "$TMPD/all") lines"

"$B" "$F" info > "$TMPD/info" || fail "info failed"
grep -qx 'frames: 5000' "$TMPD/info" || fail "info: $(cat "$TMPD/info")"
grep -qx 'done: 1' "$TMPD/info" || fail "not fully indexed"
grep -q 'link: EN10MB (Ethernet), pcap' "$TMPD/info" || fail "link type: $(cat "$TMPD/info")"

# frames by number, in an order that makes the index seek backwards, forwards and across strides
set -- 1 1024 1025 2048 4999 5000 3 2049 1023 4097 17 last
"$B" "$F" frame "$@" > "$TMPD/frames" || fail "frame reads failed"
for n in "$@"; do [ "$n" = last ] && n=5000; sed -n "${n}p" "$TMPD/all"; done > "$TMPD/want"
diff "$TMPD/want" "$TMPD/frames" || fail "frames read through the index differ from tapscope -r"

# BPF over the whole file: tcpdump's count; capbrowse checks kth/next/prev/rank agree with each other
for expr in icmp "udp port 53" "tcp[tcpflags] & tcp-syn != 0" arp icmp6; do
	want=$(tcpdump -nr "$F" "$expr" 2>/dev/null | wc -l)
	"$B" "$F" filter "$expr" > "$TMPD/flt" || { cat "$TMPD/flt"; fail "filter '$expr' failed"; }
	grep -qx "matches: $want of 5000" "$TMPD/flt" || fail "filter '$expr': $(head -1 "$TMPD/flt"), tcpdump $want"
done
first=$(tcpdump -nr "$F" icmp6 2>/dev/null | head -1 >/dev/null; "$TAPSCOPE" -r "$F" -f icmp6 --json | head -1 | sed 's/{"frame":\([0-9]*\).*/\1/')
"$B" "$F" filter icmp6 | grep -qx "match 1: frame $first" || fail "first icmp6 match is not frame $first"

# find: text in the summary, and field conditions; forward and backward
"$TAPSCOPE" -r "$F" -v > "$TMPD/tree"
want=$(grep -n 'NXDomain' "$TMPD/all" | head -1 | cut -d: -f1)
if [ -n "$want" ]; then
	"$B" "$F" find nxdomain 0 | grep -q "^$want " || fail "text find: expected frame $want"
fi
want=$(awk '/^[0-9]/ {n++} /^ *tcp.flags.syn: Set/ {print n; exit}' "$TMPD/tree")
"$B" "$F" find 'tcp.flags.syn == 1' 0 | grep -q "^$want " || fail "condition find: expected frame $want"
want=$(awk '/^[0-9]/ {n++} /^ *tcp.flags.syn: Set/ {last=n} END {print last}' "$TMPD/tree")
"$B" "$F" find 'tcp.flags.syn == 1' 5001 back | grep -q "^$want " || fail "backward find: expected frame $want"
# a bare name is presence, as in Wireshark: "dns" is any DNS frame
want=$(awk '/^[0-9]/ {n++} n > 100 && /^    dns: / {print n; exit}' "$TMPD/tree")
"$B" "$F" find dns 100 | grep -q "^$want " || fail "presence find: expected frame $want"
want=$(awk '/^[0-9]/ {n++} n > 2500 && /^ *icmpv6.type: 135/ {print n; exit}' "$TMPD/tree")
"$B" "$F" find 'icmpv6.type == 135' 2500 | grep -q "^$want " || fail "find from 2500: expected frame $want"
want=$(awk '/^[0-9]/ {n++} n < 2500 && /^ *ip.ttl: [0-9]+$/ && $2 < 64 {last=n} END {print last+0}' "$TMPD/tree")
got=$("$B" "$F" find 'ip.ttl < 64' 2500 back | cut -d' ' -f1)
[ "$want" = 0 ] && [ "$got" = none ] || [ "$want" = "$got" ] || fail "find 'ip.ttl < 64' back from 2500: $got, expected $want"
"$B" "$F" find 'no such thing at all' 0 | grep -qx 'none (text)' || fail "a text found nowhere should say none"

# stdin is spooled; pcapng directions counted; a damaged file keeps the frames before the damage
cat "$F" | "$B" - info | grep -qx 'frames: 5000' || fail "stdin: not 5000 frames"
"$B" "$TOP/tests/golden/pcapng-dir.pcapng" info > "$TMPD/ng"
grep -qx 'in: 1' "$TMPD/ng" && grep -qx 'out: 1' "$TMPD/ng" || fail "pcapng directions: $(cat "$TMPD/ng")"
head -c 250000 "$F" > "$TMPD/cut.pcap"
want=$(tcpdump -nr "$TMPD/cut.pcap" 2>/dev/null | wc -l)
"$B" "$TMPD/cut.pcap" info > "$TMPD/cut" 2> "$TMPD/cut.err"
grep -qx "frames: $want" "$TMPD/cut" || fail "damaged file: $(cat "$TMPD/cut" "$TMPD/cut.err")"
grep -q 'truncated' "$TMPD/cut.err" || fail "damaged file: libpcap's words not passed on"
"$B" "$TMPD/cut.pcap" frame last > /dev/null 2>&1 || fail "the last frame before the damage cannot be read"
printf 'not a capture' > "$TMPD/text.pcap"
"$B" "$TMPD/text.pcap" info 2>&1 | grep -q 'text.pcap' || fail "a bad file's message should name it"
echo "capindex: reads, filters and finds agree with tapscope -r and tcpdump"
