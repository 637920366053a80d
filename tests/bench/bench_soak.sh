#!/usr/bin/env bash
# bench_soak.sh — a long run: BENCH_SOAK_FRAMES (default 10,000,000) frames through tap0 with echo replies
# on, the full-screen UI open in tmux (80x24, following) and every frame written to a pcap. tapscope's
# resident memory is sampled every second: its peak must stay <= 64 MiB and flat once the frame list is
# full; and the kernel's counters, tapscope's counters and the frames in the pcap must agree.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
FRAMES=${BENCH_SOAK_FRAMES:-10000000}
PINGS=$((FRAMES / 2))		# each ping is a request and a reply
PCAP=$TMPD/soak.pcap

ui_start 80 24
keys "$UI_BIN --netns $NS --echo -w $PCAP 2>$TMPD/err" Enter
screen_wait '^ tapscope  ' 10 || fail "the UI did not start"
pid=$(ui_pid)
[ -n "$pid" ] || fail "no tapscope process"
for _ in $(seq 100); do nsexec ip -br addr show tap0 2>/dev/null | grep -q 10.18.0.1 && break; sleep 0.05; done
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply"

: >"$TMPD/rss"
( while kill -0 "$pid" 2>/dev/null; do awk '/VmRSS/ { print $2 }' "/proc/$pid/status" 2>/dev/null; sleep 1; done ) \
	>"$TMPD/rss" 2>/dev/null & sampler=$!
start=$(date +%s)
nsexec ping -q -f -l 8 -c "$PINGS" 10.18.0.3 >"$TMPD/ping" 2>&1
secs=$(( $(date +%s) - start ))
sleep 1
peak=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
read -r ktx krx < <(nsexec ip -j -s link show tap0 | python3 -c 'import json,sys
s = json.load(sys.stdin)[0]["stats64"]; print(s["tx"]["packets"], s["rx"]["packets"])')
keys q
for _ in $(seq 200); do grep -q 'frames (' "$TMPD/err" 2>/dev/null && break; sleep 0.1; done
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null
line=$(grep -m1 'frames (' "$TMPD/err")
[ -n "$line" ] || fail "no summary: $(cat "$TMPD/err")"
tin=$(echo "$line" | sed -n 's/.*(\([0-9]*\) from the kernel.*/\1/p')
tout=$(echo "$line" | sed -n 's/.* \([0-9]*\) to it).*/\1/p')
infile=$("$TOP/build/tools/pcaploop" "$PCAP" | awk '{ print $1 }')
# flat: once the list is full (after the first fifth of the run, 3 s at least), the samples stay within 4 MiB
n=$(wc -l <"$TMPD/rss"); skip=$(( n / 5 > 3 ? n / 5 : 3 ))
flat=$(awk -v skip="$skip" 'NR > skip { if (min == "" || $1 < min) min = $1; if ($1 > max) max = $1 }
	END { printf "%d %d", min / 1024, max / 1024 }' "$TMPD/rss")
echo "soak: $PINGS pings in ${secs}s ($(grep -o '[0-9]*% packet loss' "$TMPD/ping"))"
echo "  peak RSS $((peak / 1024)) MiB (goal <= 64); RSS once the list was full, min/max MiB: $flat"
echo "  kernel: $ktx frames sent into tap0, $krx taken from it; tapscope: $tin from the kernel, $tout to it; pcap: $infile frames"
awk -v p="$peak" -v f="$flat" 'BEGIN { split(f, a, " "); ok = p / 1024 <= 64 && a[2] - a[1] <= 4
	printf "RSS: %s\n", ok ? "MET" : "NOT MET" }'
if [ "$ktx" = "$tin" ] && [ "$krx" = "$tout" ] && [ "$infile" = $((tin + tout)) ]; then
	echo "counters: kernel = tapscope = pcap: MET"
else
	echo "counters: NOT MET"
fi
