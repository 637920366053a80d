#!/usr/bin/env bash
# bench_decode.sh — offline decoding speed on 1,000,000 generated mixed frames (ARP, ICMP, ICMPv6/NDP,
# DNS, TCP), in one run against two baselines: a bare libpcap read loop (build/tools/pcaploop) and
# tcpdump -nr. Goals: tapscope -r F --print <= 3 x the bare loop and <= 0.5 x tcpdump; --json <= 8 x
# the bare loop; peak RSS <= 16 MiB. The pcap is generated into /tmp (never committed).
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
[ -x build/tools/pcaploop ] || make -s build/tools/pcaploop || exit 1
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

read -r bl_t bl_m < <(measure build/tools/pcaploop "$PCAP")
read -r td_t td_m < <(measure tcpdump -nr "$PCAP")
read -r ts_t ts_m < <(measure "${DEC[@]}" -p)
read -r js_t js_m < <(measure "${DEC[@]}" --json)
bytes=$("${DEC[@]}" --json | wc -c)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
p_loop=$(ratio "$ts_t" "$bl_t"); j_loop=$(ratio "$js_t" "$bl_t"); p_td=$(ratio "$ts_t" "$td_t")
mem=$(( ts_m > js_m ? ts_m : js_m ))
echo "frames:              $N ($(du -m "$PCAP" | cut -f1) MB pcap); best of 3 runs each, output to /dev/null"
echo "bare libpcap loop:   ${bl_t}s, peak ${bl_m} KiB"
echo "tcpdump -nr:         ${td_t}s, peak ${td_m} KiB"
echo "tapscope --print:    ${ts_t}s, peak ${ts_m} KiB"
echo "tapscope --json:     ${js_t}s, peak ${js_m} KiB, $(awk -v n="$N" -v t="$js_t" 'BEGIN { printf "%.0f", (t > 0 ? n / t : 0) }') frames/s, $(awk -v b="$bytes" -v t="$js_t" 'BEGIN { printf "%.0f", (t > 0 ? b / t / 1048576 : 0) }') MiB/s of JSON"
echo "--print:             $p_loop x the bare loop (goal <= 3), $p_td x tcpdump (goal <= 0.5)"
echo "--json:              $j_loop x the bare loop (goal <= 8)"
echo "memory:              $(awk -v m="$mem" 'BEGIN { printf "%.1f", m / 1024 }') MiB peak (goal <= 16 MiB)"
ok=1
awk -v r="$p_loop" 'BEGIN { exit !(r <= 3) }' || { echo "bench_decode: --print goal missed (bare loop)"; ok=0; }
awk -v r="$p_td" 'BEGIN { exit !(r <= 0.5) }' || { echo "bench_decode: --print goal missed (tcpdump)"; ok=0; }
awk -v r="$j_loop" 'BEGIN { exit !(r <= 8) }' || { echo "bench_decode: --json goal missed"; ok=0; }
[ "$mem" -le 16384 ] || { echo "bench_decode: memory goal missed"; ok=0; }
[ $ok = 1 ]
