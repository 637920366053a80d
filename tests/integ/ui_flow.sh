#!/usr/bin/env bash
# ui_flow.sh — Ctrl-S never freezes tapscope: the terminal runs without flow control (-ixon,
# read from the pane's tty while the UI runs), and after Ctrl-S the keys still act and a ping
# with answers on loses nothing (0% loss); Ctrl-Q does nothing either.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 80 24 --netns "$NS"
screen_wait 'echo:off +neigh:off' 5
tty=$(tm display -p -t "$UI_PANE" '#{pane_tty}')
flags=$(stty -F "$tty" -a)
echo "$flags" | tr ' ' '\n' | grep -qx -- '-ixon' || fail "the terminal has flow control on: $(echo "$flags" | grep -o -- '-*ixon')"
echo "$flags" | tr ' ' '\n' | grep -qx -- '-icanon' || fail "the terminal is not in raw/cbreak mode"
note "$tty while the UI runs: $(echo "$flags" | tr ' ' '\n' | grep -xE -- '-?(ixon|ixoff|isig|icanon)' | tr '\n' ' ')"

keys C-s
keys n
screen_wait 'neigh:ON' 2		# the screen still updates after Ctrl-S
keys e
screen_wait 'echo:ON' 2
nsexec ping -c 20 -i 0.05 -W 1 10.18.0.3 >"$TMPD/ping" 2>&1
note "after Ctrl-S: $(grep -E 'transmitted' "$TMPD/ping")"
grep -q ' 0% packet loss' "$TMPD/ping" || fail "pings were lost after Ctrl-S: $(grep loss "$TMPD/ping")"
keys C-q
keys e
screen_wait 'echo:off' 2
keys q
ui_prompt_back 5
assert_tty_sane
assert_no_namespace "$NS"
echo PASS
