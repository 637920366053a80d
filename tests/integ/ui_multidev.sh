#!/usr/bin/env bash
# ui_multidev.sh — several devices in the UI (issue 10): -i tap0 -i tun0 --tun opens both; pings
# through each are answered; the title lists them; number keys switch the device the panes show
# (the frame list, the netlink pane, the status bar); | shows the two frame lists side by side,
# each labelled, and Tab into the second makes its device the one shown. Then lesson 2
# (tun-vs-tap) in the UI: its lesson pane runs it with both lists side by side.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 160 44 --netns "$NS" --echo -i tap0 -i tun0 --tun
screen_wait 'devices: \[1 tap0\] 2 tun0' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no answer through tap0"
nsexec ping -c 1 -W 2 10.18.1.3 >/dev/null || fail "no answer through tun0"
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
screen | grep -q '10\.18\.1\.3' && fail "tun0's frames show in tap0's list"
screen_wait '^ > tap0  tap  UP' 2

keys 2
screen_wait '^showing device 2: tun0 \(tun\)' 2
screen_wait 'devices: 1 tap0 \[2 tun0\]' 2
screen_wait '> ICMP +10\.18\.1\.3 +10\.18\.1\.1 +ICMP echo reply' 2
screen_wait '^ > tun0  tun  UP' 2		# the netlink pane follows
screen_wait ' 2 tun0 *$' 2			# the list's label
screen | grep -q 'ARP' && fail "tap0's ARP frames show in tun0's list"
keys 3
screen_wait 'there is no device 3: this run has 2' 2

keys '|'
screen_wait '^split view: tap0 beside tun0' 2
screen_wait ' 2 tun0 +No\. .* 1 tap0 *$' 2	# two lists, each with its device's label
screen_wait ' {2,}[0-9]+ [<>] IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 2	# tap0's, in the narrow list
keys Tab					# into the second list: tap0 is the device shown now
screen_wait 'devices: \[1 tap0\] 2 tun0' 2
screen_wait '^ > tap0  tap  UP' 2
keys '|'
screen_wait '^split view off' 2
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
note "two devices: number keys and the split view"

# lesson 2 in the UI: both devices' frames side by side in the lesson's run
NS="${TST}$$_$RANDOM"
ui_start 160 48 --lesson tun-vs-tap --netns "$NS"
screen_wait 'Lesson: tun versus tap +step 0/3' 5
screen_wait ' 1 tap0 +No\. .* 2 tun0 *$' 2
for step in 1 2 3; do
	keys N
	screen_wait "Step $step/3" 3
	screen_wait "(Step $step passed|\\? Which device would a VPN use)" 10
done
screen_wait '✓ expect-output: NOARP' 2
keys N
screen_wait 'answer: A tun: a VPN carries IP packets' 3
screen_wait 'Lesson done: all 3 steps passed' 3
screen_wait ' {2,}[0-9]+ [<>] IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request' 2	# tap0's list
screen_wait ' {2,}[0-9]+ [<>] IP 10\.18\.1\.1 > 10\.18\.1\.3: ICMP echo request' 2	# tun0's, beside it
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
