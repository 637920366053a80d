#!/usr/bin/env bash
# ui_ping.sh — at 80x24 and at 160x48: the kernel's ARP request shows in the list; n and e make
# the peers answer, the ping gets replies, the list shows echo request/reply and the netlink pane
# the address, the route and a REACHABLE neighbour.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

# netlink_pane_open: at 80x24 the pane is a strip; focus it (Tab) to see it whole.
netlink_pane_open() {
	local cols=$1 i
	[ "$cols" -ge 120 ] && return 0
	screen | grep -q 'Tab: netlink pane' || fail "the 80-column strip does not say how to open the pane"
	for i in 1 2 3 4; do
		keys Tab
		sleep 0.1
		screen | grep -q 'Netlink: what the kernel sees' && { note "netlink pane opened after $i Tab(s)"; return 0; }
	done
	fail "Tab never opened the netlink pane"
}

one_size() {
	local cols=$1 rows=$2
	note "$cols x $rows, namespace $NS"
	ui_start "$cols" "$rows" --netns "$NS"
	screen_wait 'echo:off +neigh:off' 5
	nsexec ping -c 20 -i 0.2 10.18.0.3 >"$TMPD/ping.$cols" 2>&1 &
	BG_PIDS+=($!)
	local ping_pid=$!
	screen_wait '[0-9] < ARP +10\.18\.0\.1 +10\.18\.0\.3 +ARP, Request who-has' 5
	keys n
	screen_wait 'neigh:ON' 2
	keys e
	screen_wait 'echo:ON' 2
	screen_wait '< ICMP +10\.18\.0\.1 +10\.18\.0\.3 +ICMP echo request' 5
	screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 5
	wait_for "$TMPD/ping.$cols" 'bytes from 10\.18\.0\.3' 5 || fail "ping got no reply"
	if [ "$cols" -lt 120 ]; then
		screen_wait '^ addr 10\.18\.0\.1/24' 3		# the strip
	fi
	netlink_pane_open "$cols"
	screen_wait '^ *(> )?10\.18\.0\.1/24' 3
	screen_wait '^ *10\.18\.0\.0/24' 3
	screen_wait '^ *10\.18\.0\.3 02:00:0a:12:00:03 REACHABLE' 5
	screen_dump
	wait "$ping_pid"
	local got; got=$(sed -nE 's/.* ([0-9]+) received.*/\1/p' "$TMPD/ping.$cols")
	note "ping: $(grep received "$TMPD/ping.$cols")"
	[ "${got:-0}" -ge 5 ] || fail "only ${got:-0} replies"
	keys q
	ui_prompt_back 5
	assert_no_namespace "$NS"
	tm kill-server
}

one_size 80 24
NS="${TST}$$_$RANDOM"
one_size 160 48
echo PASS
