#!/usr/bin/env bash
# core_arping.sh — acceptance 2 (arping): every ARP request from the kernel side is answered.
source "$(dirname "$0")/../lib.sh"
need_root; need_cmd arping

start_tapscope "$TMPD/out" --netns "$NS" --echo --print
wait_ready "$TMPD/out" || fail "tapscope did not start"
nsexec arping -c 3 -w 5 -I tap0 10.18.0.3 >"$TMPD/arping" 2>&1
cat "$TMPD/arping"
replies=$(grep -ciE 'bytes from 02:00:0a:12:00:03|reply from 10\.18\.0\.3' "$TMPD/arping")
[ "$replies" -ge 3 ] || fail "arping got $replies replies, expected 3"
# without --echo nobody answers: the puzzle
stop_tapscope INT
start_tapscope "$TMPD/out2" --netns "$NS" --print
wait_ready "$TMPD/out2" || fail "tapscope did not start"
nsexec arping -c 2 -w 2 -I tap0 10.18.0.3 >"$TMPD/arping2" 2>&1
grep -qiE 'bytes from|reply from' "$TMPD/arping2" && fail "a silent peer answered"
stop_tapscope INT
assert_grep "$TMPD/out2" 'ARP, Request who-has 10\.18\.0\.3'
! grep -q 'ARP, Reply' "$TMPD/out2" || fail "an ARP reply without --echo"
