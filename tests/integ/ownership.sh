#!/usr/bin/env bash
# ownership.sh — issue 12 (1, 2): tapscope removes only what this run made, by identity, not by name.
#  - its namespace deleted and a new one made under the same name while it runs: it says so, goes on, and on
#    exit leaves the new one (the issue's reproduction, with a test name instead of d2);
#  - its device deleted from outside: said with its cause (headless), the run goes on, exit status 1;
#  - detach / attach / recreate (the UI's D and its re-create key, as --control actions): a failed re-attach keeps
#    the device's name and can be tried again; quitting while detached removes the device this run made, also
#    in a namespace that existed before, but never a device someone else made under the same name meanwhile.
. "$(dirname "$0")/../lib.sh"
need_root

note "the namespace replaced under tapscope"
start_tapscope "$TMPD/ns.out" --netns "$NS" --print
wait_ready "$TMPD/ns.out" || fail "tapscope did not start"
ip netns del "$NS"
wait_for "$TMPD/ns.out" "^tapscope: namespace $NS was deleted from outside" 3 || fail "the deletion was not reported"
ip netns add "$NS"
wait_for "$TMPD/ns.out" "^tapscope: the name $NS now belongs to another namespace" 3 || fail "the new namespace was not reported"
kill -0 "$TS_PID" || fail "tapscope ended"
stop_tapscope INT
[ "$TS_RC" -eq 0 ] || fail "exit status $TS_RC"
ip netns list | grep -qw "$NS" || fail "tapscope removed the new $NS, which it did not make"
note "the new $NS is still there"
ip netns del "$NS"

note "the device deleted under tapscope (headless)"
start_tapscope "$TMPD/dev.out" --netns "$NS" --print --events
wait_ready "$TMPD/dev.out" || fail "tapscope did not start"
idx=$(nsexec cat /sys/class/net/tap0/ifindex)
nsexec ip link del tap0
wait_for "$TMPD/dev.out" "^tapscope: device tap0 \\(index $idx\\) was deleted from outside while tapscope held it" 3 ||
	fail "the deletion was not reported with its cause"
wait_for "$TMPD/dev.out" '^[0-9:.]+ link del tap0$' 3 || fail "the model did not follow"
nsexec ip tuntap add dev tap0 mode tap	# someone else's tap0 now
nsexec ip link set tap0 up
wait_for "$TMPD/dev.out" '^[0-9:.]+ link add tap0' 3 || fail "the model did not see the new tap0"
kill -0 "$TS_PID" || fail "tapscope ended when its device went"
stop_tapscope INT
[ "$TS_RC" -eq 1 ] || fail "exit status $TS_RC (want 1: the device was lost)"
assert_grep "$TMPD/dev.out" '^tapscope: .*; tap0 was deleted from outside during the run$'
assert_no_namespace "$NS"

# --control: the named actions the UI's keys call (detach, attach, recreate); replies on stderr
note "detach, a failed re-attach, and quitting while detached (a namespace that existed before)"
ip netns add "$NS" || fail "cannot create $NS"
make_control
start_tapscope "$TMPD/d.out" --netns "$NS" -i tap3 --print --control "$CTL"
wait_ready "$TMPD/d.out" || fail "tapscope did not start"
ctl detach
wait_for "$TMPD/d.out" '^tapscope: detached from tap3' 3 || fail "detach failed"
nsexec ip link show tap3 >/dev/null || fail "tap3 went with the detach"
nsexec ip link del tap3
ctl attach
wait_for "$TMPD/d.out" '^tapscope: error: cannot re-attach: tap3 is gone \(deleted from outside\); the recreate action makes it again' 3 || fail "no clear error"
ctl attach
for _ in $(seq 60); do [ "$(grep -c '^tapscope: error: cannot re-attach' "$TMPD/d.out")" -ge 2 ] && break; sleep 0.05; done
[ "$(grep -c '^tapscope: error: cannot re-attach: tap3 is gone' "$TMPD/d.out")" -eq 2 ] ||
	{ cat "$TMPD/d.out"; fail "the second attempt did not name tap3"; }
! grep -q "bad device name ''" "$TMPD/d.out" || fail "a failed re-attach wiped the device name"
ctl recreate
wait_for "$TMPD/d.out" '^tapscope: tap3 made again \(index [0-9]+\)' 3 || fail "recreate failed"
nsexec ip -br addr show dev tap3 | grep -q '10\.18\.0\.1/24' || fail "the device made again has not its address"
ctl detach
wait_for "$TMPD/d.out" '^tapscope: detached from tap3' 3 || fail "detach failed"
stop_tapscope INT
! nsexec ip link show tap3 >/dev/null 2>&1 || fail "quitting while detached left tap3 (made by this run) behind"
ip netns list | grep -qw "$NS" || fail "the namespace that existed before was removed"
note "tap3 removed, $NS kept"

note "detached, then someone else's device takes the name: it is left alone"
start_tapscope "$TMPD/d2.out" --netns "$NS" -i tap4 --print --control "$CTL"
wait_ready "$TMPD/d2.out" || fail "tapscope did not start"
ctl detach
wait_for "$TMPD/d2.out" '^tapscope: detached from tap4' 3 || fail "detach failed"
nsexec ip link del tap4
nsexec ip tuntap add dev tap4 mode tap
ctl attach
wait_for "$TMPD/d2.out" '^tapscope: error: cannot re-attach: tap4 is another device now' 3 || fail "re-attached to another's device"
ctl recreate
wait_for "$TMPD/d2.out" '^tapscope: error: a device tap4 \(index [0-9]+\) exists, not made by this run' 3 ||
	fail "recreate took over another's device"
stop_tapscope INT
nsexec ip link show tap4 >/dev/null 2>&1 || fail "tapscope removed a tap4 it did not make"
echo PASS
