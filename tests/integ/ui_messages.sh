#!/usr/bin/env bash
# ui_messages.sh — a message stays at least 3 s (the one-second tick no longer clears it) or until
# the next key; M shows the last 50, newest first.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 80 24 --netns "$NS" --echo
screen_wait 'echo:ON' 5
keys e
screen_wait '^echo replies off' 2
t0=$(date +%s%N)
for at in 1000 2000 2900; do	# ms after the message came
	while [ $(( ($(date +%s%N) - t0) / 1000000 )) -lt "$at" ]; do sleep 0.05; done
	screen | grep -q '^echo replies off' || fail "the message went after less than $at ms"
done
note "'echo replies off' still on screen after 2.9 s"
keys Down		# the next key: seen, it goes
screen_gone '^echo replies off' 1

# 55 messages: the history keeps the last 50
for i in $(seq 54); do keys e; done
keys n
screen_wait '^neighbour answers \(ARP/NDP\) off' 3
keys M
screen_wait 'Messages: the last 50, newest first' 2
first=$(screen | grep -m1 -oE '#[0-9]+ [0-9]{2}:[0-9]{2}:[0-9]{2} .*' | sed 's/ *│.*//')
note "newest: $first"
echo "$first" | grep -qE '^#([0-9]+) [0-9:]{8} +neighbour answers \(ARP/NDP\) off' || fail "the newest message is not first: '$first'"
newest_id=$(echo "$first" | sed -E 's/^#([0-9]+).*/\1/')
for _ in $(seq 12); do keys NPage; done
sleep 0.2
last=$(screen | grep -oE '#[0-9]+ [0-9]{2}:[0-9]{2}:[0-9]{2}' | tail -1 | sed -E 's/^#([0-9]+).*/\1/')
note "history from #$newest_id down to #$last"
[ $((newest_id - last + 1)) -eq 50 ] || fail "the history holds #$last..#$newest_id, not the last 50"
keys M
screen_gone 'Messages: the last' 2
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
