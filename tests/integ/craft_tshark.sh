#!/usr/bin/env bash
# craft_tshark.sh — Wireshark, an independent decoder, reads what the crafting engine builds: types, codes, fields, checksums.
# Exit 0 pass, 1 fail, 77 skip (tshark missing). No devices or traffic: craftpcap writes a pcap file.
TOP=$(cd "$(dirname "$0")/../.." && pwd)
source "$TOP/tests/lib.sh"
need_cmd tshark

TOOL=${CRAFTPCAP:-$BUILD/tools/craftpcap}	# CRAFTPCAP=path: use a tool built elsewhere
if [ -z "${CRAFTPCAP:-}" ] && [ -z "${TAPSCOPE_BUILD:-}" ]; then
	make -s -C "$TOP" build/tools/craftpcap >/dev/null || fail "cannot build build/tools/craftpcap"
fi
[ -x "$TOOL" ] || fail "no $TOOL"

n=0 failures=0

# check MODE LASTSPEC SPEC FIELDS WANT
#   MODE tun (DLT_RAW) or tap (DLT_EN10MB); LASTSPEC: the frame quote=last quotes (or "")
#   FIELDS: comma-separated tshark fields; WANT: their values, ',' between fields, ';' between
#   occurrences in one frame (a quoted packet repeats fields), '|' between frames.
# Every frame must also decode without a malformed-packet error.
check() {
	local mode=$1 last=$2 spec=$3 fields=$4 want=$5 pcap got e=() args=() f
	n=$((n + 1))
	pcap=$TMPD/case$n.pcap
	[ "$mode" = tap ] && args+=(-t)
	[ -n "$last" ] && args+=(-l "$last")
	if ! "$TOOL" "${args[@]}" -o "$pcap" "$spec"; then
		echo "FAIL $mode: craftpcap refused: $spec"; failures=$((failures + 1)); return
	fi
	IFS=, read -ra fl <<<"$fields,_ws.malformed"
	for f in "${fl[@]}"; do e+=(-e "$f"); done
	got=$(tshark -r "$pcap" -o ip.check_checksum:TRUE -T fields -E separator=, -E aggregator=';' \
		-E occurrence=a "${e[@]}" 2>/dev/null | paste -sd'|')
	want=$(sed 's/|/,|/g; s/$/,/' <<<"$want")
	if [ "$got" = "$want" ]; then
		echo "ok   $mode: $spec"
	else
		echo "FAIL $mode: $spec"
		echo "     fields: $fields"
		echo "     want:   $want"
		echo "     got:    $got"
		failures=$((failures + 1))
	fi
}

# icmp.checksum.status / ip.checksum.status / icmpv6.checksum.status: 1 Good, 0 Bad, 2 unverified
B4=icmp.type,icmp.code,icmp.checksum.status,ip.checksum.status
B6=icmpv6.type,icmpv6.code,icmpv6.checksum.status

note "ICMP"
check tun "" "icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=1 ttl=64 payload=text:hello" \
	$B4,ip.src,ip.dst,ip.ttl,icmp.ident,icmp.seq,data.data "8,0,1,1,10.18.0.3,10.18.0.1,64,7,1,68656c6c6f"
check tap "" "icmp type=echo-reply" \
	$B4,eth.src,eth.dst,ip.src,ip.dst,data.len "0,0,1,1,02:00:0a:12:00:02,02:aa:bb:cc:dd:ee,10.18.0.2,10.18.0.1,56"
# the quoted echo request (1028 bytes) is cut so the error is 576 bytes; Wireshark cannot verify the cut inner one
check tap "icmp src=10.18.0.1 dst=10.18.0.3 id=99 payload=size:1000" \
	"icmp type=dest-unreach code=port-unreach quote=last" \
	$B4,ip.src,ip.dst,ip.len,icmp.ident "3;8,3;0,1;2,1;1,10.18.0.3;10.18.0.1,10.18.0.1;10.18.0.3,576;1028,99"
check tun "" "icmp type=dest-unreach code=frag-needed mtu=1300" $B4,icmp.mtu "3,4,1,1;1,1300"
# no quote=: a stand-in IP+UDP header from the device to the peer is quoted (both IP checksums Good)
check tun "" "icmp type=dest-unreach code=admin-prohibited" $B4,ip.src,ip.dst,udp.srcport,udp.dstport \
	"3,13,1,1;1,10.18.0.2;10.18.0.1,10.18.0.1;10.18.0.2,40000,33434"
check tun "" "icmp type=time-exceeded code=ttl-exceeded" $B4 "11,0,1,1;1"
check tun "" "icmp type=time-exceeded code=frag-reassembly" $B4 "11,1,1,1;1"
check tun "" "icmp type=redirect code=redirect-host gateway=10.18.0.254" $B4,icmp.redir_gw "5,1,1,1;1,10.18.0.254"
check tun "" "icmp type=param-problem pointer=20" $B4,icmp.pointer "12,0,1,1;1,20"
check tun "" "icmp type=source-quench" $B4 "4,0,1,1;1"
check tun "" "icmp type=timestamp id=3 seq=4" $B4,icmp.ident,icmp.seq "13,0,1,1,3,4"
check tun "" "icmp type=timestamp-reply" $B4 "14,0,1,1"
check tun "" "icmp type=mask-request" $B4 "17,0,1,1"
check tun "" "icmp type=router-solicit" $B4 "10,0,1,1"
check tun "" "icmp type=router-advert" $B4 "9,0,1,1"
check tun "" "icmp checksum=bad" $B4 "8,0,0,1"
check tap "" "icmp type=dest-unreach code=3 checksum=BAD payload=hex:00" $B4 "3,3,0,1"
check tun "" "icmp df tos=0x10 ipid=99 ttl=5" $B4,ip.flags.df,ip.dsfield,ip.id,ip.ttl "8,0,1,1,1,0x10,0x0063,5"
check tun "" "icmp count=3 seq=5" icmp.seq,ip.id,icmp.checksum.status "5,0x4242,1|6,0x4243,1|7,0x4244,1"

note "ICMPv6"
check tun "" "icmp6 type=echo-request src=fd00::3 dst=fd00::1 payload=size:56" \
	$B6,ipv6.src,ipv6.dst,ipv6.hlim,data.len "128,0,1,fd00::3,fd00::1,64,56"
check tap "" "icmp6 type=echo-reply tclass=0xb8 flow=0x12345" $B6,eth.src,ipv6.tclass,ipv6.flow \
	"129,0,1,02:06:00:00:00:02,0x000000b8,0x012345"
check tun "icmp6 src=fd00::1 dst=fd00::3 payload=size:2000" "icmp6 type=dest-unreach code=port-unreach quote=last" \
	$B6,ipv6.src,ipv6.dst,ipv6.plen "1;128,4;0,1;2,fd00::3;fd00::1,fd00::1;fd00::3,1240;2008"
check tun "" "icmp6 type=packet-too-big mtu=1400" $B6,icmpv6.mtu "2,0,1,1400"
check tun "" "icmp6 type=time-exceeded code=hop-limit-exceeded" $B6,ipv6.src,ipv6.dst,udp.dstport,udp.checksum.status \
	"3,0,1,fd00::2;fd00::1,fd00::1;fd00::2,33434,2"
check tun "" "icmp6 type=param-problem code=unknown-next-header pointer=40" $B6,icmpv6.pointer "4,1,1,40"
check tun "" "icmp6 checksum=bad" $B6 "128,0,0"

note "NDP"
check tap "" "icmp6 type=neighbor-solicit" \
	$B6,ipv6.hlim,ipv6.dst,eth.dst,icmpv6.nd.ns.target_address,icmpv6.opt.type,icmpv6.opt.linkaddr \
	"135,0,1,255,ff02::1:ff00:1,33:33:ff:00:00:01,fd00::1,1,02:06:00:00:00:02"
check tap "" "icmp6 type=neighbor-solicit src=:: target=fd00::7" $B6,ipv6.dst,icmpv6.opt.type "135,0,1,ff02::1:ff00:7,"
check tun "" "icmp6 type=neighbor-solicit" $B6,icmpv6.opt.type "135,0,1,"
check tap "" "icmp6 type=neighbor-advert src=fd00::3" \
	$B6,ipv6.hlim,icmpv6.nd.na.flag.r,icmpv6.nd.na.flag.s,icmpv6.nd.na.flag.o,icmpv6.nd.na.target_address,icmpv6.opt.type,icmpv6.opt.linkaddr \
	"136,0,1,255,0,1,1,fd00::3,2,02:06:00:00:00:03"
check tap "" "icmp6 type=router-advert src=fe80::1 flags=M prefix=fd00:1::/64" \
	$B6,ipv6.dst,icmpv6.nd.ra.flag.m,icmpv6.nd.ra.router_lifetime,icmpv6.opt.type,icmpv6.opt.prefix,icmpv6.opt.prefix.length,icmpv6.opt.linkaddr \
	"134,0,1,ff02::1,1,1800,1;3,fd00:1::,64,02:06:00:00:00:01"
check tap "" "icmp6 type=router-solicit" $B6,ipv6.dst,eth.dst,icmpv6.opt.type "133,0,1,ff02::2,33:33:00:00:00:02,1"
check tap "icmp6 src=fd00::1 dst=fd00::9 payload=size:100" \
	"icmp6 type=redirect src=fe80::1 target=fe80::1 rdst=fd00::9 quote=last" \
	$B6,icmpv6.nd.rd.target_address,icmpv6.rd.na.destination_address,icmpv6.opt.type,icmpv6.opt.linkaddr \
	"137;128,0;0,1;2,fe80::1,fd00::9,2;4,02:06:00:00:00:01"

echo "$n cases, $failures failed"
[ "$failures" -eq 0 ] || exit 1
exit 0
