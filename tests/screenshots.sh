#!/usr/bin/env bash
# screenshots.sh — renders screenshots/*.png from real terminal sessions: tapscope in a tmux pane
# of the right size, each in its own namespace -> `tmux capture-pane -e -p` -> aha -> HTML (dark
# background, DejaVu Sans Mono) -> headless Chromium. Needs the Debian packages aha, chromium
# and fonts-dejavu-core (make screenshots installs them). SHOTS="help small-80x24" picks some;
# every shot is rendered in the dark theme (NAME.png) and in --theme contrast (NAME-contrast.png),
# THEMES="dark" picks one.
. "$(dirname "$0")/lib.sh"
. "$(dirname "$0")/uilib.sh"
need_ui
need_cmd aha
need_cmd chromium
OUT=${SCREENSHOT_DIR:-$TOP/screenshots}
SHOTS=${SHOTS:-idle-no-carrier ping-answered detail-highlight inject-form help small-80x24 held-frames delete-confirm lesson step-mode console split-tun-tap browse-file browse-big}
THEMES=${THEMES:-dark contrast}
THEME=dark
mkdir -p "$OUT"

FONT_PX=14
LINE_PX=17			# DejaVu Sans Mono at 14 px: box-drawing glyphs join at this height
CHAR_PX=8.43			# its advance width at 14 px
PAD_PX=10

# A terminal palette (xterm-like) for aha's named colours; the default foreground is light grey.
palette() {
	sed -e 's/color:dimgray;/color:#3a3a3a;/g' \
	    -e 's/color:red;/color:#e05252;/g' -e 's/color:green;/color:#4ec94e;/g' \
	    -e 's/color:olive;/color:#c8b33a;/g' -e 's/color:yellow;/color:#e8d44d;/g' \
	    -e 's/color:blue;/color:#5c8ee6;/g' -e 's/color:purple;/color:#c678dd;/g' \
	    -e 's/color:teal;/color:#3bb8c4;/g' -e 's/color:aqua;/color:#56d4e0;/g' \
	    -e 's/color:white;/color:#d0d0d0;/g' -e 's/color:black;/color:#1b1d23;/g'
}

# render NAME: the pane as it is now -> $OUT/NAME.png (NAME-contrast.png in that theme)
render() {
	local name=$1 cols rows html w h prof
	[ "$THEME" = dark ] || name=$name-$THEME
	cols=$(tm display -p -t "$UI_PANE" '#{pane_width}')
	rows=$(tm display -p -t "$UI_PANE" '#{pane_height}')
	html=$TMPD/$name.html
	{
		printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>\n'
		printf 'html,body{margin:0;background:#1b1d23;}\n'
		printf 'pre{margin:0;padding:%dpx;font-family:"DejaVu Sans Mono",monospace;font-size:%dpx;line-height:%dpx;color:#d0d0d0;white-space:pre;font-variant-ligatures:none;}\n' "$PAD_PX" "$FONT_PX" "$LINE_PX"
		printf 'span{display:inline;}\n</style></head><body><pre>'
		# -N keeps the coloured blanks at line ends (attributes carry over line ends, as tmux means)
		tm capture-pane -e -p -N -t "$UI_PANE" | aha -n -b | palette
		printf '</pre></body></html>\n'
	} >"$html"
	w=$(awk -v c="$cols" -v cw="$CHAR_PX" -v p="$PAD_PX" 'BEGIN { printf "%d", c * cw + 2 * p + 0.999 }')
	h=$(( rows * LINE_PX + 2 * PAD_PX ))
	prof=$(mktemp -d "$TMPD/chromium.XXXXXX")
	chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
		--disable-background-networking --disable-component-update --disable-sync \
		--hide-scrollbars --force-device-scale-factor=1 --disable-lcd-text --user-data-dir="$prof" \
		--screenshot="$OUT/$name.png" --window-size="$w,$h" "file://$html" >"$TMPD/chromium.log" 2>&1 ||
		{ cat "$TMPD/chromium.log" >&2; fail "chromium did not render $name"; }
	[ -s "$OUT/$name.png" ] || fail "no $OUT/$name.png"
	echo "$OUT/$name.png: ${cols}x${rows} -> ${w}x${h} px, $(stat -c %s "$OUT/$name.png") bytes"
}

# fresh COLS ROWS ARGS...: a new namespace and tapscope in a new pane, in the theme being shot
fresh() {
	tm kill-server 2>/dev/null
	NS="tst$$_$RANDOM"
	ui_start "$@" --netns "$NS" --theme "$THEME"
}

done_shot() {
	keys q
	ui_prompt_back 5
	tm kill-server
	assert_no_namespace "$NS"
}

# select_field NAME: the tree's selection moves (j) until the hex title names NAME
select_field() {
	for _ in $(seq 60); do
		screen | grep -q "Bytes  [0-9]*  $1 @" && return 0
		keys j
		sleep 0.05
	done
	fail "never reached $1 in the tree"
}

shot_idle-no-carrier() {
	fresh 132 34
	screen_wait 'carrier ON' 5
	keys BTab		# the netlink pane: the device's keys act there
	screen_wait 'D detach' 2
	keys D
	screen_wait 'carrier OFF \(NO-CARRIER\)' 5
	screen_wait 'held by: nobody' 5
	screen_wait 'QUEUE DETACHED' 2
	render idle-no-carrier
	done_shot
}

shot_ping-answered() {
	fresh 132 36 --echo
	screen_wait 'echo:ON' 5
	nsexec ping -c 6 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no answer"
	screen_wait 'REACHABLE' 5
	keys x			# the list and the netlink pane are the point here: no hex pane
	screen_gone ' Bytes  ' 2
	screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
	render ping-answered
	done_shot
}

shot_detail-highlight() {
	fresh 132 36 --echo
	screen_wait 'echo:ON' 5
	nsexec ping -c 3 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no answer"
	screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
	keys /
	screen_wait 'filter \(BPF' 2
	keys_literal 'icmp[icmptype] == icmp-echo'
	keys Enter
	screen_wait 'showing frames that match' 3
	keys g Enter
	select_field ip.ttl
	screen_wait 'Time to Live: 64' 2
	render detail-highlight
	done_shot
}

shot_inject-form() {
	fresh 80 24 --echo
	screen_wait 'echo:ON' 5
	keys i
	screen_wait 'Inject a packet toward the kernel' 3
	keys F2
	screen_wait '│ Spec +icmp type=echo-request' 2
	render inject-form
	keys Escape
	done_shot
}

shot_help() {
	fresh 80 24
	keys '?'
	screen_wait 'tapscope keys' 3
	render help
	keys q
	screen_gone 'tapscope keys' 2
	done_shot
}

shot_held-frames() {
	fresh 132 36 --echo
	screen_wait 'echo:ON' 5
	nsexec ping -c 2 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no answer"
	keys H
	screen_wait 'outbox on hold' 2
	nsexec ping -c 2 -i 0.3 -W 1 10.18.0.3 >/dev/null 2>&1
	screen_wait 'Held: 2 frames wait' 3
	keys Tab
	screen_wait 'Enter send' 2
	render held-frames
	keys H
	done_shot
}

shot_delete-confirm() {
	fresh 132 36 --echo -a 10.18.0.1/24 -a 10.18.3.1/32
	screen_wait 'echo:ON' 5
	nsexec ping -c 3 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no answer"
	keys BTab Down Down
	screen_wait '> 10\.18\.3\.1/32' 2
	keys d
	screen_wait 'delete 10\.18\.3\.1/32 from tap0\?' 2
	render delete-confirm
	keys n
	done_shot
}

shot_small-80x24() {
	fresh 80 24 --echo
	screen_wait 'echo:ON' 5
	nsexec ping -c 5 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no answer"
	screen_wait 'ICMP echo reply' 3
	render small-80x24
	done_shot
}

# the classroom (issue 10)
shot_lesson() {
	fresh 150 44 --lesson silent-tap
	screen_wait 'Lesson: The silent tap' 5
	keys N
	screen_wait 'Step 1 passed' 10
	keys N
	screen_wait 'N or Enter shows the answer' 10
	keys N
	screen_wait 'Step 2 passed' 3
	screen_wait '^ NO-CARRIER: no program has tap0 open' 3
	render lesson
	done_shot
}

shot_step-mode() {
	fresh 132 36 --echo
	screen_wait 'echo:ON' 5
	screen_gone 'tentative' 5		# IPv6 has said what it says on link up
	nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no answer"
	keys S
	screen_wait 'step mode on' 2
	nsexec ping -c 1 -W 10 10.18.0.3 >/dev/null 2>&1 &
	BG_PIDS+=($!)
	screen_wait '#[0-9]+ reply to frame [0-9]+: IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 3
	keys /			# the list shows ICMP alone: the request whose reply waits is the newest
	screen_wait 'filter \(BPF' 2
	keys_literal 'icmp'
	keys Enter
	screen_wait 'frame [0-9]+ < IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request' 3
	keys g			# a key in the held list: the message goes, its hints show
	screen_wait 'Enter send +e edit +x drop' 2
	render step-mode
	keys Enter
	done_shot
}

shot_console() {
	fresh 132 36 --echo
	screen_wait 'echo:ON' 5
	keys :
	screen_wait "^netns $NS" 2
	keys_literal 'ping -c 3 -i 0.3 10.18.0.3'
	keys Enter
	screen_wait '\[exit 0\]' 5
	render console
	done_shot
}

shot_split-tun-tap() {
	fresh 200 50 --lesson tun-vs-tap
	screen_wait 'Lesson: tun versus tap' 5
	for step in 1 2 3; do
		keys N
		screen_wait "Step $step/3" 3
		screen_wait "(Step $step passed|Which device would a VPN use)" 10
	done
	render split-tun-tap
	done_shot
}

# The offline browser: a pcapng capture made here (directions kept), and a big generated file.
CAP=$TMPD/ping.pcapng
BIG=$TMPD/mixed-2m.pcap
make_captures() {
	[ -s "$CAP" ] && return 0
	local ns="tst$$_cap"
	"$TAPSCOPE" --netns "$ns" --echo -a 10.18.0.1/24 -a fd00::1/64 -w "$CAP" >"$TMPD/cap.log" 2>&1 &
	local pid=$!
	for _ in $(seq 100); do ip netns exec "$ns" ip -6 addr show dev tap0 2>/dev/null | grep -q 'fd00::1.*scope global' &&
		! ip netns exec "$ns" ip -6 addr show dev tap0 | grep -q tentative && break; sleep 0.05; done
	ip netns exec "$ns" ping -c 6 -i 0.2 10.18.0.3 >/dev/null 2>&1
	ip netns exec "$ns" ping -6 -c 4 -i 0.2 fd00::3 >/dev/null 2>&1
	kill -INT $pid
	wait $pid
	[ -s "$CAP" ] || fail "no capture for the browser's screenshots"
	"$TOP/build/tools/genbench" 2000000 "$BIG" >/dev/null || fail "genbench failed"
}

shot_browse-file() {
	make_captures
	tm kill-server 2>/dev/null
	ui_start 132 36 -r "$CAP" --theme "$THEME"
	screen_wait ' +1 +0\.000000 ' 3
	keys f
	screen_wait '^find ' 2
	keys_literal 'icmp.seq == 4'
	keys Enter
	screen_wait 'matches icmp\.seq == 4' 3
	keys C-n
	screen_wait 'ICMP echo reply, id [0-9]+, seq 4' 3
	keys Enter		# the tree: its field's bytes lit in the hex pane
	select_field icmp.seq
	render browse-file
	keys q
	ui_prompt_back 5
	tm kill-server
}

shot_browse-big() {
	make_captures
	tm kill-server 2>/dev/null
	ui_start 132 36 -r "$BIG" --theme "$THEME"
	screen_wait '^ 2000000 frames +\? help' 20
	keys /
	keys_literal 'tcp[tcpflags] & tcp-syn != 0'
	keys Enter
	screen_wait 'filter: .*: [0-9]+ shown +\? help' 20
	keys C-g
	keys_literal 1500000
	keys Enter
	screen_wait 'frame 1500000 is not shown' 5
	render browse-big
	keys q
	ui_prompt_back 5
	tm kill-server
}

for THEME in $THEMES; do
	for s in $SHOTS; do
		declare -F "shot_$s" >/dev/null || fail "no shot named $s"
		"shot_$s"
	done
done
