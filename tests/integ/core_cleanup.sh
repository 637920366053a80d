#!/usr/bin/env bash
# core_cleanup.sh — acceptance 4: after a normal end, SIGINT, SIGTERM or SIGHUP no device or namespace
# made by the run remains; an attached pre-existing device is unchanged; --persist leaves the device.
source "$(dirname "$0")/../lib.sh"
need_root

for how in count INT TERM HUP; do
	ns="${NS}_$how"
	if [ $how = count ]; then
		start_tapscope "$TMPD/$how" --netns "$ns" --print -c 1 \
			--inject 'icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 checksum=bad'
		wait "$TS_PID"; TS_RC=$?
	else
		start_tapscope "$TMPD/$how" --netns "$ns" --print -w "$TMPD/$how.pcap"
		wait_ready "$TMPD/$how" || fail "$how: did not start"
		stop_tapscope $how
		tcpdump -r "$TMPD/$how.pcap" >/dev/null 2>&1 || fail "$how: pcap file not valid"
	fi
	[ "$TS_RC" = 0 ] || fail "$how: exit status $TS_RC"
	assert_no_namespace "$ns"
	[ ! -e "/run/netns/$ns" ] || fail "$how: /run/netns/$ns left"
	echo "ok: $how"
done

# attach to a device that existed before: it is left exactly as it was. (The kernel itself adds
# an IPv6 link-local address the first time the device has carrier; that is not tapscope's doing.)
device_state() {
	python3 -c 'import json,sys
d = json.load(sys.stdin)[0]
print(d["ifname"], d["flags"], d["mtu"], d["address"], [a["local"] + "/" + str(a["prefixlen"]) for a in d["addr_info"] if a.get("scope") != "link"])'
}
ip netns add "$NS" || fail "cannot create namespace"
nsexec ip tuntap add dev tap5 mode tap
nsexec ip addr add 10.19.0.1/24 dev tap5
nsexec ip link set tap5 up
before=$(nsexec ip -j addr show dev tap5 | device_state)
start_tapscope "$TMPD/attach" --netns "$NS" --attach -i tap5 --print
wait_ready "$TMPD/attach" || fail "attach: did not start"
assert_grep "$TMPD/attach" 'ready: tap5 \(tap, attached\) in namespace'
nsexec ip link show tap5 | grep -q 'LOWER_UP' || fail "no carrier while attached"
stop_tapscope TERM
after=$(nsexec ip -j addr show dev tap5 | device_state)
ip netns list | grep -qw "$NS" || fail "the pre-existing namespace was removed"
# carrier goes back to what it was: nobody holds the device
[ "$(echo "$before" | sed 's/LOWER_UP, //')" = "$(echo "$after" | sed 's/LOWER_UP, //')" ] || fail "device changed: $before -> $after"
echo "ok: attached device unchanged ($after)"

# --persist: the device outlives the run; without it, the device goes
start_tapscope "$TMPD/persist" --netns "$NS" -i tap6 --persist --print
wait_ready "$TMPD/persist" || fail "persist: did not start"
stop_tapscope INT
nsexec ip link show tap6 >/dev/null 2>&1 || fail "--persist device tap6 vanished"
start_tapscope "$TMPD/gone" --netns "$NS" -i tap7 --print
wait_ready "$TMPD/gone" || fail "tap7: did not start"
stop_tapscope INT
! nsexec ip link show tap7 >/dev/null 2>&1 || fail "device tap7 created by the run was left behind"
echo "ok: --persist kept tap6, tap7 removed"
