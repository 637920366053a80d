#!/usr/bin/env bash
# netlink_actions.sh — acceptance 3: every action, then the kernel's state through `ip -j`; and a failure of each
# with its message (libnl's words: exists, not permitted, invalid, ...).
. "$(dirname "$0")/../tools/nllib.sh"
need_cmd setpriv

act() { nsx "$NLTOOL" act "$@"; }
# ok ACTION...: the action must succeed
ok() { local out; out=$(act "$@") || fail "nltool act $*: $out"; note "$* -> $out"; }
# refused REGEX ACTION...: the action must fail with a message matching REGEX
refused() {
	local re=$1 out; shift
	out=$(act "$@") && fail "nltool act $* succeeded: $out"
	echo "$out" | grep -Eq -- "^error: .*$re" || fail "nltool act $*: message '$out' does not match /$re/"
	note "$* -> $out"
}
# unprivileged ACTION...: the same action without CAP_NET_ADMIN must fail with EPERM's words
unprivileged() {
	local out
	out=$(nsx setpriv --reuid 65534 --regid 65534 --clear-groups "$NLTOOL" act "$@") && fail "unprivileged $* succeeded"
	echo "$out" | grep -q "^error: .*Operation not permitted" || fail "unprivileged $*: '$out'"
	note "unprivileged $* -> $out"
}
# jq-like checks through python: q 'EXPR' CMD... evaluates EXPR with j = the JSON of `ip -j CMD`
q() { local expr=$1; shift; nsx ip -j "$@" | python3 -c "import json,sys; j=json.load(sys.stdin); sys.exit(0 if ($expr) else 1)"; }

nsx ip tuntap add tap0 mode tap

note "link up / down"
ok tap0 up
q '"UP" in j[0]["flags"]' link show dev tap0 || fail "tap0 not UP after up"
ok tap0 down
q '"UP" not in j[0]["flags"]' link show dev tap0 || fail "tap0 still UP after down"
ok tap0 up
refused 'no device tap9' tap9 up
unprivileged tap0 down
q '"UP" in j[0]["flags"]' link show dev tap0 || fail "the refused down changed the device"

note "MTU"
ok tap0 mtu 1400
q 'j[0]["mtu"] == 1400' link show dev tap0 || fail "mtu not 1400"
refused 'Invalid input data or parameter' tap0 mtu 70000
q 'j[0]["mtu"] == 1400' link show dev tap0 || fail "the refused mtu changed the device"

note "addresses"
ok tap0 addr-add 10.18.0.1/24
ok tap0 addr-add fd00::1/64
q 'any(a["local"] == "10.18.0.1" and a["prefixlen"] == 24 for a in j[0]["addr_info"])' addr show dev tap0 || fail "10.18.0.1/24 missing"
q 'any(a["local"] == "fd00::1" and a["prefixlen"] == 64 for a in j[0]["addr_info"])' addr show dev tap0 || fail "fd00::1/64 missing"
refused 'addr add 10.18.0.1/24 dev tap0: Object exists' tap0 addr-add 10.18.0.1/24
refused 'Invalid' tap0 addr-add 10.18.0.300/24
unprivileged tap0 addr-add 10.18.0.7/24
ok tap0 addr-del fd00::1/64
q 'not any(a["local"] == "fd00::1" for a in j[0]["addr_info"])' addr show dev tap0 || fail "fd00::1 still there"
refused 'addr del fd00::1/64 dev tap0: ' tap0 addr-del fd00::1/64

note "routes"
ok tap0 route-add 10.99.0.0/16
q 'any(r["dst"] == "10.99.0.0/16" and r.get("scope") == "link" for r in j)' route show dev tap0 || fail "10.99.0.0/16 missing"
ok tap0 route-add 10.98.0.0/16 10.18.0.3
q 'any(r["dst"] == "10.98.0.0/16" and r.get("gateway") == "10.18.0.3" for r in j)' route show dev tap0 || fail "10.98.0.0/16 via 10.18.0.3 missing"
ok tap0 route-add fd01::/64
q 'any(r["dst"] == "fd01::/64" for r in j)' -6 route show dev tap0 || fail "fd01::/64 missing"
refused 'route add 10.99.0.0/16 dev tap0: Object exists' tap0 route-add 10.99.0.0/16
refused 'route add 10.97.0.0/16 via 10.55.0.1 dev tap0: ' tap0 route-add 10.97.0.0/16 10.55.0.1
unprivileged tap0 route-add 10.96.0.0/16
ok tap0 route-del 10.99.0.0/16
ok tap0 route-del 10.98.0.0/16 10.18.0.3
ok tap0 route-del fd01::/64
q 'not any(r["dst"] in ("10.99.0.0/16", "10.98.0.0/16") for r in j)' route show dev tap0 || fail "routes still there"
q 'not any(r["dst"] == "fd01::/64" for r in j)' -6 route show dev tap0 || fail "fd01::/64 still there"
refused 'route del 10.99.0.0/16 dev tap0: Object not found' tap0 route-del 10.99.0.0/16

note "neighbours"
nsx ip neigh add 10.18.0.5 lladdr 02:00:0a:12:00:05 dev tap0 nud stale
nsx ip neigh add 10.18.0.6 lladdr 02:00:0a:12:00:06 dev tap0 nud reachable
nsx ip neigh add 10.18.0.9 lladdr 02:00:0a:12:00:09 dev tap0 nud permanent
unprivileged tap0 neigh-flush
q 'len(j) == 3' neigh show dev tap0 || fail "the refused flush removed entries"
out=$(act tap0 neigh-flush) || fail "flush: $out"
[ "$out" = "ok 2" ] || fail "flush said '$out', wanted 'ok 2'"
q '[n["dst"] for n in j] == ["10.18.0.9"]' neigh show dev tap0 || fail "flush left: $(nsx ip -j neigh show dev tap0)"
refused 'no device tap9' tap9 neigh-flush

note "carrier (TUNSETCARRIER) through the holder's fd"
nl_hold tap0
q '"LOWER_UP" in j[0]["flags"]' link show dev tap0 || fail "held tap0 has no carrier"
[ "$(nl_hold_cmd 'carrier off')" = "ok carrier off" ] || fail "carrier off refused"
q '"NO-CARRIER" in j[0]["flags"] and "LOWER_UP" not in j[0]["flags"]' link show dev tap0 || fail "carrier still on"
[ "$(nl_hold_cmd 'carrier on')" = "ok carrier on" ] || fail "carrier on refused"
q '"LOWER_UP" in j[0]["flags"]' link show dev tap0 || fail "carrier still off"
note "carrier on an fd attached to no device fails with the reason"
r=$(nsx "$NLTOOL" unattached carrier off)
echo "$r" | grep -q '^error: carrier off (TUNSETCARRIER): File descriptor in bad state' || fail "unattached carrier: '$r'"
note "single-queue detach fails with the reason"
r=$(nl_hold_cmd detach)
echo "$r" | grep -q '^error: detach queue (TUNSETQUEUE): Invalid argument (only a multi-queue device' || fail "detach on single queue: '$r'"
nl_hold_stop

note "queue detach / attach (TUNSETQUEUE) on a multi-queue device"
nsx ip tuntap add tapm mode tap multi_queue
nsx ip link set tapm up
nl_hold tapm --mq
[ "$(nl_hold_cmd detach)" = "ok detach" ] || fail "detach refused"
nl_status tapm --json >"$TMPD/mq.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); t=s["tun"]; d=[x["code"] for x in s["diagnosis"]]; print("queues", t["num_queues"], "detached", t["num_disabled_queues"], d); sys.exit(0 if t["num_queues"] == 0 and t["num_disabled_queues"] == 1 and d[0] in ("QUEUE-DETACHED", "NO-CARRIER") else 1)' "$TMPD/mq.json" ||
	fail "detached queue not seen by the kernel/model"
[ "$(nl_hold_cmd attach)" = "ok attach" ] || fail "attach refused"
nl_status tapm --json >"$TMPD/mq.json"
python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); t=s["tun"]; sys.exit(0 if t["num_queues"] == 1 and t["num_disabled_queues"] == 0 and s["carrier"] else 1)' "$TMPD/mq.json" ||
	fail "re-attached queue not seen: $(cat "$TMPD/mq.json")"
r=$(nl_hold_cmd attach)
echo "$r" | grep -q '^error: attach queue (TUNSETQUEUE): Invalid argument' || fail "second attach: '$r'"
nl_hold_stop

note "tun details from the kernel: owner, group, type, flags (compared with ip -d -j link)"
nsx ip tuntap add tun7 mode tun user 65534 group 65533 pi vnet_hdr
nl_status tun7 --json >"$TMPD/tun7.json" || fail "status tun7"
nsx ip -d -j link show dev tun7 >"$TMPD/tun7.ip.json"
python3 - "$TMPD/tun7.json" "$TMPD/tun7.ip.json" <<'PY' || fail "tun details disagree"
import json, sys
t = json.load(open(sys.argv[1]))["tun"]
d = json.load(open(sys.argv[2]))[0]["linkinfo"]["info_data"]
print("model:", t, "\nip:", d)
for k in ("type", "pi", "vnet_hdr", "persist", "multi_queue"):
    assert t[k] == d[k], k
assert t["owner"] == 65534 and t["group"] == 65533, (t.get("owner"), t.get("group"))
assert str(d.get("user")) in ("65534", "nobody") and str(d.get("group")) in ("65533", "nogroup"), d
PY
echo PASS
