#!/usr/bin/env bash
# netlink_events.sh — acceptance 1: with tapscope running on tap0 (--events --print), ip addr/route/link changes and
# a ping's neighbour entry each show up as an event line within 1 s, and `tapscope --status` (run beside it) then
# agrees with `ip -j addr/route/neigh/link`.
. "$(dirname "$0")/../tools/nllib.sh"
"$TAPSCOPE" --help 2>/dev/null | grep -q -- '--events' || skip "tapscope is not built with --events"

OUT=$TMPD/events.txt
nsx ip tuntap add tap0 mode tap	# persistent, so it outlives tapscope for the last part
# tapscope holds tap0 and its peers answer ARP, learning the device's addresses live from the model
"$TAPSCOPE" --netns "$NLNS" --attach --no-config --echo --print --events >"$OUT" 2>&1 9>&- &
TS_PID=$!
BG_PIDS+=("$TS_PID")
wait_ready "$OUT" || fail "tapscope did not start"

# step CMD... / REGEX: runs the command in the namespace, then the event must appear within 1 s
step() {
	local re=$1; shift
	note "$* -> /$re/"
	nsx "$@" || fail "command failed: $*"
	wait_for "$OUT" "^[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6} $re" 1 || fail "no event for: $*"
}

# ping: nobody answers the echo itself, only ARP, so it runs in the background and the wait starts at once
step_ping() {
	note "ping $2 -> /$1/"
	nsx ping -c 1 -W 1 "$2" >/dev/null 2>&1 9>&- &
	wait_for "$OUT" "^[0-9:.]+ $1" 1 || fail "no neighbour event for a ping of $2"
	wait $! 2>/dev/null
}

step 'addr add 10.18.0.1/24 dev tap0 scope global$' ip addr add 10.18.0.1/24 dev tap0
step 'link tap0 UP LOWER_UP state (UP|UNKNOWN) mtu 1500$' ip link set tap0 up
step 'route add 10.18.0.0/24 dev tap0 proto kernel scope link src 10.18.0.1$' true
step 'route add 10.99.0.0/16 via 10.18.0.3 dev tap0$' ip route add 10.99.0.0/16 via 10.18.0.3 dev tap0
step_ping 'neigh (add|change) 10.18.0.3 dev tap0 lladdr 02:00:0a:12:00:03 REACHABLE$' 10.18.0.3
step 'addr add fd00::1/64 dev tap0 scope global' ip -6 addr add fd00::1/64 dev tap0 nodad
step 'link tap0 DOWN state DOWN mtu 1500$' ip link set tap0 down
# the kernel drops the IPv4 routes of a device going down without a notification; the model notices
wait_for "$OUT" 'route del 10.99.0.0/16 via 10.18.0.3 dev tap0' 1 || fail "silent route removal not reported"
step 'link tap0 UP LOWER_UP state (UP|UNKNOWN) mtu 1500$' ip link set tap0 up
step 'link tap0 UP LOWER_UP state (UP|UNKNOWN) mtu 1400$' ip link set tap0 mtu 1400
step 'route add 10.99.0.0/16 via 10.18.0.3 dev tap0$' ip route add 10.99.0.0/16 via 10.18.0.3 dev tap0
step_ping 'neigh (add|change) 10.18.0.4 dev tap0 lladdr 02:00:0a:12:00:04 REACHABLE$' 10.18.0.4
step 'addr add fd00::2/64 dev tap0 scope global' ip -6 addr add fd00::2/64 dev tap0
step 'addr add 10.18.1.1/24 dev tap0 scope global$' ip addr add 10.18.1.1/24 dev tap0
step 'addr del 10.18.1.1/24 dev tap0 scope global$' ip addr del 10.18.1.1/24 dev tap0
step 'neigh add 10.18.0.9 dev tap0 lladdr 02:00:00:00:00:09 PERMANENT$' ip neigh add 10.18.0.9 lladdr 02:00:00:00:00:09 dev tap0
step 'neigh del 10.18.0.9 dev tap0' ip neigh del 10.18.0.9 dev tap0
# nothing from other devices: another tap's address must not show up
nsx ip tuntap add tap1 mode tap && nsx ip addr add 10.77.0.1/24 dev tap1 && nsx ip link set tap1 up
sleep 0.3
! grep -q '10\.77\.' "$OUT" || fail "events of another device were reported"

note "--status (beside the running tapscope) against ip -j"
nsx ip -j -s link show dev tap0 >"$TMPD/ip_before_link.json"	# counters: before <= status <= after
"$TAPSCOPE" --netns "$NLNS" --status --json >"$TMPD/status.json" || fail "tapscope --status --json failed"
for c in "addr show dev tap0" "route show dev tap0" "-6 route show dev tap0" "neigh show dev tap0" "-s link show dev tap0"; do
	f=$TMPD/ip_$(echo "$c" | tr -c 'a-z0-9' _).json
	nsx ip -j $c >"$f" || fail "ip -j $c"
done
nsx ip -j -s link show dev tap0 >"$TMPD/ip_after_link.json"
python3 - "$TMPD" <<'PY' || fail "--status disagrees with ip -j"
import json, sys, os
d = sys.argv[1]
st = json.load(open(os.path.join(d, "status.json")))
def ipj(name): return json.load(open(os.path.join(d, name)))
link = ipj("ip__s_link_show_dev_tap0_.json")[0]
after = ipj("ip_after_link.json")[0]
before = ipj("ip_before_link.json")[0]
addrs = ipj("ip_addr_show_dev_tap0_.json")[0]["addr_info"]
routes = ipj("ip_route_show_dev_tap0_.json") + ipj("ip__6_route_show_dev_tap0_.json")
neighs = ipj("ip_neigh_show_dev_tap0_.json")
bad = []
def same(what, a, b):
    if a != b: bad.append(f"{what}: status {a!r} != ip {b!r}")
same("ifindex", st["ifindex"], link["ifindex"])
same("flags", sorted(st["flags"]), sorted(link["flags"]))
for k in ("mtu", "operstate", "address", "qdisc"): same(k, st[k], link[k])
same("txqlen", st["txqlen"], link["txqlen"])
for direction in ("rx", "tx"):
    for k in ("packets", "bytes", "errors", "dropped"):
        lo, hi, v = before["stats64"][direction][k], after["stats64"][direction][k], st["stats64"][direction][k]
        if not lo <= v <= hi: bad.append(f"stats64 {direction} {k}: {v} not in [{lo}, {hi}]")
FL = ("tentative", "dadfailed", "deprecated", "noprefixroute", "nodad", "optimistic")
mine = sorted((a["family"], a["local"], a["prefixlen"], a["scope"], tuple(sorted(f for f in a["flags"] if f in FL))) for a in st["addr_info"])
theirs = sorted((a["family"], a["local"], a["prefixlen"], a["scope"], tuple(sorted(f for f in FL if a.get(f)))) for a in addrs)
same("addresses", mine, theirs)
mine = sorted((r["dst"], r.get("gateway"), r["protocol"], r["scope"], r.get("prefsrc"), r.get("metric")) for r in st["routes"])
theirs = sorted((r["dst"], r.get("gateway"), r.get("protocol", "boot"), r.get("scope", "global"), r.get("prefsrc"), r.get("metric")) for r in routes)
same("routes", mine, theirs)
mine = sorted((n["dst"], n.get("lladdr"), tuple(n["state"])) for n in st["neighbours"])
theirs = sorted((n["dst"], n.get("lladdr"), tuple(n["state"])) for n in neighs)
same("neighbours", mine, theirs)
if len(st["addr_info"]) < 2 or len(st["routes"]) < 4 or len(st["neighbours"]) < 1:
    bad.append(f"too little to compare: {len(st['addr_info'])} addresses, {len(st['routes'])} routes, {len(st['neighbours'])} neighbours")
for b in bad: print("MISMATCH", b)
print(f"compared {len(st['addr_info'])} addresses, {len(st['routes'])} routes, {len(st['neighbours'])} neighbours, link and counters")
sys.exit(1 if bad else 0)
PY
note "text status"
"$TAPSCOPE" --netns "$NLNS" --status >"$TMPD/status.txt" || fail "tapscope --status failed"
assert_grep "$TMPD/status.txt" '^tap0: tap index [0-9]+ <BROADCAST MULTICAST UP LOWER_UP> mtu 1400'
assert_grep "$TMPD/status.txt" '^    held by: tapscope\[[0-9]+\]'
assert_grep "$TMPD/status.txt" '^    10\.99\.0\.0/16 via 10\.18\.0\.3 dev tap0$'
assert_grep "$TMPD/status.txt" '^    OK: tap0 is up with carrier'

note "tapscope leaves: carrier goes, and the status says why"
kill -INT "$TS_PID"; wait "$TS_PID"
"$TAPSCOPE" --netns "$NLNS" --status >"$TMPD/status2.txt" || fail "tapscope --status failed"
assert_grep "$TMPD/status2.txt" '^    NO-CARRIER: no program has tap0 open'

note "the model follows the device when it vanishes and comes back"
W=$TMPD/watch.txt
nl_bg "$W" "$NLTOOL" watch tap0 --addrs
wait_for "$W" '^nltool: ready' 5 || fail "nltool watch did not start"
nsx ip tuntap del tap0 mode tap
wait_for "$W" 'link del tap0$' 1 || fail "no link del event"
wait_for "$W" '^addrs 0$' 1 || fail "the address feed did not empty"
nsx ip tuntap add tap0 mode tap
wait_for "$W" 'link add tap0 DOWN state DOWN mtu 1500$' 1 || fail "no link add event"
nsx ip addr add 10.18.0.1/24 dev tap0
wait_for "$W" 'addrs 1 10.18.0.1/24$' 1 || fail "the address feed missed the new device's address"
note "renamed away and back"
nsx ip link set tap0 name tapz
deadline=$(( $(date +%s) + 2 ))
until [ "$(grep -c 'link del tap0$' "$W")" -eq 2 ]; do
	[ "$(date +%s)" -le "$deadline" ] || fail "renaming tap0 away was not a link del"
	sleep 0.05
done
nsx ip link set tapz name tap0
deadline=$(( $(date +%s) + 2 ))
until [ "$(grep -c 'link add tap0 ' "$W")" -eq 2 ]; do
	[ "$(date +%s)" -le "$deadline" ] || fail "renaming back to tap0 was not a link add"
	sleep 0.05
done
deadline=$(( $(date +%s) + 2 ))
until [ "$(grep -c '^addrs 1 10.18.0.1/24$' "$W")" -ge 2 ]; do
	[ "$(date +%s)" -le "$deadline" ] || { cat "$W"; fail "the address feed did not come back with the renamed device"; }
	sleep 0.05
done
echo PASS
