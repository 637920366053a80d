#!/usr/bin/env bash
# privdrop.sh — issue 12 (7): --user nobody. Once set up tapscope runs as nobody with its groups and no
# capabilities at all; the peers still answer pings, the pcap (opened before the drop) is written, the netlink
# model stays live, the namespace is still removed at the end (by the root helper, even after kill -9), and
# actions needing CAP_NET_ADMIN (addr add: the UI's `a`, detach, mtu; named actions through --control, as the
# UI's keys call them) are refused with a message saying why.
. "$(dirname "$0")/../lib.sh"
need_root
need_cmd tcpdump
getent passwd nobody >/dev/null || skip "no user nobody"

start_tapscope "$TMPD/run" --netns "$NS" --user nobody --echo --print --events -w "$TMPD/u.pcap"
wait_ready "$TMPD/run" || fail "tapscope did not start"
st=/proc/$TS_PID/status
grep -E '^(Uid|Gid|Groups|CapInh|CapPrm|CapEff|CapBnd|CapAmb|NoNewPrivs):' "$st"
nobody_uid=$(id -u nobody) nobody_gid=$(id -g nobody)
grep -Eq "^Uid:\s+$nobody_uid\s+$nobody_uid\s+$nobody_uid\s+$nobody_uid$" "$st" || fail "not running as nobody"
grep -Eq "^Gid:\s+$nobody_gid\s+$nobody_gid\s+$nobody_gid\s+$nobody_gid$" "$st" || fail "not in nobody's group"
[ "$(grep '^Groups:' "$st" | cut -f2 | tr ' ' '\n' | grep . | sort -n | xargs)" = "$(id -G nobody | tr ' ' '\n' | sort -n | xargs)" ] ||
	fail "supplementary groups are not nobody's ($(id -G nobody))"
for c in CapInh CapPrm CapEff CapBnd CapAmb; do
	grep -Eq "^$c:\s+0+$" "$st" || fail "$c not empty: $(grep "^$c" "$st")"
done
grep -Eq '^NoNewPrivs:\s+1$' "$st" || fail "no_new_privs not set"

nsexec ping -c 3 -i 0.2 -W 1 10.18.0.3 >"$TMPD/ping" || fail "pings not answered as nobody: $(cat "$TMPD/ping")"
nsexec ip addr add 10.18.7.1/24 dev tap0
wait_for "$TMPD/run" '^[0-9:.]+ addr add 10.18.7.1/24 dev tap0' 2 || fail "the model is not live after the drop"
stop_tapscope INT
[ "$TS_RC" -eq 0 ] || fail "exit status $TS_RC"
n=$(tcpdump -nr "$TMPD/u.pcap" 'icmp[icmptype] == icmp-echoreply' 2>/dev/null | wc -l)
[ "$n" -eq 3 ] || fail "the pcap holds $n echo replies (want 3)"
assert_grep "$TMPD/run" 'saved to .*u\.pcap \([0-9]+ frames\)'
[ ! -e "/run/netns/$NS" ] || fail "the namespace was left behind"
note "nobody: pings answered, pcap written ($n replies), model live, namespace removed"

note "an action needing CAP_NET_ADMIN is refused, with the reason (--control: the actions the UI's keys call)"
make_control
start_tapscope "$TMPD/act" --netns "$NS" --user nobody --print --control "$CTL"
wait_ready "$TMPD/act" || fail "tapscope did not start"
ctl "addr add 10.18.0.5/24"
wait_for "$TMPD/act" '^tapscope: error: addr add 10.18.0.5/24 dev tap0 needs CAP_NET_ADMIN: tapscope dropped to user nobody \(--user\)$' 3 ||
	fail "adding an address was not refused with the reason"
! nsexec ip -br addr show dev tap0 | grep -q 10.18.0.5 || fail "the address was added anyway"
ctl detach
wait_for "$TMPD/act" '^tapscope: error: detaching the queue needs CAP_NET_ADMIN: tapscope dropped to user nobody \(--user\)$' 3 ||
	fail "detach (which could never re-attach) was not refused"
ctl "mtu 1400"
wait_for "$TMPD/act" '^tapscope: error: link set tap0 mtu 1400 needs CAP_NET_ADMIN' 3 || fail "mtu was not refused"
ctl "echo on"
wait_for "$TMPD/act" '^tapscope: .*echo' 3 || fail "an action that needs no privilege did not work"
stop_tapscope INT
[ ! -e "/run/netns/$NS" ] || fail "the namespace was left behind"

note "kill -9: the root helper still removes the namespace"
start_tapscope "$TMPD/k9" --netns "$NS" --user nobody --print
wait_ready "$TMPD/k9" || fail "tapscope did not start"
kill -9 "$TS_PID"; wait "$TS_PID" 2>/dev/null
for _ in $(seq 40); do [ -e "/run/netns/$NS" ] || break; sleep 0.05; done
[ ! -e "/run/netns/$NS" ] || fail "after kill -9 the namespace was left behind"

note "a user that does not exist"
"$TAPSCOPE" --netns "$NS" --user no-such-user-12 --print >"$TMPD/bad" 2>&1 && fail "started with a user that does not exist"
assert_grep "$TMPD/bad" "^tapscope: no user 'no-such-user-12' for --user"
[ ! -e "/run/netns/$NS" ] || fail "the namespace was left behind"
echo PASS
