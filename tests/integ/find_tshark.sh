#!/usr/bin/env bash
# find_tshark.sh — the frames find visits (Ctrl-N after Ctrl-N, through build/tools/capbrowse findall)
# for Wireshark's alias fields (ip.addr, tcp.port, udp.port, ipv6.addr, eth.addr), frame.len,
# frame.cap_len, frame.number, subnets and contains, are exactly those tshark -Y selects, on dpkt's
# public captures and on golden captures with ICMP errors (whose quoted headers count too).
. "$(dirname "$0")/../lib.sh"
need_cmd tshark
DPKT=/usr/share/doc/python3-dpkt/examples/data
[ -d "$DPKT" ] || skip "python3-dpkt is not installed (make deps installs it)"
B=$BUILD/tools/capbrowse
[ -x "$B" ] || make -s -C "$TOP" build/tools/capbrowse || fail "cannot build capbrowse"

exprs=(
	'ip.addr == 145.254.160.237' 'ip.addr != 145.254.160.237' 'ip.addr == 65.208.228.223'
	'ip.addr != 65.208.228.223' 'ip.addr == 145.254.160.0/24' 'ip.src == 145.254.160.0/24'
	'ip.addr == 8.8.8.8' 'ip.addr != 192.168.43.9' 'ip.addr == 10.0.0.0/8' 'ip.addr != 10.0.0.0/8'
	'ip.addr == 10.18.0.254' 'ip.addr != 10.18.0.3' 'ip.dst == 10.18.0.3' 'udp.port == 40000'
	'tcp.port == 80' 'tcp.port != 80' 'tcp.port == 3372' 'tcp.port > 3000' 'tcp.port <= 1024'
	'udp.port == 53' 'udp.port != 53' 'udp.port ge 50000'
	'ipv6.addr' 'ipv6.addr == 2001:4860:4860::8888' 'ipv6.addr == 2000::/3' 'ipv6.addr != fe80::/10'
	'eth.addr == 00:00:01:00:00:00' 'eth.addr != 00:00:01:00:00:00' 'ip.addr' 'tcp.port'
	'frame.len > 1000' 'frame.len <= 60' 'frame.cap_len > 1000' 'frame.number == 5'
	'frame.number >= 40' 'frame.number != 5' 'dns.qry.name contains google'
)
files=("$DPKT/http.pcap" "$DPKT/nb6-http.pcap" "$DPKT/dns_icmp.pcap" "$TOP/tests/golden/icmp-err-dns.pcap"
       "$TOP/tests/golden/icmp.pcap" "$TOP/tests/golden/icmpv6.pcap")
# one file's comparisons: a line "n nonempty", or the first difference on stderr and exit 1
compare_file() {
	local f=$1 n=0 nonempty=0 want got
	for e in "${exprs[@]}"; do
		want=$(tshark -r "$f" -Y "$e" -T fields -e frame.number 2>/dev/null | tr '\n' ' ')
		got=$("$B" "$f" findall "$e" | tr '\n' ' ') || { echo "capbrowse findall '$e' on $f failed" >&2; return 1; }
		[ "$got" = "$want" ] || { echo "$(basename "$f"): find '$e' visits [$got], tshark -Y selects [$want]" >&2; return 1; }
		n=$((n + 1))
		[ -n "$want" ] && nonempty=$((nonempty + 1))
	done
	echo "$n $nonempty"
}
# the files side by side (tshark's start-up is most of the time): one job a CPU
jobs=$(nproc 2>/dev/null || echo 2)
pids=()
for i in "${!files[@]}"; do
	[ -e "${files[$i]}" ] || fail "no ${files[$i]}"
	while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do sleep 0.1; done
	compare_file "${files[$i]}" >"$TMPD/r$i" 2>"$TMPD/e$i" &
	pids+=($!)
done
for i in "${!pids[@]}"; do
	wait "${pids[$i]}" || fail "$(cat "$TMPD/e$i")"
done
n=0 nonempty=0
for i in "${!files[@]}"; do
	read -r a b <"$TMPD/r$i"
	n=$((n + a)); nonempty=$((nonempty + b))
done
[ "$nonempty" -ge 60 ] || fail "only $nonempty of $n comparisons selected any frame: the captures changed?"
note "$n conditions on ${#files[@]} captures ($nonempty selecting frames): find visits what tshark -Y selects"
echo PASS
