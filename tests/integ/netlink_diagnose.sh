#!/usr/bin/env bash
# netlink_diagnose.sh — acceptance 2 with the real kernel: each diagnosis verdict, starting with the classic puzzle
# (`ip tuntap add` + `ip addr add` + ping, nobody attached: NO-CARRIER, and tcpdump indeed sees nothing).
# One-shot verdicts come from `tapscope --netns NS --status --json`; those that need a target or rates from nltool.
. "$(dirname "$0")/../tools/nllib.sh"
"$TAPSCOPE" --help 2>/dev/null | grep -q -- '--status' || skip "tapscope is not built with --status"

# status_json [--target ADDR]: tapscope's --status --json for tap0; with a target, nltool's (tapscope has no --target)
status_json() {
	if [ $# -eq 0 ]; then "$TAPSCOPE" --netns "$NLNS" --status --json; else nl_status tap0 --json "$@"; fi
}
# codes [--target ADDR]: the diagnosis codes of tap0, in order, space-separated
codes() { status_json "$@" 2>/dev/null | python3 -c 'import json,sys; print(" ".join(d["code"] for d in json.load(sys.stdin)["diagnosis"]))'; }
texts() { status_json "$@" 2>/dev/null | python3 -c 'import json,sys; print("\n".join(d["text"] for d in json.load(sys.stdin)["diagnosis"]))'; }
expect_first() {
	local want=$1; shift
	local got; got=$(codes "$@")
	[ "${got%% *}" = "$want" ] || fail "diagnosis: wanted $want first, got '$got'"
	note "$want: $(texts "$@" | head -n 1)"
}

note "no device"
expect_first NO-DEVICE

note "the puzzle: ip tuntap add, ip addr add, up, ping — nobody holds the device"
nsx ip tuntap add tap0 mode tap
nsx ip addr add 10.18.0.1/24 dev tap0
nsx ip link set tap0 up
nsx sysctl -qw net.ipv6.conf.tap0.disable_ipv6=1	# keep IPv6 chatter out of the counters
expect_first NO-CARRIER
texts | grep -qx 'NO-CARRIER: no program has tap0 open — tcpdump will see nothing; attach a reader' ||
	fail "NO-CARRIER text: $(texts)"
if command -v tcpdump >/dev/null; then
	nl_bg "$TMPD/tcpdump.txt" timeout 3 tcpdump -ni tap0 -l -c 1 icmp
	TD=$BG_PID
	wait_for "$TMPD/tcpdump.txt" 'listening on tap0' 3 || fail "tcpdump did not start"
	nsx ping -c 2 -i 0.3 -W 1 10.18.0.3 >/dev/null 2>&1
	wait "$TD"
	! grep -q 'ICMP echo request' "$TMPD/tcpdump.txt" || fail "tcpdump saw the ping although nobody holds tap0"
	note "tcpdump saw nothing, as the diagnosis says"
fi

note "admin DOWN comes first"
nsx ip link set tap0 down
expect_first ADMIN-DOWN
texts | grep -qx 'admin DOWN: tap0 is down — set it up' || fail "ADMIN-DOWN text: $(texts)"
codes | grep -qw NO-CARRIER || fail "NO-CARRIER should follow admin DOWN: $(codes)"
nsx ip link set tap0 up

note "held, carrier switched off: the holder is named"
nl_hold tap0
[ "$(codes)" = OK ] || fail "held, up, addressed: wanted OK, got '$(codes)'"
[ "$(nl_hold_cmd 'carrier off')" = "ok carrier off" ] || fail "carrier off"
expect_first NO-CARRIER
texts | grep -Eq '^NO-CARRIER: tap0 is open by nltool\[[0-9]+\] but its carrier is off' || fail "held NO-CARRIER text: $(texts)"
[ "$(nl_hold_cmd 'carrier on')" = "ok carrier on" ] || fail "carrier on"

note "tx_dropped rising (counters watched for a while, as the UI does)"
nsx ip neigh replace 10.18.0.3 lladdr 02:00:0a:12:00:03 dev tap0 nud permanent
nl_hold_cmd 'carrier off' >/dev/null
nl_bg "$TMPD/ping.txt" ping -i 0.1 -c 30 -W 1 10.18.0.3
nl_status tap0 --json --live 1.5 >"$TMPD/live.json"
python3 - "$TMPD/live.json" <<'PY' || fail "tx_dropped not diagnosed"
import json, sys
s = json.load(open(sys.argv[1]))
codes = [d["code"] for d in s["diagnosis"]]
print("codes:", codes, "tx dropped/s:", s.get("rates", {}).get("tx", {}).get("dropped"))
assert codes[0] == "NO-CARRIER" and "TX-DROPPED" in codes, codes
assert s["rates"]["tx"]["dropped"] > 0
PY
nl_hold_cmd 'carrier on' >/dev/null
kill "$BG_PID" 2>/dev/null; wait "$BG_PID" 2>/dev/null	# the ping, or it makes new INCOMPLETE entries below
nsx ip neigh del 10.18.0.3 dev tap0

note "no address"
nsx ip addr flush dev tap0
expect_first NO-ADDRESS

note "no route: the address without its prefix route"
nsx ip addr add 10.18.0.1/24 dev tap0 noprefixroute
expect_first NO-ROUTE
texts | grep -qx 'no route to 10.18.0.2 via tap0' || fail "NO-ROUTE text: $(texts)"
expect_first NO-ROUTE --target 10.18.0.3
texts --target 10.18.0.3 | grep -qx 'no route to 10.18.0.3 via tap0' || fail "NO-ROUTE text with target"
nsx ip route add 10.18.0.0/24 dev tap0
nsx ip neigh flush dev tap0	# an INCOMPLETE entry left from the pings above is not what this step checks
[ "$(codes --target 10.18.0.3)" = OK ] || fail "route back: wanted OK, got '$(codes --target 10.18.0.3)'"

note "route elsewhere: another device's route wins for the peer (the kernel's own answer, RTM_GETROUTE)"
nsx ip tuntap add dup0 mode tap
nsx ip link set dup0 up
nsx ip route add 10.18.0.3/32 dev dup0
[ "$(nsx ip route get 10.18.0.3 | grep -o 'dev [a-z0-9]*')" = "dev dup0" ] || fail "the kernel does not route 10.18.0.3 via dup0"
expect_first ROUTE-ELSEWHERE --target 10.18.0.3
texts --target 10.18.0.3 | grep -qx 'traffic for 10.18.0.3 leaves by dup0, not tap0 (ip route get 10.18.0.3) — give tap0 a subnet no other device has' ||
	fail "ROUTE-ELSEWHERE text: $(texts --target 10.18.0.3)"
[ "$(codes)" = OK ] || fail "the default peer 10.18.0.2 still goes by tap0: wanted OK, got '$(codes)'"
nsx ip route add 10.18.0.0/25 dev dup0	# now the default peer too, and --status says so
expect_first ROUTE-ELSEWHERE
nsx ip link del dup0
[ "$(codes --target 10.18.0.3)" = OK ] || fail "dup0 gone: wanted OK, got '$(codes --target 10.18.0.3)'"

note "ARP FAILED: held, but nobody answers ARP"
nsx sysctl -qw net.ipv4.neigh.tap0.retrans_time_ms=100 net.ipv4.neigh.tap0.mcast_solicit=2 net.ipv4.neigh.tap0.ucast_solicit=0
nsx ping -c 1 -W 1 10.18.0.3 >/dev/null 2>&1
deadline=$(( $(date +%s) + 5 ))
until nsx ip -j neigh show dev tap0 | grep -q FAILED; do
	[ "$(date +%s)" -le "$deadline" ] || fail "the neighbour entry never failed"
	sleep 0.1
done
expect_first NEIGH-FAILED
texts | grep -qx 'ARP for 10.18.0.3 FAILED: nobody answered (turn on neighbour answers)' || fail "ARP text: $(texts)"

note "the device goes away"
nl_hold_stop
nsx ip tuntap del tap0 mode tap
expect_first NO-DEVICE
echo PASS
