#!/usr/bin/env bash
# core_multidev.sh — several devices: -i tap0 -i tun0 --tun (each takes the options after it; without
# -a the Nth gets 10.18.N.1/24); both peers answer, and each --print line names its device.
source "$(dirname "$0")/../lib.sh"
need_root
start_tapscope "$TMPD/out" --netns "$NS" --echo --print -i tap0 -i tun0 --tun
wait_for "$TMPD/out" 'ready: tun0 \(tun, created\) in namespace .*10\.18\.1\.1/24' || fail "tun0 not ready"
assert_grep "$TMPD/out" 'ready: tap0 \(tap, created\) in namespace .*10\.18\.0\.1/24'
nsexec ping -c 2 -i 0.3 -W 1 10.18.0.3 >"$TMPD/p0" 2>&1 || fail "10.18.0.3 (tap0) not answered"
nsexec ping -c 2 -i 0.3 -W 1 10.18.1.3 >"$TMPD/p1" 2>&1 || fail "10.18.1.3 (tun0) not answered"
wait_for "$TMPD/out" '^[0-9:.]+ tun0 > 84 IP 10\.18\.1\.3 > 10\.18\.1\.1: ICMP echo reply' || fail "no tun0 reply line"
assert_grep "$TMPD/out" '^[0-9:.]+ tap0 < 42 ARP, Request who-has 10\.18\.0\.3 tell 10\.18\.0\.1'
assert_grep "$TMPD/out" '^[0-9:.]+ tap0 > 98 IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply'
grep -E '^[0-9:.]+ tun0 .*ARP' "$TMPD/out" && fail "ARP on a tun"
stop_tapscope INT
assert_grep "$TMPD/out" '^tapscope: tap0: [0-9]+ frames'
assert_grep "$TMPD/out" '^tapscope: tun0: [0-9]+ frames'
assert_no_namespace "$NS"
# option errors name the device
"$TAPSCOPE" -i tap0 -i tap0 --print >"$TMPD/err" 2>&1; [ $? = 2 ] || fail "a device given twice was accepted"
assert_grep "$TMPD/err" "device 'tap0' given twice with -i"
echo "ok: two devices answer and name themselves"
