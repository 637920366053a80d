#!/usr/bin/env bash
# core_pending.sh — answers that feel immediate: with answers off a ping fails; turning neighbour and
# echo answers on answers at once the ARP requests left unanswered, so the next ping loses nothing.
source "$(dirname "$0")/../lib.sh"
need_root
make_control
start_tapscope "$TMPD/out" --netns "$NS" --print --control "$CTL"
wait_ready "$TMPD/out" || fail "tapscope did not start"

nsexec ping -c 2 -W 1 10.18.0.3 >"$TMPD/ping1" 2>&1 && fail "a ping was answered with answers off"
assert_grep "$TMPD/ping1" '100% packet loss'
assert_grep "$TMPD/out" '< 42 ARP, Request who-has 10\.18\.0\.3 tell 10\.18\.0\.1'
ctl "neigh on"
ctl "echo on"
wait_for "$TMPD/out" 'echo replies on' || fail "echo on not acknowledged"
# the pending who-has was answered at once, before any new ping
wait_for "$TMPD/out" '> 42 ARP, Reply 10\.18\.0\.3 is-at 02:00:0a:12:00:03' 2 || fail "the pending request was not answered"
nsexec ip neigh show 10.18.0.3 dev tap0 | grep -Eq 'REACHABLE' || fail "neighbour not REACHABLE: $(nsexec ip neigh show 10.18.0.3)"
nsexec ping -c 3 -i 0.2 -W 1 10.18.0.3 >"$TMPD/ping2" 2>&1
assert_grep "$TMPD/ping2" ' 0% packet loss'
echo "ok: the first pings after turning answers on were answered"
