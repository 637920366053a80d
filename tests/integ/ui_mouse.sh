#!/usr/bin/env bash
# ui_mouse.sh — a click on a row of the frame list selects that frame (the detail follows),
# and the wheel scrolls the selection. Mouse events are X10 sequences typed into the pane.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 80 24 --netns "$NS" --echo
nsexec ping -c 4 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping failed"
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 5
keys k			# the list stands still (new frames no longer scroll it) while we aim
screen_wait 'Info  \(G: follow\)' 2
# the list header is screen row 5 at 80x24; the row below it is the first frame shown
row=7
want=$(screen | sed -n "$((row + 1))p" | awk '{print $1}')
[ -n "$want" ] || { screen_dump; fail "no frame on screen row $row"; }
mouse 0 10 $row; mouse 3 10 $row
screen_wait "Fields  frame $want\b" 3 || fail "a click on frame $want did not select it"
mouse 64 10 $row; mouse 64 10 $row
screen_wait "Fields  frame $((want - 2))\b" 3 || fail "two wheel steps up did not move two frames"
keys q
ui_prompt_back
echo "ok: click selected frame $want, the wheel moved to $((want - 2))"
