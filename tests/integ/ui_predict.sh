#!/usr/bin/env bash
# ui_predict.sh — predict mode (P, issue 10): on the selected echo reply, P hides every value
# (tree, hex bytes, the list row and the summary) and asks for the first layer; the next P
# reveals the layer asked about (the MACs, then the TTL, then the ICMP type), the one after asks
# for the next layer; after the last, predict mode ends and the frame shows whole again.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 132 44 --netns "$NS" --echo
screen_wait 'echo:ON' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "ping got no reply"
keys /
screen_wait 'filter \(BPF' 2
keys_literal 'icmp[icmptype] == icmp-echoreply'
keys Enter
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
screen_wait 'Fields  frame [0-9]+' 2

keys P
screen_wait '^predict frame [0-9]+, layer 1 of 3 \(Ethernet II\): what are its values\?' 2
screen_wait 'Source: \? ' 2
screen_wait '[0-9] > \? \? \?  \(predict mode: P reveals the next layer\)' 2	# the list row
screen_wait '│ frame [0-9]+ > \? \? \?  \(predict mode: P reveals the next layer\) *$' 2	# the summary, no note
screen_wait '0000  \?\? \?\? \?\? \?\?' 2						# the bytes
screen | grep -q 'echo reply' && fail "the frame's summary shows while predicting"
screen_wait '▸ \? *$|▸ \? +[0-9a-f]{4} ' 2					# the later layers, unnamed
screen | grep -qE 'Internet Protocol Version 4|Internet Control Message' &&
	fail "a later layer's name gives the Ethernet type away"
note "predicting: values, bytes, row and summary hidden"

keys P
screen_wait '^frame [0-9]+: Ethernet II revealed: was the prediction right\? P asks for the next layer' 2
screen_wait 'Source: 02:00:0a:12:00:03' 2		# the MAC revealed
keys P
screen_wait '^predict frame [0-9]+, layer 2 of 3 \(Internet Protocol Version 4\)' 2
screen_wait 'Time to Live: \?' 2
keys P
screen_wait 'Time to Live: 64' 2
keys P
screen_wait '^predict frame [0-9]+, layer 3 of 3 \(Internet Control Message Protocol\)' 2
screen_wait 'Type: \? ' 2
keys P
screen_wait '^frame [0-9]+: Internet Control Message Protocol revealed, and with it the whole frame; predict mode off' 2
screen_wait 'Type: 0 \(Echo \(ping\) reply\)' 2
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 2
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
