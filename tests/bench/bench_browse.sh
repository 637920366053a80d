#!/usr/bin/env bash
# bench_browse.sh — the offline browser on a generated 10,000,000-frame Ethernet file of mixed
# protocols, against tcpdump -nr F > /dev/null and a bare libpcap read loop over the same file, in one
# run. First its core (src/capindex.h, driven by build/tools/capbrowse): the first screen (open, index
# a first step, decode 50 rows), the full index (in steps of 65536 frames; the longest step is shown),
# End (the last 50 rows), a BPF filter over the whole file, a text find and a field-condition find that
# hit near the end, and peak RSS. Then the real thing (acceptance 1): tapscope -r F in tmux at 160x48,
# timed from the shell's fork to what the screen shows: the first rows, indexing done, End showing
# frame 10000000, the filter's count on the status bar, a find's answer; and tapscope's peak RSS.
# Goals: first screen <= 0.5 s, peak RSS <= 64 MiB. The file is generated into /tmp, never committed.
set -u
cd "$(dirname "$0")/../.."
TOPDIR=$PWD
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

read -r bl_t bl_m _ < <(build/tools/runstat build/tools/pcaploop "$PCAP" 2>/dev/null | tail -n 1)
read -r td_t td_m _ < <(build/tools/runstat tcpdump -nr "$PCAP" 2>/dev/null | tail -n 1)
# capbrowse times its own steps and reports its own peak RSS (getrusage)
out=$(build/tools/capbrowse "$PCAP" bench icmp "$text" "$cond" 2>&1) || { echo "$out"; exit 1; }
get() { echo "$out" | awk -v k="$1" '$1 == k { print $2 }'; }
cb_m=$(get peak_kib)

# ---- tapscope -r F itself, in tmux (tests/uilib.sh: a private tmux server, a plain shell) ----
ui_bench() (
	[ "$(id -u)" = 0 ] && command -v tmux >/dev/null || { echo "tmux UI:                skipped (needs root and tmux)"; return 0; }
	. "$TOPDIR/tests/lib.sh"
	. "$TOPDIR/tests/uilib.sh"
	ns() { date +%s%N; }
	since() { awk -v a="$1" -v b="$(ns)" 'BEGIN { printf "%.3f", (b - a) / 1e9 }'; }
	until_screen() {	# until_screen REGEX SECS: polls the screen (each poll ~10 ms)
		local re=$1 deadline=$(( $(ns) + $2 * 1000000000 ))
		while [ "$(ns)" -lt "$deadline" ]; do
			screen | grep -Eq -- "$re" && return 0
		done
		screen_dump >&2
		fail "the browser never showed /$re/"
	}
	ui_start 160 48
	keys "date +%s%N > $TMPD/t0; $UI_BIN -r $PCAP" Enter
	until_screen ' +1 +0\.000000 +ARP ' 10
	first=$(since "$(cat "$TMPD/t0")")
	until_screen "^ $N frames +\? help" 120
	index=$(since "$(cat "$TMPD/t0")")
	t=$(ns); keys End
	until_screen "frame $N [-<>] IP " 10
	end=$(since "$t")
	t=$(ns); keys /; keys_literal icmp; keys Enter
	until_screen "^ $N frames  filter: icmp: [0-9]+ shown +\? help" 120
	filt=$(since "$t"); shown=$(screen | sed -nE 's/.*filter: icmp: ([0-9]+) shown.*/\1/p')
	keys /; keys C-u; keys Enter
	until_screen "^ $N frames +\? help" 10
	keys Home
	t=$(ns); keys f; keys_literal "$text"; keys Enter
	until_screen "^frame [0-9]+ matches \"$text\"" 120
	findt=$(since "$t"); at=$(screen | sed -nE 's/^frame ([0-9]+) matches.*/\1/p')
	t=$(ns); keys Home; keys f; keys C-u; keys_literal "$cond"; keys Enter
	until_screen "^frame [0-9]+ matches $cond" 300
	findc=$(since "$t"); atc=$(screen | sed -nE 's/^frame ([0-9]+) matches.*/\1/p')
	hwm=$(awk '/^VmHWM/ { print $2 }' "/proc/$(ui_pid)/status")
	keys q
	ui_prompt_back 5
	echo "tmux: first rows:       ${first}s after the fork (goal <= 0.5 s)"
	echo "tmux: indexing done:    ${index}s ($(awk -v a="$index" -v b="$bl_t" 'BEGIN { printf "%.1f", a / b }') x the bare loop, $(awk -v a="$index" -v b="$td_t" 'BEGIN { printf "%.3f", a / b }') x tcpdump)"
	echo "tmux: End:              ${end}s to show frame $N"
	echo "tmux: filter 'icmp':    ${filt}s over the whole file, $shown shown (capbrowse: $(echo "$out" | awk '$1 == "filter" { print $3 }'))"
	echo "tmux: find text:        ${findt}s, frame $at"
	echo "tmux: find condition:   ${findc}s, frame $atc"
	echo "tmux: peak RSS:         $(awk -v m="$hwm" 'BEGIN { printf "%.1f", m / 1024 }') MiB (goal <= 64 MiB)"
	ok=0
	awk -v t="$first" 'BEGIN { exit !(t <= 0.5) }' || { echo "bench_browse: tmux first-screen goal missed"; ok=1; }
	[ "$hwm" -le 65536 ] || { echo "bench_browse: tmux memory goal missed"; ok=1; }
	[ "$shown" = "$(echo "$out" | awk '$1 == "filter" { print $3 }')" ] || { echo "bench_browse: the UI's filter count differs"; ok=1; }
	[ "$at" = "$(echo "$out" | awk '$1 == "find_text" { print $4 }')" ] || { echo "bench_browse: the UI found another frame"; ok=1; }
	[ "$atc" = "$(echo "$out" | awk '$1 == "find_condition" { print $4 }')" ] || { echo "bench_browse: the UI found another frame"; ok=1; }
	return $ok
)
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
ui_bench || ok=0
awk -v t="$(get first_screen)" 'BEGIN { exit !(t <= 0.5) }' || { echo "bench_browse: first-screen goal missed"; ok=0; }
[ "$cb_m" -le 65536 ] || { echo "bench_browse: memory goal missed"; ok=0; }
[ "$(get frames)" = "$N" ] || { echo "bench_browse: indexed $(get frames) of $N frames"; ok=0; }
echo "$out" | grep -q '^find_text .* found' || { echo "bench_browse: the text find found nothing"; ok=0; }
echo "$out" | grep -q '^find_condition .* found' || { echo "bench_browse: the condition find found nothing"; ok=0; }
[ $ok = 1 ]
