#!/usr/bin/env bash
# ui_step.sh — step mode (S, issue 10): the outbox on hold and the held-frames list focused; a ping
# waits (the kernel's InEchoReps stays); Enter lets exactly one reply through (InEchoReps +1,
# ping gets it); x drops one (ping times out, InEchoReps unchanged); e opens the inject form
# filled from the held reply, F10 replaces it (edit N SPEC) with TTL 7, and ping gets ttl=7;
# S again ends step mode.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 120 40 --netns "$NS" --echo
screen_wait 'echo:ON' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "no echo reply before step mode"	# ARP resolved now
keys S
screen_wait '^step mode on tap0: every reply waits in the held list' 2
screen_wait 'Held: 0 frames wait' 2

# 1. a ping waits; Enter releases exactly one reply
before=$(icmp_counter InEchoReps)
nsexec ping -c 1 -W 6 10.18.0.3 >"$TMPD/ping1" 2>&1 &
pid=$!; BG_PIDS+=($pid)
screen_wait '#[0-9]+ reply to frame [0-9]+: IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 3
screen_wait 'HOLD: 1 held' 2
# the request's line does not say "answered": go to it (the list follows the newest frame, and the
# kernel's own IPv6 frames, MLD reports and router solicitations, may come after the ping's)
req=$(screen | grep -oE '#[0-9]+ reply to frame [0-9]+' | head -n 1 | grep -oE '[0-9]+$')
keys C-g
screen_wait '^go to frame:' 2
keys_literal "$req"
keys Enter
screen_wait "tapscope's answer is held in the outbox" 2
keys F	# follow new frames again
sleep 0.5
[ "$(icmp_counter InEchoReps)" = "$before" ] || fail "a held reply reached the kernel"
keys Enter
screen_wait '^released held frame [0-9]+; 0 still held' 2
wait "$pid" || fail "ping got no reply after the release: $(cat "$TMPD/ping1")"
grep -q ' 1 received' "$TMPD/ping1" || fail "ping: $(grep received "$TMPD/ping1")"
after=$(icmp_counter InEchoReps)
[ $((after - before)) = 1 ] || fail "InEchoReps rose by $((after - before)), not 1"
note "released: InEchoReps $before -> $after, $(grep -o '[0-9]* received' "$TMPD/ping1")"

# 2. x drops it: the ping times out, InEchoReps stays
nsexec ping -c 1 -W 2 10.18.0.3 >"$TMPD/ping2" 2>&1 &
pid=$!; BG_PIDS+=($pid)
screen_wait '#[0-9]+ reply to frame [0-9]+: IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 3
keys x
screen_wait '^dropped held frame [0-9]+; 0 still held' 2
wait "$pid" && fail "ping got a reply that was dropped"
grep -q ' 0 received' "$TMPD/ping2" || fail "ping: $(grep received "$TMPD/ping2")"
[ "$(icmp_counter InEchoReps)" = "$after" ] || fail "InEchoReps rose after a drop"
note "dropped: $(grep -o '[0-9]* received' "$TMPD/ping2"), InEchoReps still $after"

# 3. e edits the held reply in the inject form: TTL 7, F10, then Enter sends it
nsexec ping -c 1 -W 15 10.18.0.3 >"$TMPD/ping3" 2>&1 &
pid=$!; BG_PIDS+=($pid)
screen_wait '#[0-9]+ reply to frame [0-9]+: IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 3
keys e
screen_wait 'Edit held frame #[0-9]+: F10 puts it back on hold, edited' 3
screen_wait 'Type +echo-reply' 2
screen_wait 'Spec +icmp type=echo-reply src=10\.18\.0\.3 dst=10\.18\.0\.1 id=[0-9]+' 2
form_field TTL 7
keys F10
screen_wait '^held frame [0-9]+ is now: icmp type=echo-reply .*ttl=7' 3
screen_wait '#[0-9]+ reply to frame [0-9]+ \(edited\): IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 2
keys Enter
screen_wait '^released held frame' 2
wait "$pid" || fail "ping did not take the edited reply: $(cat "$TMPD/ping3")"
grep -q 'ttl=7 ' "$TMPD/ping3" || fail "the reply ping got is not the edited one: $(grep bytes "$TMPD/ping3")"
note "edited: $(grep -o 'icmp_seq=1 ttl=7' "$TMPD/ping3")"

keys S
screen_wait '^outbox released: 0 held frames sent' 2
screen_gone 'Held: ' 2
# the held pane had the focus and is gone: keys act in the frame list again (e toggles echo,
# not 'nothing is held'), and the key bar says so
keys e
screen_wait '^echo replies (on|off)' 2
screen | grep -q 'x drop' && fail "the key bar still offers the gone held pane's keys"
keys e

# on hold already (H): S starts step mode all the same, it does not release
keys H
screen_wait 'HOLD: 0 held' 2
keys S
screen_wait '^step mode on tap0: every reply waits in the held list' 2
screen | grep -q 'outbox released' && fail "S released the outbox instead of starting step mode"
keys S
screen_wait '^outbox released: 0 held frames sent' 2
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
