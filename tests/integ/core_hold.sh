#!/usr/bin/env bash
# core_hold.sh — the outbox on hold (the core of step mode), driven headless through --control:
# a ping's reply waits; release lets exactly one echo reply reach the kernel; drop makes that ping
# time out; edit replaces the held reply by another packet, which the kernel gets instead.
source "$(dirname "$0")/../lib.sh"
need_root
make_control
start_tapscope "$TMPD/out" --netns "$NS" --tun --echo --print -# --control "$CTL"
wait_ready "$TMPD/out" || fail "tapscope did not start"
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply before hold"

ctl "hold on"
wait_for "$TMPD/out" 'outbox on hold' || fail "hold on not acknowledged"
held() { count_matching "$TMPD/out" '^tapscope: held #'; }

# release: exactly one reply reaches the kernel
before=$(icmp_counter InEchoReps)
nsexec ping -c 1 -W 5 10.18.0.3 >"$TMPD/p1" 2>&1 & pid=$!
wait_for "$TMPD/out" 'held #[0-9]+ \(reply to frame [0-9]+\): IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' ||
	fail "the reply was not held"
sleep 0.3
[ "$(icmp_counter InEchoReps)" = "$before" ] || fail "a held reply reached the kernel"
ctl "release"
wait $pid || fail "the ping did not get the released reply: $(cat "$TMPD/p1")"
after=$(icmp_counter InEchoReps)
[ $((after - before)) = 1 ] || fail "InEchoReps went $before -> $after, not +1"
echo "ok: release let exactly one reply through"

# drop: that ping times out
n=$(held)
nsexec ping -c 1 -W 2 10.18.0.3 >"$TMPD/p2" 2>&1 & pid=$!
for _ in $(seq 100); do [ "$(held)" -gt "$n" ] && break; sleep 0.05; done
[ "$(held)" -gt "$n" ] || fail "second reply not held"
ctl "drop"
wait_for "$TMPD/out" 'dropped held frame' || fail "drop not acknowledged"
wait $pid && fail "the ping got a dropped reply"
assert_grep "$TMPD/p2" '100% packet loss'
[ "$(icmp_counter InEchoReps)" = "$after" ] || fail "InEchoReps changed after drop"
echo "ok: drop made the ping time out"

# edit: the held reply becomes a port unreachable quoting the request; the kernel takes that instead
n=$(held)
nsexec ping -c 1 -W 3 10.18.0.3 >"$TMPD/p3" 2>&1 & pid=$!
for _ in $(seq 100); do [ "$(held)" -gt "$n" ] && break; sleep 0.05; done
id=$(sed -n 's/^tapscope: held #\([0-9]*\) .*/\1/p' "$TMPD/out" | tail -n 1)
[ -n "$id" ] || fail "no held id"
unreach=$(icmp_counter InDestUnreachs)
ctl "edit $id icmp type=dest-unreach code=port-unreach quote=last"
wait_for "$TMPD/out" "held frame $id is now: icmp type=dest-unreach" || fail "edit not acknowledged"
ctl "release $id"
wait $pid
assert_grep "$TMPD/p3" 'Destination Port Unreachable'
[ "$(icmp_counter InDestUnreachs)" = $((unreach + 1)) ] || fail "the kernel did not count the edited packet"
[ "$(icmp_counter InEchoReps)" = "$after" ] || fail "an echo reply went through despite the edit"
assert_grep "$TMPD/out" '> [0-9]+ IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP 10\.18\.0\.3 protocol 1 port unreachable|> [0-9]+ IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP .*unreachable'
echo "ok: edit replaced the held reply"

# errors name the problem
ctl "release 999"
wait_for "$TMPD/out" 'release: (nothing is held|no held frame 999)' || fail "release of an unknown frame not refused"
ctl "hold maybe"
wait_for "$TMPD/out" 'hold: expected on, off or toggle' || fail "bad hold argument not refused"
