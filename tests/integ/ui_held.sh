#!/usr/bin/env bash
# ui_held.sh — the outbox from keys: H holds it and the held-frames pane lists what waits (the
# ARP reply, then the echo reply); in that pane Enter sends the selected one and x drops it (the
# ping then times out); the info line of a request the peers left unanswered says why.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 120 40 --netns "$NS" --echo
screen_wait 'echo:ON' 5
keys H
screen_wait '^outbox on hold' 2
screen_wait 'Held: 0 frames wait  \(outbox on hold: H sends all\)' 2
nsexec ping -c 1 -W 3 10.18.0.3 >"$TMPD/ping" 2>&1 &
ping_pid=$!; BG_PIDS+=($ping_pid)
screen_wait '#[0-9]+ reply to frame [0-9]+: ARP, Reply 10\.18\.0\.3 is-at 02:00:0a:12:00:03' 3
screen_wait 'HOLD: 1 held' 2
keys Tab		# the list -> the held frames
screen_wait 'Enter send' 2
keys Enter
screen_wait '^released held frame [0-9]+; 0 still held' 2
screen_wait '#[0-9]+ reply to frame [0-9]+: IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply' 3
keys x
screen_wait '^dropped held frame [0-9]+; 0 still held' 2
wait "$ping_pid"
grep -q ' 0 received' "$TMPD/ping" || fail "the dropped echo reply reached ping: $(grep received "$TMPD/ping")"
note "H held the ARP reply (Enter sent it) and the echo reply (x dropped it): $(grep -o '[0-9]* received' "$TMPD/ping")"
keys H
screen_wait '^outbox released: 0 held frames sent' 2
screen_gone 'Held: ' 2

# a request the peers do not answer: the info line says why
keys Escape e
screen_wait 'echo:off' 2
nsexec ping -c 1 -W 1 10.18.0.3 >/dev/null 2>&1
screen_wait 'not answered: echo replies are off' 3
screen | grep -E 'frame [0-9]+ < IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request' >/dev/null || fail "the info line is not the echo request's"

# q with a frame held asks first, as an editor with unsaved changes: n stays, y quits
keys e H
screen_wait 'HOLD: 0 held' 2
nsexec ping -c 1 -W 1 10.18.0.3 >/dev/null 2>&1
screen_wait 'HOLD: 1 held' 3
keys q
screen_wait '1 frame is held in the outbox and has never been sent: quit anyway' 2
keys n
screen_wait '^ tapscope  tap0' 2
keys q
screen_wait 'quit anyway' 2
keys y
ui_prompt_back 5
note "q with a held frame asked; n stayed, y quit"
assert_no_namespace "$NS"
echo PASS
