#!/usr/bin/env bash
# ui_resize.sh — resizing 160x48 -> 80x24 -> 60x20 -> 120x40 with traffic flowing: tapscope
# keeps running, says it needs 80x24 at 60x20, and draws the full UI again after; the help and
# the inject form, open across a too-small size and back, are drawn whole again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 160 48 --netns "$NS" --echo
pid=$(ui_pid)
[ -n "$pid" ] || fail "tapscope is not running in the pane"
nsexec ping -c 40 -i 0.2 10.18.0.3 >"$TMPD/ping.out" 2>&1 &
BG_PIDS+=($!)
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 5

full_ui() {	# full_ui COLS ROWS: the layout of that size is on screen, and only it
	local cols=$1 rows=$2 size
	screen_wait '^ tapscope  tap0 \(tap\)' 3
	screen_wait 'Info  \((following|G: follow)\)' 3
	screen_wait '^ echo:ON +neigh:ON +in [0-9]+ out [0-9]+ ' 3
	screen_wait 'Fields  frame [0-9]+' 3
	size=$(tm display -p -t "$UI_PANE" '#{pane_width}x#{pane_height}')
	[ "$size" = "${cols}x${rows}" ] || fail "pane is $size, not ${cols}x${rows}"
	# the status bar is on the last line of this size, the title on the first
	[ "$(screen | sed -n "${rows}p" | grep -c '^ echo:')" = 1 ] || fail "status bar is not on line $rows"
	if [ "$cols" -ge 120 ]; then
		screen_wait 'Netlink: what the kernel sees' 2
	else
		screen_wait 'Tab: netlink pane' 2
	fi
	screen | grep -q 'needs a terminal of at least' && fail "the too-small message is still on screen"
	kill -0 "$pid" 2>/dev/null || fail "tapscope died"
	note "${cols}x${rows}: full UI"
}

full_ui 160 48
tm resize-window -t "$UI_SESSION" -x 80 -y 24
full_ui 80 24
tm resize-window -t "$UI_SESSION" -x 60 -y 20
screen_wait 'tapscope needs a terminal of at least 80x24' 3
screen_wait 'this one is 60x20: make it larger \(q quits\)' 3
kill -0 "$pid" 2>/dev/null || fail "tapscope died at 60x20"
screen | grep -q 'echo:ON' && fail "the status bar is drawn at 60x20 over the message"
note "60x20: $(screen | grep -m1 'needs a terminal' | sed 's/^ *//')"
keys e			# a key while too small: ignored, no crash
sleep 0.2
kill -0 "$pid" 2>/dev/null || fail "tapscope died on a key at 60x20"
tm resize-window -t "$UI_SESSION" -x 120 -y 40
full_ui 120 40
screen_dump
# and quickly through all of them, several times
for _ in 1 2 3; do
	for sz in 160x48 80x24 60x20 120x40 81x25 200x60 80x24; do
		tm resize-window -t "$UI_SESSION" -x "${sz%x*}" -y "${sz#*x}"
	done
done
full_ui 80 24

# box_intact TITLE: the box whose top border holds TITLE is whole: both corners of each border
# on the same columns, a side on every row between
box_intact() {
	screen | python3 -c '
import sys
title = sys.argv[1]
rows = sys.stdin.read().split("\n")
top = next((i for i, r in enumerate(rows) if title in r), None)
assert top is not None, "no box titled %r" % title
left, right = rows[top].index("\u250c"), rows[top].index("\u2510")
bottom = next(i for i in range(top + 1, len(rows)) if len(rows[i]) > right and rows[i][left] == "\u2514")
assert rows[bottom][right] == "\u2518", "bottom right corner missing: %r" % rows[bottom]
for i in range(top + 1, bottom):
    assert rows[i][left] == "\u2502" and rows[i][right] == "\u2502", "row %d broken: %r" % (i, rows[i])
print("box %r whole: rows %d..%d, columns %d..%d" % (title, top, bottom, left, right))
' "$1"
}

# the help and the inject form survive a too-small size and back
for box in '?:tapscope keys' 'i:Inject a packet toward the kernel'; do
	keys "${box%%:*}"
	screen_wait "${box#*:}" 3
	tm resize-window -t "$UI_SESSION" -x 60 -y 20
	screen_wait 'this one is 60x20' 3
	tm resize-window -t "$UI_SESSION" -x 80 -y 24
	screen_wait "${box#*:}" 3
	box_intact "${box#*:}" || { screen_dump; fail "${box#*:} is broken after 60x20 and back"; }
	tm resize-window -t "$UI_SESSION" -x 120 -y 40
	screen_wait ' echo:ON .* \? help$' 3
	sleep 0.2
	box_intact "${box#*:}" || { screen_dump; fail "${box#*:} is broken at 120x40"; }
	tm resize-window -t "$UI_SESSION" -x 80 -y 24
	keys Escape
	screen_gone "${box#*:}" 2
done
# a form field being typed in keeps its text and its cursor across a too-small size: the next
# key goes on where the typing was (it used to blank the field: the cursor came back at column 0)
keys i
screen_wait 'Inject a packet toward the kernel' 3
keys F2
form_field Payload 'text:abcdefghijklmnopqrstuvwxyz0123456789'
tm resize-window -t "$UI_SESSION" -x 60 -y 20
screen_wait 'this one is 60x20' 3
tm resize-window -t "$UI_SESSION" -x 80 -y 24
screen_wait 'Inject a packet toward the kernel' 3
sleep 0.2
keys_literal 'XY'
screen_wait '│ Payload +[^ ]*456789XY ' 2
keys Escape
screen_gone 'Inject a packet toward the kernel' 2
note "the inject form's Payload kept its text and cursor through 60x20"
screen_dump
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
