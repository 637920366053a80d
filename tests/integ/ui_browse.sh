#!/usr/bin/env bash
# ui_browse.sh — the offline browser in tmux (tapscope -r FILE on a terminal), on a generated
# 200,000-frame Ethernet file of mixed protocols: the first rows and the file pane, indexing to the
# end (End shows the last frame), a BPF filter over the whole file (tcpdump's count), find by text
# and by field condition with next/previous, go to a frame (one the filter hides too), w saving the
# filtered frames (as tcpdump reads them back, pcap and pcapng), pcapng directions as arrows, stdin,
# a damaged file, keys that need a device (refused, and marked in help), the Protocol column and
# inner addresses of tunnelled frames (golden L2TP and AH captures), and -r without a terminal
# still printing lines.
# The 10,000,000-frame measurement is tests/bench/bench_browse.sh (make bench).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
need_cmd tcpdump
G=$TOP/tests/golden
N=200000
F=$TMPD/mixed.pcap
[ -x "$TOP/build/tools/genbench" ] || make -s -C "$TOP" build/tools/genbench || fail "cannot build genbench"
"$TOP/build/tools/genbench" "$N" "$F" >/dev/null || fail "genbench failed"
# genbench: frame n is kind (n-1) % 12 of round (n-1) / 12; kinds 8-11 are TCP with seq 1000 + round

info_line() { screen | grep -oE "frame [0-9]+ [-<>] .*" | head -1; }
selected() { info_line | sed -E 's/^frame ([0-9]+) .*/\1/'; }
wait_selected() {	# wait_selected N: the info line (the selected frame) shows frame N
	local deadline=$(( $(date +%s%N) + ${2:-5} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		[ "$(selected)" = "$1" ] && return 0
		sleep 0.05
	done
	screen_dump >&2
	fail "the selected frame is $(selected), not $1"
}

# 1. the first screen: rows from frame 1, the file pane, and frame 1 selected
ui_start 120 32 -r "$F"
screen_wait "^ tapscope  $F \(pcap, Ethernet\)" 2
screen_wait '^ file +No\. +Time' 2
screen_wait ' +1 +0\.000000 +ARP +10\.18\.0\.1 ' 2
screen_wait '^ +pcap, Ethernet \(EN10MB\)' 2
wait_selected 1
note "first screen: $(screen | grep -E ' +1 +0\.000000 ' | head -1 | cut -c46-110)"

# 2. indexing ends: every frame counted, End goes to the last one
screen_wait "^ $N frames +\? help" 10
screen_wait "^   $N " 2	# the file pane's frame count
screen_wait '^   [0-9.]+ MiB on disk, [0-9.]+ MiB on the w' 2	# no "so far" once indexed
screen | grep -q 'so far' && fail "the file pane still says 'so far' after indexing"
keys End
wait_selected $N
screen_wait " $N +199\.999000 " 2
note "End: frame $N"

# 3. go to a frame by its number
keys C-g
screen_wait '^go to frame:' 2
keys_literal 123456
keys Enter
wait_selected 123456
screen_wait '^frame 123456$' 2
keys C-g
keys_literal 999999999
keys Enter
screen_wait "^no frame 999999999: the file has $N frames" 3
keys C-g
keys_literal abc
keys Enter
screen_wait "^go to what\? 'abc' is not a frame number" 2
note "go to: 123456, and refusals"

# 4. find: text in the summary, forward from the selected frame; next and previous
want=$("$TAPSCOPE" -r "$F" | grep -n 'seq 1500:' | head -1 | cut -d: -f1)
[ -n "$want" ] || fail "no 'seq 1500:' frame in the file"
keys Home
wait_selected 1
keys f
screen_wait '^find \(text, or ip\.ttl == 1\):' 2
keys_literal 'seq 1500:'
keys Enter
wait_selected "$want"
screen_wait "^frame $want matches \"seq 1500:\" \(Ctrl-N next, Ctrl-B previous\)" 3
# a field condition: the four TCP frames of round 500 (kinds 8 to 11) have tcp.seq_raw 1500
keys Home
keys C-f
keys_literal 'tcp.seq_raw == 1500'
keys Enter
wait_selected 6009
keys C-n
wait_selected 6010
keys F3
wait_selected 6011
keys C-b
wait_selected 6010
keys End
wait_selected $N
keys C-n		# past the last frame: on from the first, as Wireshark and vim do
wait_selected 6009 10
screen_wait "^frame 6009 matches tcp\.seq_raw == 1500 \(none after: from the start again; Ctrl-N next" 3
keys C-b		# and back past the first: from the last
wait_selected 6012 10
screen_wait "^frame 6012 matches tcp\.seq_raw == 1500 \(none before: from the end again; " 3
keys f
keys C-u
keys_literal 'ip.ttl =='
keys Enter
screen_wait '^cannot find that: ' 2
screen_wait '^find \(text, or ip\.ttl == 1\): ip\.ttl == *$' 2	# open on the text, to mend
keys Escape
note "find: text at frame $want, tcp.seq_raw == 1500 at 6009..6012 with next/previous"

# 5. a filter over the whole file: tcpdump's count, and only ICMP rows
icmp=$(tcpdump -nr "$F" icmp 2>/dev/null | wc -l)
keys /
keys C-u
keys_literal icmp
keys Enter
screen_wait "^ $N frames  filter: icmp: $icmp shown +\? help" 10
rows=$(screen | cut -c41- | grep -E '^ *[0-9]+ +[0-9]+\.[0-9]{6} ' | awk '{print $3}' | sort -u | tr '\n' ' ')
[ "$rows" = "ICMP " ] || fail "filtered rows are not all ICMP: $rows"
# go to a frame the filter hides: the nearest shown one (none before frame 1: the next); find among the shown rows only
keys C-g
keys_literal 1
keys Enter
screen_wait '^frame 1 is not shown \(filter: icmp\): frame 3 selected' 3
keys f
keys C-u
keys_literal 'seq 1500:'
keys Enter
screen_wait '^no frame in view matches "seq 1500:"' 5
# one between two shown rows: the nearer of them (frame numbers from tcpdump --number)
tcpdump --number -nr "$F" 2>/dev/null | awk '/: ICMP / { print $1 }' > "$TMPD/icmpnums"	# (with a filter it numbers the shown)
lo=$(awk 'NR > 1 && $1 - p > 3 { print p; exit } { p = $1 }' "$TMPD/icmpnums")
hi=$(awk -v lo="$lo" '$1 > lo { print; exit }' "$TMPD/icmpnums")
[ -n "$lo" ] && [ -n "$hi" ] || fail "no two ICMP frames 4 apart in the file"
near=$((lo + 1))
keys C-g
keys_literal "$near"
keys Enter
screen_wait "^frame $near is not shown \(filter: icmp\): frame $lo selected" 3
near=$((hi - 1))
keys C-g
keys_literal "$near"
keys Enter
screen_wait "^frame $near is not shown \(filter: icmp\): frame $hi selected" 3
note "go to a hidden frame: frame $((lo + 1)) -> $lo, $((hi - 1)) -> $hi (ICMP rows $lo and $hi)"
note "filter icmp: $icmp frames, as tcpdump"

# 6. w: the filtered frames, as pcap and as pcapng, read back by tcpdump
keys w
screen_wait '^save the frames in view to:' 2
keys_literal "$TMPD/icmp.pcap"
keys Enter
screen_wait "^saved $icmp frames to $TMPD/icmp\.pcap" 10
[ "$(tcpdump -nr "$TMPD/icmp.pcap" 2>/dev/null | wc -l)" = "$icmp" ] || fail "tcpdump reads another count back"
cmp <(tcpdump -nr "$TMPD/icmp.pcap" 2>/dev/null) <(tcpdump -nr "$F" icmp 2>/dev/null) || fail "saved frames differ"
keys w
keys_literal "$TMPD/icmp.pcapng"
keys Enter
screen_wait "^saved $icmp frames to $TMPD/icmp\.pcapng" 10
[ "$(od -An -tx4 -N4 "$TMPD/icmp.pcapng" | tr -d ' ')" = 0a0d0d0a ] || fail "icmp.pcapng is not pcapng"
[ "$(tcpdump -nr "$TMPD/icmp.pcapng" 2>/dev/null | wc -l)" = "$icmp" ] || fail "the pcapng holds another count"
note "w: $icmp frames as pcap and pcapng"
# w over the file being browsed is refused, and the file is left whole
sum0=$(md5sum <"$F")
keys w
screen_wait '^save the frames in view to:' 2
keys C-u
keys_literal "$F"
keys Enter
screen_wait "is the file being browsed: saving over it would destroy it" 3
[ "$(md5sum <"$F")" = "$sum0" ] || fail "the browsed file changed"

# on 80x24 the file pane is a strip of three lines that says where the rest is
tm resize-window -t "$UI_SESSION" -x 80 -y 24
screen_wait "^ mixed\.pcap  pcap, Ethernet  " 3
screen_wait "^ $N frames, first " 2
screen_wait "^ filter icmp: $icmp shown  S-Tab: file pane" 2
tm resize-window -t "$UI_SESSION" -x 160 -y 48
screen_wait "^ frames" 3
screen_wait "^   first 20" 2
tm resize-window -t "$UI_SESSION" -x 120 -y 32
screen_wait "^   first 20" 3
note "80x24: the file strip; 160x48: the whole pane (frames, times)"

# 7. keys that need a device say so (the netlink pane's too); q quits and leaves the terminal sane
keys e
screen_wait '^echo: only on a live device, and this is a file' 2
keys d
screen_wait 'only on a live device, and this is a file' 2
screen | grep -q 'acts in the netlink pane' && fail "d points to a netlink pane the browser does not have"
keys i
screen_wait '^form: only on a live device, and this is a file' 2
keys t		# the timeline shows netlink events: a file has none
screen_wait '^timeline: only on a live device, and this is a file' 2
keys '?'		# help marks the keys that need a device
screen_wait '│ e +echo replies on/off \(live only\)' 2
screen_wait '│ x +hex pane on/off +│' 2
keys Escape
keys q
ui_prompt_back 5
assert_tty_sane
tm kill-server

# 8. a pcapng with directions: arrows in the list and counts in the file pane; read from stdin
ui_start 80 24
keys "cat $G/pcapng-dir.pcapng | $UI_BIN -r -" Enter
screen_wait '^ tapscope  <stdin> \(pcapng, Ethernet\)' 5
screen_wait ' +1 +0\.000000 < ICMP ' 2
screen_wait ' +2 +1\.001000 > ICMP ' 2
screen_wait ' +3 +2\.002000   ICMP ' 2
keys BTab		# the file pane, whole (a strip on 80 columns)
screen_wait '^ +1 in \(<\), 1 out \(>\), 1 not recorded' 2
keys Escape
keys j
wait_selected 2
screen_wait '^ frame 2 > IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 2
# its date and time to the microsecond in the tree's title (the list shows times since the first)
screen_wait 'Fields  frame 2  ([0-9]{4}-[0-9]{2}-[0-9]{2} )?[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}' 2
keys q
ui_prompt_back 5
note "pcapng from stdin: < and > arrows, 1 in, 1 out"

# 8b. a pipe that is still open (tcpdump -w - | tapscope -r -): the frames come on screen as they
# arrive, not when the pipe ends; a FIFO and <(...) are read the same way; stdin on the terminal
# is refused with what to do
keys "(head -c 300000 $F; sleep 4; tail -c +300001 $F) | $UI_BIN -r -" Enter
screen_wait '^ tapscope  <stdin> \(pcap, Ethernet\)' 3
screen_wait ' +1 +0\.000000 +ARP ' 2
screen_wait '^ [0-9]+ frames so far \(the pipe is still open\)' 2
keys w C-u		# a save takes the frames so far, and says so
keys_literal "$TMPD/sofar.pcap"
keys Enter
screen_wait '^saved [0-9]+ frames so far \(the pipe is still open\) to /tmp/' 3
n=$(screen | sed -nE 's/^saved ([0-9]+) frames so far.*/\1/p' | head -1)
[ "$(tcpdump -nr "$TMPD/sofar.pcap" 2>/dev/null | wc -l)" = "$n" ] || fail "the save of the frames so far does not hold $n"
keys C-g		# a go-to waiting for a frame the pipe has not brought: Esc stops it
keys_literal 150000
keys Enter
screen_wait 'going to frame 150000' 2
keys Escape
screen_wait '^go to frame 150000 stopped' 2
keys End		# following the frames as they come; a find now stops following, waits for
keys f C-u		# the pipe, and selects its match ("you moved meanwhile" when following moved it)
keys_literal "frame.number == $((N - 1))"
keys Enter
screen_wait "^ $N frames +\\? help" 10
wait_selected $((N - 1))
screen_wait "^frame $((N - 1)) matches frame\\.number == $((N - 1)) \\(Ctrl-N next" 2
note "a pipe open for 4 s: first frames at once, all $N after it closed"
keys q
ui_prompt_back 5
mkfifo "$TMPD/fifo"
keys "$UI_BIN -r $TMPD/fifo" Enter	# no writer yet: it says what it waits for
screen_wait "^tapscope: waiting for a capture on $TMPD/fifo \\(Ctrl-C stops\\)" 3
cat "$G/pcapng-dir.pcapng" >"$TMPD/fifo"
screen_wait ' +2 +1\.001000 > ICMP ' 3
keys q
ui_prompt_back 5
keys "$UI_BIN -r <(cat $G/icmp.pcap)" Enter
screen_wait '^ 20 frames +\? help' 3
keys q
ui_prompt_back 5
keys "$UI_BIN -r -" Enter
screen_wait '^tapscope: standard input is the terminal, not a capture: pipe one in' 3
ui_prompt_back 2
keys "$UI_BIN -r /dev/stdin" Enter
screen_wait '^tapscope: /dev/stdin is a terminal, not a capture' 3
ui_prompt_back 2
note "a FIFO, <(cat F), and stdin on the terminal refused"

# 9. a damaged file: the frames before the damage, and why the rest is missing
head -c $((24 + 16 + 98 + 16 + 30)) "$G/icmp.pcap" >"$TMPD/cut.pcap"
keys "$UI_BIN -r $TMPD/cut.pcap" Enter
screen_wait ' +1 +0\.000000 .*ICMP' 5
screen_wait '^1 frame shown: the file is damaged after it: .*cut\.pcap' 3
keys q
ui_prompt_back 5

# 10. tunnels and the newer decoders: the Protocol column names every layer (never the '?' of a
# malformed frame), and Source/Destination are the innermost packet's, as in tshark's columns
keys "$UI_BIN -r $G/l2tp-data.pcap" Enter
screen_wait ' +1 +0\.000000 +ICMP +172\.16\.1\.1 +172\.16\.2\.1 ' 5	# ICMP in PPP in L2TP in UDP
screen_wait ' +3 +[0-9.]+ +PPP LCP +192\.0\.2\.1 +192\.0\.2\.2 ' 2
keys q
ui_prompt_back 5
keys "$UI_BIN -r $G/l2tp-ctrl.pcap" Enter
screen_wait ' +1 +0\.000000 +L2TP +192\.0\.2\.1 ' 5
screen_wait ' +4 +[0-9.]+ +L2TPv3 +192\.0\.2\.1 ' 2
keys q
ui_prompt_back 5
keys "$UI_BIN -r $G/ah.pcap" Enter
screen_wait ' +2 +[0-9.]+ +ICMP +172\.16\.1\.1 +172\.16\.2\.1 ' 5	# inside AH-protected IP-in-IP
keys q
ui_prompt_back 5
note "Protocol column: L2TP, L2TPv3, PPP LCP; tunnelled rows show the inner addresses"

# 11. without a terminal, and with -p or -c, -r prints as before
keys "$UI_BIN -r $G/icmp.pcap -c 2; $UI_BIN -r $G/icmp.pcap | wc -l" Enter
screen_wait '^20$' 5
[ "$(screen | grep -cE '^[0-9:.]+ [-<>] [0-9]+ IP ')" -ge 2 ] || fail "-c 2 on a terminal did not print lines"
note "-c on a terminal and -r into a pipe print lines"
echo PASS
