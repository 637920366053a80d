#!/usr/bin/env bash
# core_ping6.sh — acceptance 2 (IPv6): neighbour solicitation answered, ping -6 gets 0% loss;
# the kernel's own tentative addresses are never answered for (its DAD must succeed).
source "$(dirname "$0")/../lib.sh"
need_root; need_cmd ping

start_tapscope "$TMPD/out" --netns "$NS" -a 10.18.0.1/24 -a fd00::1/64 --echo --print
wait_ready "$TMPD/out" || fail "tapscope did not start"
for _ in $(seq 50); do
	[ -z "$(nsexec ip -6 addr show dev tap0 tentative)" ] && break
	sleep 0.1
done
[ -z "$(nsexec ip -6 addr show dev tap0 tentative)" ] || fail "DAD still running after 5 s"
nsexec ip -6 addr show dev tap0 | grep -q dadfailed && fail "tapscope broke the kernel's DAD"
nsexec ping -6 -c 5 -i 0.2 -W 2 fd00::3 >"$TMPD/ping" || { cat "$TMPD/ping"; fail "ping -6 failed"; }
grep -q ' 0% packet loss' "$TMPD/ping" || fail "ping -6 lost packets"
stop_tapscope INT
cat "$TMPD/out"
assert_grep "$TMPD/out" '< [0-9]+ IP6 fd00::1 > ff02::1:ff00:3: ICMP6, neighbor solicitation, who has fd00::3'
assert_grep "$TMPD/out" '> [0-9]+ IP6 fd00::3 > fd00::1: ICMP6, neighbor advertisement, tgt is fd00::3'
[ "$(grep -cE '> [0-9]+ IP6 fd00::3 > fd00::1: ICMP6, echo reply' "$TMPD/out")" -ge 5 ] || fail "echo replies missing"
! grep -E '> .*neighbor advertisement, tgt is (fd00::1|fe80::)' "$TMPD/out" || fail "answered for the kernel's own address"
