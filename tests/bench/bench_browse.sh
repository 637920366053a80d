#!/usr/bin/env bash
# bench_browse.sh — the offline browser's core (src/capindex.h, driven by build/tools/capbrowse) on a
# generated 10,000,000-frame Ethernet file of mixed protocols, against tcpdump -nr F > /dev/null and a
# bare libpcap read loop over the same file, in one run. Measures: the first screen (open, index a
# first step, decode 50 rows), the full index (in steps of 65536 frames, as the UI's event loop calls
# it; the longest step is shown), End (the last 50 rows), a BPF filter over the whole file, a text find
# and a field-condition find that hit near the end, and peak RSS. Goals: first screen <= 0.5 s,
# peak RSS <= 64 MiB. The file is generated into /tmp, never committed.
set -u
cd "$(dirname "$0")/../.."
N=${BENCH_BROWSE_FRAMES:-10000000}
PCAP=/tmp/tapscope-bench-$N.pcap
make -s build/tools/genbench build/tools/capbrowse build/tools/pcaploop build/tools/runstat || exit 1
command -v tcpdump >/dev/null || { echo "bench_browse: tcpdump not installed"; exit 1; }
if [ ! -s "$PCAP" ] || [ build/tools/genbench -nt "$PCAP" ]; then
	echo "generating $N frames into $PCAP ..."
	build/tools/genbench "$N" "$PCAP" || exit 1
fi
# genbench: frame i is kind i % 12 of round id = i / 12; kind 11 is a TCP segment with seq 1000 + id
last_id=$(( (N - 12) / 12 ))
text="seq $((1000 + last_id)):"
cond="tcp.seq_raw == $((1000 + last_id))"

read -r bl_t bl_m < <(build/tools/runstat build/tools/pcaploop "$PCAP" 2>/dev/null | tail -n 1)
read -r td_t td_m < <(build/tools/runstat tcpdump -nr "$PCAP" 2>/dev/null | tail -n 1)
# capbrowse times its own steps and reports its own peak RSS (getrusage)
out=$(build/tools/capbrowse "$PCAP" bench icmp "$text" "$cond" 2>&1) || { echo "$out"; exit 1; }
get() { echo "$out" | awk -v k="$1" '$1 == k { print $2 }'; }
cb_m=$(get peak_kib)
echo "frames:                 $(get frames) ($(du -m "$PCAP" | cut -f1) MB pcap)"
echo "bare libpcap loop:      ${bl_t}s, peak ${bl_m} KiB"
echo "tcpdump -nr > /dev/null: ${td_t}s, peak ${td_m} KiB"
echo "first screen:           $(get first_screen)s (goal <= 0.5 s)"
echo "full index:             $(get full_index)s = $(awk -v a="$(get full_index)" -v b="$bl_t" 'BEGIN { printf "%.2f", a / b }') x the bare loop, $(awk -v a="$(get full_index)" -v b="$td_t" 'BEGIN { printf "%.3f", a / b }') x tcpdump; longest step $(get worst_step)s"
echo "End (last 50 rows):     $(get last_screen)s"
echo "BPF filter 'icmp':      $(echo "$out" | awk '$1 == "filter" { print $2 "s, " $3 " matches" }')"
echo "find text '$text':  $(echo "$out" | awk '$1 == "find_text" { print $2 "s, " $3 " at frame " $4 }')"
echo "find '$cond': $(echo "$out" | awk '$1 == "find_condition" { print $2 "s, " $3 " at frame " $4 }')"
echo "peak RSS:               $(awk -v m="$cb_m" 'BEGIN { printf "%.1f", m / 1024 }') MiB (goal <= 64 MiB)"
ok=1
awk -v t="$(get first_screen)" 'BEGIN { exit !(t <= 0.5) }' || { echo "bench_browse: first-screen goal missed"; ok=0; }
[ "$cb_m" -le 65536 ] || { echo "bench_browse: memory goal missed"; ok=0; }
[ "$(get frames)" = "$N" ] || { echo "bench_browse: indexed $(get frames) of $N frames"; ok=0; }
echo "$out" | grep -q '^find_text .* found' || { echo "bench_browse: the text find found nothing"; ok=0; }
echo "$out" | grep -q '^find_condition .* found' || { echo "bench_browse: the condition find found nothing"; ok=0; }
[ $ok = 1 ]
