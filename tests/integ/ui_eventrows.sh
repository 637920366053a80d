#!/usr/bin/env bash
# ui_eventrows.sh — more netlink event rows between two frames than the list has rows (80x24: a
# list of five): walking the list with Down from Home, the selected frame's own row is always in
# sight (the first events of a long run are skipped); following, after a resize from 200x50 to
# 100x30, the list is full to its last row, and with events between frames the newest is in sight.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 80 24 --netns "$NS" --echo
screen_wait 'echo:ON' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "the first ping got no reply"
for m in 1400 1300 1200 1100 1500 1400 1300 1280; do nsexec ip link set tap0 mtu "$m"; done
screen_wait '· netlink: link tap0 .*mtu 1280' 3
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "the second ping got no reply"
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
keys Home
screen_wait '\(G: follow\)' 2
last=$(screen | grep -oE '^ +[0-9]+ +[0-9]+\.[0-9]{6} ' | awk '{ print $1 }' | sort -n | tail -n 1)
seen=0
for _ in $(seq 24); do
	sel=$(screen | grep -oE '^ frame [0-9]+' | head -n 1 | awk '{ print $2 }')
	[ -n "$sel" ] || fail "no selected frame's line"
	screen | grep -qE "^ +$sel +[0-9]+\.[0-9]{6} " || { screen_dump >&2; fail "frame $sel is selected but its row is not in sight"; }
	seen=$((seen + 1))
	keys Down
	sleep 0.15
done
note "Down from Home: the selected frame's row in sight $seen times running (8 MTU changes between two pings)"

tm resize-window -t "$UI_SESSION" -x 200 -y 50
keys G
screen_wait '\(following\)' 2
tm resize-window -t "$UI_SESSION" -x 100 -y 30
sleep 0.5
rows=$(screen | sed -n '/No\. .*Time.*Proto/,/^ frame [0-9]/p' | sed '1d;$d')
blank=$(printf '%s\n' "$rows" | grep -c '^ *│\? *$')
[ "$blank" -eq 0 ] || { screen_dump >&2; fail "following at 100x30: $blank blank rows in the list with earlier rows hidden"; }
note "following after a resize to 100x30: the list full ($(printf '%s\n' "$rows" | wc -l) rows), last frame $last or later"
# following at 80x24, where an event row comes just before the frame the last five rows start
# at (a link change, a ping, a link change, a ping): the newest frame is in sight, the event
# above its group is what scrolls off (it pushed the newest frame out of the pane)
tm resize-window -t "$UI_SESSION" -x 80 -y 24
keys G
screen_wait '\(following\)' 2
for m in 1300 1280; do
	nsexec ip link set tap0 mtu "$m"
	screen_wait "· netlink: link tap0 .*mtu $m" 3
	nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "a ping after mtu $m got no reply"
done
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
sleep 0.3
sel=$(screen | grep -oE '^ frame [0-9]+' | head -n 1 | awk '{ print $2 }')
screen | grep -qE "^ +$sel +[0-9]+\.[0-9]{6} " || { screen_dump >&2; fail "following, the newest frame $sel is not in sight"; }
note "following with event rows between the pings: the newest frame $sel in sight"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
