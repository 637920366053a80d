#!/usr/bin/env bash
# offline_cli.sh — "tapscope -r": bad files and bad filters are refused with a clear message and a
# non-zero exit; stdin works; -f selects the same frames as tcpdump does with the same expression.
. "$(dirname "$0")/../lib.sh"
G=$TOP/tests/golden
[ -x "$TAPSCOPE" ] || fail "no ./tapscope binary"

expect_error() {	# expect_error REGEX ARGS...: non-zero exit, REGEX in stderr
	local re=$1; shift
	if "$TAPSCOPE" "$@" > "$TMPD/out" 2> "$TMPD/err"; then
		fail "tapscope $* succeeded; expected an error matching /$re/"
	fi
	grep -Eq -- "$re" "$TMPD/err" || { sed 's/^/    | /' "$TMPD/err"; fail "tapscope $*: stderr lacks /$re/"; }
	note "ok: tapscope $* -> $(head -n 1 "$TMPD/err")"
}

echo "not a capture file at all" > "$TMPD/text.pcap"
expect_error "text\.pcap is not a capture file: tapscope reads pcap and pcapng.*(unknown file format|bad dump file format)" -r "$TMPD/text.pcap"
head -c 10 "$G/arp.pcap" > "$TMPD/short-header.pcap"
expect_error "short-header\.pcap.*truncated" -r "$TMPD/short-header.pcap"
head -c $((24 + 16 + 98 + 16 + 30)) "$G/icmp.pcap" > "$TMPD/cut-record.pcap"
expect_error "cut-record\.pcap.*truncated" -r "$TMPD/cut-record.pcap"
# the frame before the damaged record is still printed
[ "$(wc -l < "$TMPD/out")" = 1 ] || fail "expected the one whole frame before the damage to be printed"
# an IEEE 802.11 capture (link type 105): refused, naming what is supported
printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x69\x00\x00\x00' > "$TMPD/wifi.pcap"
expect_error "wifi\.pcap.*unsupported link type.*IEEE802_11.*EN10MB" -r "$TMPD/wifi.pcap"
# a private link type (USER0..15, which libpcap leaves nameless): named, and said to be private
printf '\xd4\xc3\xb2\xa1\x02\x00\x04\x00\x00\x00\x00\x00\x00\x00\x00\x00\xff\xff\x00\x00\x93\x00\x00\x00' > "$TMPD/user0.pcap"
expect_error "user0\.pcap: unsupported link type USER0 \(147\), a private one whose meaning only its writer knows; tapscope reads Ethernet" -r "$TMPD/user0.pcap"
expect_error "no-such-file.*No such file" -r "$TMPD/no-such-file.pcap"
# bad filters: libpcap's own words, before anything is read
expect_error "syntax error" -r "$G/arp.pcap" -f "icmp and ("
expect_error "unknown|invalid|syntax" -r "$G/arp.pcap" -f "tcp port notaport"

# a Wireshark field condition given to -f: told it is find's syntax, not BPF
expect_error "syntax error.*tcpdump filter syntax.*Wireshark field condition.*find" -r "$G/arp.pcap" -f "ip.ttl == 64"
# empty files and empty stdin: said so, not libpcap's "tried to read 4 file header bytes"
: > "$TMPD/empty.pcap"
expect_error "empty\.pcap is empty: a capture file starts with a pcap or pcapng header" -r "$TMPD/empty.pcap"
# two output forms at once
expect_error "-p/--print and --json are two output forms" -r "$G/arp.pcap" -p --json
# -w over the file -r reads (by another name, through a link): refused, the file left whole
cp "$G/icmp.pcap" "$TMPD/self.pcap"
ln -s "$TMPD/self.pcap" "$TMPD/link.pcap"
expect_error "-w .* is the file -r reads: writing it would destroy the capture" -r "$TMPD/link.pcap" -w "$TMPD/./self.pcap" -f icmp
cmp -s "$G/icmp.pcap" "$TMPD/self.pcap" || fail "-r F -w F changed the file it read"
# a pcapng whose interfaces differ in snapshot length: libpcap's refusal, and what makes it readable
if command -v mergecap > /dev/null; then
	# arp.pcap with its header's snapshot length (bytes 16-19) set to 1000
	{ head -c 16 "$G/arp.pcap"; printf '\xe8\x03\x00\x00'; tail -c +21 "$G/arp.pcap"; } > "$TMPD/arp1000.pcap"
	mergecap -w "$TMPD/two-snaplens.pcapng" "$G/icmp.pcap" "$TMPD/arp1000.pcap" 2> /dev/null
	expect_error "snapshot length.*editcap -F pcap FILE out\.pcap" -r "$TMPD/two-snaplens.pcapng" -p
fi
# -# numbers the lines with -r as with a live --print
"$TAPSCOPE" -r "$G/icmp.pcap" -p -# | head -n 2 | tail -n 1 | grep -Eq '^    2  [0-9:.]+ ' ||
	fail "-# did not number the lines of -r"

# a gzip file: what to do with it (libpcap does not read them)
gzip -c "$G/icmp.pcap" >"$TMPD/icmp.pcap.gz"
expect_error "icmp\.pcap\.gz is gzip-compressed, which libpcap does not read: zcat .* \| tapscope -r -" -r "$TMPD/icmp.pcap.gz"
n=$(zcat "$TMPD/icmp.pcap.gz" | "$TAPSCOPE" -r - | wc -l)
[ "$n" = 20 ] || fail "zcat | -r - printed $n lines, expected 20"

# stdin
n=$(cat "$G/icmp.pcap" | "$TAPSCOPE" -r - | wc -l)
[ "$n" = 20 ] || fail "-r - printed $n lines, expected 20"

# a full disk: the lines or the file that could not be written are named, exit 1 (one thread and several)
for w in 0 3; do
	for form in -p --json -v; do
		TAPSCOPE_WORKERS=$w "$TAPSCOPE" -r "$G/dns.pcap" $form > /dev/full 2> "$TMPD/err" && fail "-r $form > /dev/full exited 0"
		grep -q "writing the lines to standard output failed: No space left on device" "$TMPD/err" ||
			fail "-r $form > /dev/full: $(cat "$TMPD/err")"
	done
done
expect_error "/dev/full holds 0 of 11 frames: writing it failed: No space left on device" -r "$G/dns.pcap" -w /dev/full

# -f selects exactly the frames tcpdump selects
need_cmd tcpdump
for expr in "icmp" "icmp6" "arp" "udp port 53" "tcp[tcpflags] & tcp-syn != 0" "ip6 and not icmp6" \
	"icmp[icmptype] == icmp-unreach" "host 10.18.0.254" "vlan"; do
	for p in icmp icmpv6 arp dns tcp ipext; do
		want=$(tcpdump -nr "$G/$p.pcap" "$expr" 2>/dev/null | wc -l)
		got=$("$TAPSCOPE" -r "$G/$p.pcap" -f "$expr" | wc -l)
		[ "$want" = "$got" ] || fail "-f '$expr' on $p.pcap: tapscope $got frames, tcpdump $want"
	done
done
# -c stops after N printed frames; --json stays one object a line
[ "$("$TAPSCOPE" -r "$G/icmp.pcap" -c 3 | wc -l)" = 3 ] || fail "-c 3 did not print 3 lines"
[ "$("$TAPSCOPE" -r "$G/dns.pcap" --json | grep -c '^{"frame":[0-9]*,"time":"[0-9T:.-]*Z",')" = 11 ] ||
	fail "--json lines malformed"
echo "offline CLI behaves"
