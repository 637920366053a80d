#!/usr/bin/env bash
# bench_decode.sh — decoding speed against tcpdump on 1,000,000 generated mixed frames (ARP, ICMP,
# ICMPv6/NDP, DNS, TCP). Goals: tapscope -r F --print ≤ 0.5 x tcpdump -nr F wall time, peak RSS ≤ 16 MiB.
# The pcap is generated into /tmp (never committed). Prints both ratios and --json throughput.
set -u
cd "$(dirname "$0")/../.."
N=${BENCH_FRAMES:-1000000}
PCAP=/tmp/tapscope-bench-$N.pcap
command -v tcpdump >/dev/null || { echo "bench_decode: tcpdump not installed"; exit 1; }
[ -x build/tools/genbench ] || make -s build/tools/genbench || exit 1
if [ ! -s "$PCAP" ] || [ build/tools/genbench -nt "$PCAP" ]; then
	build/tools/genbench "$N" "$PCAP" || exit 1
fi
if ./tapscope -r "$PCAP" -c 1 >/dev/null 2>&1; then
	DEC=(./tapscope -r "$PCAP")
else
	echo "bench_decode: tapscope does not read files yet; measuring build/tools/decodefile (same offline_run)"
	DEC=(build/tools/decodefile "$PCAP")
fi

[ -x build/tools/runstat ] || make -s build/tools/runstat || exit 1
# best of 3 wall-clock seconds and the peak RSS (KiB) of a command whose output goes to /dev/null
measure() {
	local best="" rss=0 i out t m
	for i in 1 2 3; do
		out=$(build/tools/runstat "$@" 2>/dev/null | tail -n 1)
		t=${out% *}; m=${out#* }
		if [ -z "$best" ] || awk -v a="$t" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$t; fi
		[ "$m" -gt "$rss" ] && rss=$m
	done
	echo "$best $rss"
}

read -r td_t td_m < <(measure tcpdump -nr "$PCAP")
read -r ts_t ts_m < <(measure "${DEC[@]}" -p)
read -r js_t js_m < <(measure "${DEC[@]}" --json)
bytes=$("${DEC[@]}" --json | wc -c)
ratio=$(awk -v a="$ts_t" -v b="$td_t" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
mem_mib=$(awk -v m="$ts_m" 'BEGIN { printf "%.1f", m / 1024 }')
echo "frames:            $N ($(du -m "$PCAP" | cut -f1) MB pcap)"
echo "tcpdump -nr:       ${td_t}s, peak ${td_m} KiB"
echo "tapscope --print:  ${ts_t}s, peak ${ts_m} KiB"
echo "time ratio:        $ratio x tcpdump (goal <= 0.50)"
echo "memory:            $mem_mib MiB peak (goal <= 16 MiB)"
echo "tapscope --json:   ${js_t}s, peak ${js_m} KiB, $(awk -v n="$N" -v t="$js_t" 'BEGIN { printf "%.0f", (t > 0 ? n / t : 0) }') frames/s, $(awk -v b="$bytes" -v t="$js_t" 'BEGIN { printf "%.0f", (t > 0 ? b / t / 1048576 : 0) }') MiB/s of JSON"
ok=1
awk -v r="$ratio" 'BEGIN { exit !(r <= 0.5) }' || { echo "bench_decode: time goal missed"; ok=0; }
[ "$ts_m" -le 16384 ] || { echo "bench_decode: memory goal missed"; ok=0; }
[ $ok = 1 ]
