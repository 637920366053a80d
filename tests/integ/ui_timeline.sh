#!/usr/bin/env bash
# ui_timeline.sh — netlink events in the frame list (issue 10): an address added between two
# pings shows as a dimmed row between the frames of the first ping and those of the second
# (drawn as the hint line is, not as a frame); t hides and shows them; saved as pcapng they are
# comments of the next frame (tshark's frame.comment; tapscope -r shows them again), never frames of their own; a classic pcap
# save has the same frames.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
need_cmd tshark

row_of() { screen | grep -nE -- "$1" | head -1 | cut -d: -f1; }
rows_of() { screen | grep -nE -- "$1" | cut -d: -f1 | tr '\n' ' '; }

ui_start 132 44 --netns "$NS" --echo
screen_wait 'echo:ON' 5
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "the first ping got no reply"
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
nsexec ip addr add 10.18.7.1/24 dev tap0
screen_wait '· netlink: addr add 10\.18\.7\.1/24 dev tap0 scope global' 3
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "the second ping got no reply"
screen_wait '· netlink: route add 10\.18\.7\.0/24' 2
REPLY_ROW='> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply'	# list rows (not the selected frame's line)
for _ in $(seq 60); do [ "$(rows_of "$REPLY_ROW" | wc -w)" -ge 2 ] && break; sleep 0.05; done
read -r r1 r2 _ <<<"$(rows_of "$REPLY_ROW")"
ev=$(row_of '· netlink: addr add 10\.18\.7\.1/24')
[ -n "$r1" ] && [ -n "$r2" ] && [ -n "$ev" ] || fail "rows: replies '$r1' '$r2', event '$ev'"
[ "$r1" -lt "$ev" ] && [ "$ev" -lt "$r2" ] || { screen_dump >&2; fail "the event (row $ev) is not between the replies (rows $r1, $r2)"; }
note "addr add on row $ev, between the echo replies on rows $r1 and $r2"

# drawn dimmed: its text has the hint line's attributes, not a frame row's
screen_cells | python3 -c '
import json, re, sys
rows = json.load(sys.stdin)
def attrs_of(pat, word):
    for r in rows:
        t = "".join(c[0] for c in r)
        if re.search(pat, t):
            i = t.index(word)
            return r[i][1]
    raise SystemExit("no row matching " + pat)
ev = attrs_of(r"netlink: addr add 10\.18\.7\.1", "addr add")
hint = attrs_of(r"^Enter open ", "open")
frame = attrs_of(r"ICMP echo reply", "echo reply")
if ev != hint or ev == frame:
    raise SystemExit("event row attrs %r, hint %r, frame row %r" % (ev, hint, frame))
print("event row drawn as the hint line (%r), frame rows %r" % (ev, frame))
' || fail "the event row is not dimmed"

keys t
screen_wait '^netlink events hidden from the frame list' 2
screen_gone '· netlink: addr add' 2
keys t
screen_wait '· netlink: addr add 10\.18\.7\.1/24' 2

# saved: pcapng keeps the events as comments of the next frame; no frame is made of them
keys w
screen_wait 'save the frames in view to:' 2
keys C-u
keys_literal "$TMPD/t.pcapng"
keys Enter
screen_wait '^saved [0-9]+ frames to ' 3
n=$(screen_grab 'saved [0-9]+ frames' | grep -oE '[0-9]+')
keys w
screen_wait 'save the frames in view to:' 2
keys C-u
keys_literal "$TMPD/t.pcap"
keys Enter
screen_wait "^saved $n frames to .*t\\.pcap " 3
[ "$(tshark -r "$TMPD/t.pcapng" 2>/dev/null | wc -l)" = "$n" ] || fail "the pcapng holds other than the $n frames saved"
[ "$(tshark -r "$TMPD/t.pcap" 2>/dev/null | wc -l)" = "$n" ] || fail "the pcap holds other than the $n frames saved"
tshark -r "$TMPD/t.pcapng" -T fields -e frame.number -e frame.comment 2>/dev/null >"$TMPD/comments"
c=$(grep -m1 'addr add 10.18.7.1/24 dev tap0' "$TMPD/comments") || { cat "$TMPD/comments" >&2; fail "no comment holds the addr add event"; }
num=${c%%	*}
read -r rep1 _ <<<"$(tshark -r "$TMPD/t.pcapng" -Y 'icmp.type == 0' -T fields -e frame.number 2>/dev/null | tr '\n' ' ')"
read -r _ req2 _ <<<"$(tshark -r "$TMPD/t.pcapng" -Y 'icmp.type == 8' -T fields -e frame.number 2>/dev/null | tr '\n' ' ')"
[ -n "$rep1" ] && [ -n "$req2" ] && [ "$num" -gt "$rep1" ] && [ "$num" -le "$req2" ] ||
	fail "the event is a comment of frame $num, not of a frame after the first reply ($rep1) up to the second request ($req2)"
note "pcapng: $n frames (as the pcap); the event is a comment of frame $num, after the first reply ($rep1), by the second request ($req2): ${c#*	}"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
# and tapscope -r shows the comments again: after the summary of the frame that holds them, and
# in the file pane how many frames have some and each of the selected frame's
keys "$UI_BIN -r $TMPD/t.pcapng" Enter
screen_wait '^ tapscope  ' 10
screen_wait 'with comments' 5
keys C-g
keys_literal "$num"
keys Enter
# the info pane: as much of them as its rows hold, after the summary
for _ in $(seq 50); do screen | cut -c46- | tr -s ' \n' '  ' | grep -qE "· [0-9]+ comments?: tapscope netlink event" && break; sleep 0.1; done
screen | cut -c46- | tr -s ' \n' '  ' | grep -qE "· [0-9]+ comments?: tapscope netlink event" ||
	{ screen_dump >&2; fail "frame $num's info line does not name its comments"; }
# the file pane (the left 45 columns): every comment of the frame, wrapped
comments_text() { screen | cut -c1-45 | sed -n "/comments on frame $num/,\$p" | tr -s ' \n' '  '; }
for _ in $(seq 50); do comments_text | grep -qE "addr add 10\.18\.7\.1/24 dev tap0" && break; sleep 0.1; done
comments_text | grep -qE "addr add 10\.18\.7\.1/24 dev tap0" ||
	{ screen_dump >&2; fail "the file pane does not show frame $num's comment (the addr add event)"; }
note "tapscope -r t.pcapng: frame $num shows its comment again"
keys q
ui_prompt_back 5
echo PASS
