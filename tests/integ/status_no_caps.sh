#!/usr/bin/env bash
# status_no_caps.sh — issue 12 (6): --status lists every address, route and neighbour, with no cap (it used to
# stop at 32 addresses and 64 routes and neighbours without a word): 100 addresses, 100 more routes and 100
# neighbours, compared with ip -j, in text and JSON; and a running tapscope's responder still knows all 100
# addresses as the device's own.
. "$(dirname "$0")/../lib.sh"
need_root
need_cmd python3

ip netns add "$NS" || fail "cannot create namespace $NS"
nsexec ip link set lo up
nsexec ip tuntap add dev tap0 mode tap
{
	# one /16 holding the 99 /24s after it: every address is inside a subnet of the device
	echo "addr add 10.40.0.1/16 dev tap0"
	for i in $(seq 1 99); do echo "addr add 10.40.$i.1/24 dev tap0"; done
	echo "link set tap0 up"
	for i in $(seq 1 100); do echo "route add 10.100.$i.0/24 via 10.40.1.7 dev tap0"; done
	for i in $(seq 1 100); do printf 'neigh add 10.40.2.%d lladdr 02:00:00:00:02:%02x dev tap0 nud permanent\n' "$i" "$i"; done
} >"$TMPD/batch"
nsexec ip -batch "$TMPD/batch" || fail "ip -batch failed"

"$TAPSCOPE" --netns "$NS" --status --json >"$TMPD/status.json" || fail "tapscope --status --json failed"
"$TAPSCOPE" --netns "$NS" --status >"$TMPD/status.txt" || fail "tapscope --status failed"
nsexec ip -j addr show dev tap0 >"$TMPD/ip_addr.json"
nsexec ip -j route show dev tap0 >"$TMPD/ip_route.json"
nsexec ip -j neigh show dev tap0 >"$TMPD/ip_neigh.json"
python3 - "$TMPD" <<'PY' || fail "--status disagrees with ip -j"
import json, sys, os, re
d = sys.argv[1]
st = json.load(open(os.path.join(d, "status.json")))
addrs = json.load(open(os.path.join(d, "ip_addr.json")))[0]["addr_info"]
routes = json.load(open(os.path.join(d, "ip_route.json")))
neighs = json.load(open(os.path.join(d, "ip_neigh.json")))
text = open(os.path.join(d, "status.txt")).read()
mine = sorted(f'{a["local"]}/{a["prefixlen"]}' for a in st["addr_info"])
theirs = sorted(f'{a["local"]}/{a["prefixlen"]}' for a in addrs)
bad = 0
print(f"--status --json: {len(mine)} addresses, {len(st['routes'])} routes; ip -j: {len(theirs)} addresses, {len(routes)} routes")
if mine != theirs:
    print("addresses differ:", sorted(set(theirs) - set(mine))[:5], sorted(set(mine) - set(theirs))[:5]); bad = 1
if sorted(r["dst"] for r in st["routes"]) != sorted(r["dst"] for r in routes):
    print("routes differ"); bad = 1
print(f"neighbours: --status {len(st['neighbours'])}, ip -j {len(neighs)}")
if sorted((n["dst"], n.get("lladdr")) for n in st["neighbours"]) != sorted((n["dst"], n.get("lladdr")) for n in neighs):
    print("neighbours differ"); bad = 1
v4 = [a for a in theirs if ":" not in a]
if len(v4) != 100 or len(routes) != 200 or len(neighs) != 100:
    print(f"the namespace does not hold what the test made: {len(v4)} IPv4 addresses, {len(routes)} routes, "
          f"{len(neighs)} neighbours"); bad = 1
# text: every address and route has its line
for a in v4:
    if not re.search(r"^\s+inet " + re.escape(a) + r" ", text, re.M):
        print("text --status lacks address", a); bad = 1; break
for r in routes:
    if not re.search(r"^\s+" + re.escape(r["dst"]) + r"\b", text, re.M):
        print("text --status lacks route", r["dst"]); bad = 1; break
sys.exit(bad)
PY

note "a running tapscope's responder knows all 100 addresses as the device's own"
start_tapscope "$TMPD/run" --netns "$NS" --attach --echo --print
wait_ready "$TMPD/run" || fail "tapscope did not start"
# 10.40.99.1, the 100th, is the device's own: tapscope must never answer ARP for it as a peer (the old
# fixed 32-address set did: beyond 32 it was just another address inside 10.40.0.0/16)
nsexec ping -c 1 -W 1 10.40.99.2 >/dev/null 2>&1 || fail "a peer in the 99th subnet was not answered"
nsexec arping -c 2 -w 2 -I tap0 10.40.99.1 >"$TMPD/arping" 2>&1
wait_for "$TMPD/run" '< .*ARP, Request who-has 10.40.99.1 tell 10.40.0.1' 3 || fail "tapscope did not see the ARP request"
grep -q '> .*ARP, Reply 10.40.99.1 is-at' "$TMPD/run" && fail "tapscope answered ARP for the device's own 10.40.99.1"
stop_tapscope INT
echo PASS
