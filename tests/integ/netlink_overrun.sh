#!/usr/bin/env bash
# netlink_overrun.sh — issue 12 (5): thousands of quick address adds and deletes (ip -batch) in the namespace.
# While tapscope is stopped (SIGSTOP) its netlink socket overruns: tapscope then says so in one line, resyncs
# (drain, re-dump, diff) and --events reports the 2,480 deletions it missed. After each batch its model,
# replayed from the event lines, and --status --json both equal ip -j; last, a 5,000-change batch with
# tapscope running.
. "$(dirname "$0")/../lib.sh"
need_root
need_cmd python3

ip netns add "$NS" || fail "cannot create namespace $NS"
nsexec ip link set lo up
nsexec ip tuntap add dev tap0 mode tap
nsexec ip addr add 10.18.0.1/24 dev tap0
nsexec ip link set tap0 up
nsexec sysctl -qw net.ipv6.conf.tap0.disable_ipv6=1	# no DAD or link-local churn: only the batch changes things
nsexec sysctl -qw net.ipv4.conf.tap0.promote_secondaries=1	# deleting a primary keeps the secondaries

OUT=$TMPD/events.txt
start_tapscope "$OUT" --netns "$NS" --attach --print --events
wait_ready "$OUT" || fail "tapscope did not start"

# ip -j state: addresses and main-table routes of tap0, as "key" strings the replay below also builds
ipj_state() {
	nsexec ip -j addr show dev tap0 >"$1.addr"
	nsexec ip -j route show dev tap0 >"$1.route"
}
ipj_state "$TMPD/before"

# adds NET N / dels NET N: ip -batch lines adding, or deleting, the first N of NET.x.y/24 (10 subnets)
adds() { local i; for i in $(seq 1 "$2"); do echo "addr add $1.$((i % 10)).$(( (i / 10) % 250 + 1 ))/24 dev tap0"; done; }
dels() { local i; for i in $(seq 1 "$2"); do echo "addr del $1.$((i % 10)).$(( (i / 10) % 250 + 1 ))/24 dev tap0"; done; }

# settled MTU: a last change after the batch; notifications come in order, so once tapscope reports it,
# it has taken in everything before it
settled() {
	nsexec ip link set tap0 mtu "$1"
	wait_for "$OUT" "^[0-9:.]+ link tap0 .* mtu $1\$" 60 || fail "tapscope never caught up with the batch"
}

# compare: the model replayed from the event lines (from the state before the first batch) and a fresh
# --status --json, each against ip -j now
compare() {
	ipj_state "$TMPD/after"
	"$TAPSCOPE" --netns "$NS" --status --json >"$TMPD/status.json" || fail "--status --json failed"
	python3 - "$TMPD" "$OUT" <<'PY' || fail "the model disagrees with ip -j ($1)"
import json, re, sys, os
d, events = sys.argv[1], sys.argv[2]
def addrs(f): return {f'{a["local"]}/{a["prefixlen"]}' for a in json.load(open(f))[0]["addr_info"] if a["family"] == "inet"}
def routes(f): return {r["dst"] + (" via " + r["gateway"] if "gateway" in r else "") for r in json.load(open(f))}
model_a, model_r = addrs(d + "/before.addr"), routes(d + "/before.route")
dels = resyncs = 0
for line in open(events):
    m = re.match(r"^\d\d:\d\d:\d\d\.\d{6} (addr|route) (add|change|del) (\S+)( via (\S+))?", line)
    if line[16:].startswith("resync"): resyncs += 1
    if not m or ":" in m.group(3): continue
    kind, act, key = m.group(1), m.group(2), m.group(3)
    if kind == "route" and m.group(5): key += " via " + m.group(5)
    s = model_a if kind == "addr" else model_r
    if act == "del": s.discard(key); dels += kind == "addr"
    else: s.add(key)
ip_a, ip_r = addrs(d + "/after.addr"), routes(d + "/after.route")
st = json.load(open(d + "/status.json"))
st_a = {f'{a["local"]}/{a["prefixlen"]}' for a in st["addr_info"] if a["family"] == "inet"}
st_r = {r["dst"] + (" via " + r["gateway"] if "gateway" in r else "") for r in st["routes"] if ":" not in r["dst"]}
print(f"ip -j: {len(ip_a)} addresses, {len(ip_r)} routes; model from events: {len(model_a)} addresses, "
      f"{len(model_r)} routes ({dels} addr del lines, {resyncs} resync lines); --status: {len(st_a)}, {len(st_r)}")
bad = 0
for name, mine, theirs in (("event-replayed addresses", model_a, ip_a), ("event-replayed routes", model_r, ip_r),
                           ("--status addresses", st_a, ip_a), ("--status routes", st_r, ip_r)):
    if mine != theirs:
        bad = 1
        print(f"{name} differ: only in tapscope {sorted(mine - theirs)[:5]} ({len(mine - theirs)}), "
              f"only in ip -j {sorted(theirs - mine)[:5]} ({len(theirs - mine)})")
sys.exit(bad)
PY
}

note "2,500 addresses added while tapscope runs"
adds 10.50 2500 >"$TMPD/add"
nsexec ip -batch "$TMPD/add" || fail "ip -batch failed"
settled 1450
compare "2,500 added"

note "tapscope stopped: 2,480 of them deleted, then 5,000 more changes; the socket overruns"
kill -STOP "$TS_PID"
dels 10.50 2480 >"$TMPD/del"
{ adds 10.52 2500; dels 10.52 2500; } >"$TMPD/churn"
nsexec ip -batch "$TMPD/del" || fail "ip -batch failed"
nsexec ip -batch "$TMPD/churn" || fail "ip -batch failed"
kill -CONT "$TS_PID"
wait_for "$OUT" '^[0-9:.]+ resync: ' 10 || fail "no line saying the netlink socket overran and the model was re-read"
settled 1400
[ "$(grep -c ' resync: ' "$OUT")" -eq 1 ] || fail "not exactly one resync line"
n=$(grep -c ' addr del 10\.50\.' "$OUT")
[ "$n" -eq 2480 ] || fail "--events reported $n of the 2,480 deletions"
compare "after the overrun"
grep -E ' resync: ' "$OUT"

note "5,000 quick adds and deletes, tapscope running"
{ adds 10.51 2500; dels 10.51 2480; } >"$TMPD/batch"
nsexec ip -batch "$TMPD/batch" || fail "ip -batch failed"
start=$(date +%s%N)
settled 1300
echo "tapscope took in the batch $(( ($(date +%s%N) - start) / 1000000 )) ms after ip -batch ended"
compare "second batch"
stop_tapscope INT
echo PASS
