#!/usr/bin/env bash
# ui_faults.sh — issue 12's faults as the UI shows them: a device deleted under the UI is shown in the
# netlink pane and R makes it again; w to a full disk says how many frames the file holds and why; after
# --user nobody, a (add address) is refused with the privilege message and the console's commands run as
# nobody; after a 5,000-change netlink batch taken while tapscope was stopped, the netlink pane shows what
# ip -j shows (netlink_overrun.sh proves the overrun and the resync line).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

# click_on REGEX: a click on the first screen row matching REGEX (its pane gets the keyboard)
click_on() {
	local y; y=$(screen | grep -En -- "$1" | head -1 | cut -d: -f1)
	[ -n "$y" ] || { screen_dump >&2; fail "/$1/ not on screen"; }
	click 6 $((y - 1))
}

# 1. deleted from outside: said where the device was, and R makes it again
ui_start 132 40 --netns "$NS" --echo
screen_wait 'Netlink: what the kernel sees' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply at first"
nsexec ip link del tap0
screen_wait 'deleted from outside: R makes it again' 5
click_on 'deleted from outside'
keys R
screen_wait 'tap0 +tap +UP' 5
for _ in $(seq 50); do nsexec ip -br addr show tap0 2>/dev/null | grep -q '10\.18\.0\.1/24' && break; sleep 0.1; done
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply after R"
note "deleted: shown in the netlink pane; R made tap0 again and the peers answer"

# 2. w to a full disk: the real count, and why
keys Escape w
screen_wait 'save' 3
keys C-u
keys_literal "/dev/full"
keys Enter
screen_wait '/dev/full is not a file but a character device' 3
keys y
screen_wait 'writing it failed: No space left on device|holds 0 of [0-9]+ frames' 5
screen | grep -q 'saved [0-9]* frames to /dev/full' && fail "the UI said it saved to /dev/full"
keys q
ui_prompt_back
note "w /dev/full: $(screen | grep -E 'No space left on device' | head -1 | sed 's/  */ /g')"

# 3. --user nobody: device actions refused with why; the console's commands run as nobody
ip netns list | grep -qw "$NS" && ip netns del "$NS"
NS="${NS}u"
ui_start 132 40 --netns "$NS" --echo --user nobody
screen_wait 'Netlink: what the kernel sees' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply as nobody"
click_on '10\.18\.0\.1/24'
keys a
screen_wait 'add' 3
keys_literal "10.18.9.1/24"
keys Enter
screen_wait 'needs CAP_NET_ADMIN' 5
nsexec ip -br addr show tap0 | grep -q 10.18.9.1 && fail "an address was added after --user nobody"
keys Escape
keys :
keys_literal "id -u"
keys Enter
screen_wait '^ *65534 *$|[^0-9]65534$' 5
keys q
ui_prompt_back
note "--user nobody: a refused with the privilege message; the console runs as uid 65534"

# 4. 5,000 changes while tapscope is stopped: the pane equals ip -j afterwards
ip netns list | grep -qw "$NS" && ip netns del "$NS"
NS="${NS}o"
ip netns add "$NS"
nsexec ip link set lo up
nsexec ip tuntap add dev tap0 mode tap
nsexec ip addr add 10.18.0.1/24 dev tap0
nsexec ip link set tap0 up
nsexec sysctl -qw net.ipv6.conf.tap0.disable_ipv6=1
nsexec sysctl -qw net.ipv4.conf.tap0.promote_secondaries=1
ui_start 200 60
# exec: no shell to take the terminal back while tapscope is stopped (job control would)
keys "exec $UI_BIN --netns $NS --attach" Enter
screen_wait 'Netlink: what the kernel sees' 5
pid=$(pgrep -n -x tapscope)
kill -STOP "$pid"
{ for i in $(seq 1 2500); do echo "addr add 10.$((i % 10 + 30)).$(( (i / 10) % 250 + 1 )).1/24 dev tap0"; done
  for i in $(seq 1 2495); do echo "addr del 10.$((i % 10 + 30)).$(( (i / 10) % 250 + 1 )).1/24 dev tap0"; done; } >"$TMPD/batch"
nsexec ip -batch "$TMPD/batch" || fail "ip -batch failed"
nsexec ip link set tap0 mtu 1444
kill -CONT "$pid"
screen_wait 'MTU 1444' 30
want=$(nsexec ip -j addr show dev tap0 | python3 -c 'import json,sys
print(" ".join(sorted("%s/%d" % (a["local"], a["prefixlen"]) for i in json.load(sys.stdin) for a in i["addr_info"] if a["family"] == "inet")))')
# the netlink pane's Addresses block: its column (left of the first │), from "Addresses" to "Routes"
got=$(screen | sed 's/│.*//' | sed -n '/Addresses/,/Routes/p' | grep -Eo '10\.[0-9]+\.[0-9]+\.[0-9]+/24' | sort -u |
	tr '\n' ' ' | sed 's/ $//')
[ "$got" = "$want" ] || { screen_dump >&2; fail "the netlink pane shows '$got', ip -j '$want'"; }
note "after the batch the pane shows what ip -j shows: $want"
keys q
for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$pid" 2>/dev/null && fail "tapscope did not quit"
true
