#!/usr/bin/env bash
# bench_decode.sh — offline decoding speed on 1,000,000 generated mixed frames (ARP, ICMP, ICMPv6/NDP,
# DNS, TCP), in one run against two baselines: a bare libpcap read loop (build/tools/pcaploop) and
# tcpdump -nr. Goals: tapscope -r F --print <= 3 x the bare loop and <= 0.5 x tcpdump; --json <= 8 x
# the bare loop; peak RSS <= 16 MiB. The pcap is generated into /tmp (never committed).
# tapscope makes the lines on worker threads (offpar.c) when it has more than one CPU: the goals are
# judged on wall-clock time, and the CPU time of all threads and the one-thread run
# (TAPSCOPE_WORKERS=0) are printed beside it, so what the threads buy is in plain view.
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
# Best wall-clock seconds and peak RSS (KiB) of each command, output to /dev/null. The commands
# take turns, ROUNDS rounds of one run each, so a slow spell of a shared machine falls on all of
# them alike and not on whichever was being measured then (the ratios are what is judged).
ROUNDS=${BENCH_ROUNDS:-5}
CMDS=("build/tools/pcaploop $PCAP" "tcpdump -nr $PCAP" "${DEC[*]} -p" "${DEC[*]} --json"
	"env TAPSCOPE_WORKERS=0 ${DEC[*]} -p" "env TAPSCOPE_WORKERS=0 ${DEC[*]} --json")
declare -a best rss cpu
for ((r = 0; r < ROUNDS; r++)); do
	for i in "${!CMDS[@]}"; do
		# shellcheck disable=SC2086  # the command's words
		out=$(build/tools/runstat ${CMDS[$i]} 2>/dev/null | tail -n 1)
		read -r t m c <<< "$out"
		if [ -z "${best[$i]:-}" ] || awk -v a="$t" -v b="${best[$i]}" 'BEGIN { exit !(a < b) }'; then
			best[$i]=$t; cpu[$i]=$c
		fi
		[ "$m" -gt "${rss[$i]:-0}" ] && rss[$i]=$m
	done
done
bl_t=${best[0]} bl_m=${rss[0]} td_t=${best[1]} td_m=${rss[1]}
ts_t=${best[2]} ts_m=${rss[2]} js_t=${best[3]} js_m=${rss[3]}
bytes=$("${DEC[@]}" --json | wc -c)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
p_loop=$(ratio "$ts_t" "$bl_t"); j_loop=$(ratio "$js_t" "$bl_t"); p_td=$(ratio "$ts_t" "$td_t")
mem=$(( ts_m > js_m ? ts_m : js_m ))
echo "frames:              $N ($(du -m "$PCAP" | cut -f1) MB pcap); best of $ROUNDS runs each, taking turns, output to /dev/null"
echo "bare libpcap loop:   ${bl_t}s, peak ${bl_m} KiB"
echo "tcpdump -nr:         ${td_t}s, peak ${td_m} KiB"
echo "tapscope --print:    ${ts_t}s, peak ${ts_m} KiB"
echo "tapscope --json:     ${js_t}s, peak ${js_m} KiB, $(awk -v n="$N" -v t="$js_t" 'BEGIN { printf "%.0f", (t > 0 ? n / t : 0) }') frames/s, $(awk -v b="$bytes" -v t="$js_t" 'BEGIN { printf "%.0f", (t > 0 ? b / t / 1048576 : 0) }') MiB/s of JSON"
workers=$(nproc 2>/dev/null)
echo "--print:             $p_loop x the bare loop (goal <= 3), $p_td x tcpdump (goal <= 0.5)"
echo "--json:              $j_loop x the bare loop (goal <= 8)"
echo "CPU time, all threads ($workers CPUs): --print ${cpu[2]}s = $(ratio "${cpu[2]}" "$bl_t") x, --json ${cpu[3]}s = $(ratio "${cpu[3]}" "$bl_t") x the bare loop's wall time"
echo "one thread (TAPSCOPE_WORKERS=0): --print ${best[4]}s = $(ratio "${best[4]}" "$bl_t") x, --json ${best[5]}s = $(ratio "${best[5]}" "$bl_t") x the bare loop"
echo "memory:              $(awk -v m="$mem" 'BEGIN { printf "%.1f", m / 1024 }') MiB peak (goal <= 16 MiB)"
ok=1
awk -v r="$p_loop" 'BEGIN { exit !(r <= 3) }' || { echo "bench_decode: --print goal missed (bare loop)"; ok=0; }
awk -v r="$p_td" 'BEGIN { exit !(r <= 0.5) }' || { echo "bench_decode: --print goal missed (tcpdump)"; ok=0; }
awk -v r="$j_loop" 'BEGIN { exit !(r <= 8) }' || { echo "bench_decode: --json goal missed"; ok=0; }
[ "$mem" -le 16384 ] || { echo "bench_decode: memory goal missed"; ok=0; }
[ $ok = 1 ]
