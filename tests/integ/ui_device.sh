#!/usr/bin/env bash
# ui_device.sh — keys that change the device act only in the netlink pane, on its selected row:
# d u m C D a pressed in the frame list leave `ip -j addr` and `ip -j link` unchanged and say
# where they act; a click on 10.18.3.1/32 selects it; d asks, n keeps it, y deletes exactly it;
# u asks before taking the link down; m's prompt starts with the MTU selected, so typing 1400
# gives 1400 (not 15001400).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

# the device as ip sees it: addresses (sorted) and link flags / MTU / state, one line each
addrs() { nsexec ip -j addr show dev tap0 | python3 -c 'import json,sys; print(" ".join(sorted("%s/%d" % (a["local"], a["prefixlen"]) for i in json.load(sys.stdin) for a in i["addr_info"] if a["family"] == "inet")))'; }
link() { nsexec ip -j link show dev tap0 | python3 -c 'import json,sys; l = json.load(sys.stdin)[0]; print(l["mtu"], l["operstate"], ",".join(sorted(l["flags"])))'; }

ui_start 132 40 --netns "$NS" -a 10.18.0.1/24 -a 10.18.1.1/24 -a 10.18.3.1/32
screen_wait 'Netlink: what the kernel sees' 5
screen_wait '10\.18\.3\.1/32' 5
a0=$(addrs); l0=$(link)
note "before: $a0 | $l0"
[ "$a0" = "10.18.0.1/24 10.18.1.1/24 10.18.3.1/32" ] || fail "unexpected addresses: $a0"

# 1. the frame list has the keyboard: every device key says where it acts, and acts not
for k in d u m C D a; do
	keys "$k"
	screen_wait "^$k acts in the netlink pane \(Shift-Tab or Tab moves there\)" 2
	screen | grep -q 'Are you sure' && fail "$k in the frame list asked to change the device"
done
sleep 0.3
[ "$(addrs)" = "$a0" ] || fail "a key in the frame list changed the addresses: $(addrs)"
[ "$(link)" = "$l0" ] || fail "a key in the frame list changed the link: $(link)"
note "d u m C D a in the frame list: device unchanged, each says where it acts"

# 2. a click on 10.18.3.1/32 selects that row (and gives the netlink pane the keyboard)
y=$(screen | grep -n ' 10\.18\.3\.1/32' | head -1 | cut -d: -f1)
[ -n "$y" ] || fail "10.18.3.1/32 not on screen"
mouse 0 6 $((y - 1)); mouse 3 6 $((y - 1))
screen_wait '^ *> 10\.18\.3\.1/32' 2
screen_wait 'd delete' 2	# the hint line is the netlink pane's now
note "a click on screen row $y selected 10.18.3.1/32"

# 3. d asks; n keeps it
keys d
screen_wait 'delete 10\.18\.3\.1/32 from tap0\?' 2
keys n
screen_gone 'Are you sure' 2
screen_wait 'nothing changed' 2
sleep 0.3
[ "$(addrs)" = "$a0" ] || fail "n did not keep the addresses: $(addrs)"
# ... y deletes exactly that one
keys d
screen_wait 'delete 10\.18\.3\.1/32 from tap0\?' 2
keys y
screen_wait 'deleted 10\.18\.3\.1/32' 3
for _ in $(seq 40); do [ "$(addrs)" != "$a0" ] && break; sleep 0.05; done
[ "$(addrs)" = "10.18.0.1/24 10.18.1.1/24" ] || fail "y deleted the wrong address(es): $(addrs)"
note "d n kept it; d y deleted exactly 10.18.3.1/32: $(addrs)"

# 4. u asks before taking the link down; n keeps it up
keys Home
screen_wait '^ *> tap0 +tap +UP' 2
keys u
screen_wait 'take tap0 down\?' 2
keys n
screen_gone 'Are you sure' 2
sleep 0.3
[ "$(link)" = "$l0" ] || fail "n did not keep the link: $(link)"

# 5. m: the MTU prompt starts with 1500 selected; typing replaces it
keys m
screen_wait 'MTU of tap0 \(68\.\.65535\): *1500' 2
keys_literal 1400
screen_wait 'MTU of tap0 \(68\.\.65535\): *1400 *$' 2
keys Enter
screen_wait 'MTU of tap0 set to 1400' 3
[ "$(link | cut -d' ' -f1)" = 1400 ] || fail "MTU is $(link), not 1400"
note "m: prefill replaced, MTU 1400"
# an MTU out of range is refused with the valid range, by the core's mtu action
keys m
screen_wait 'MTU of tap0' 2
keys_literal 20
keys Enter
screen_wait 'the MTU is a number from 68 to 65535' 3
[ "$(link | cut -d' ' -f1)" = 1400 ] || fail "a bad MTU changed it: $(link)"

keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
