#!/usr/bin/env bash
# ui_select.sh — the selection stays where the user put it: with the list following, Enter opens
# the newest frame and the tree keeps its frame number and its selected field while 20 more
# frames arrive (the list goes on following); F follows again. The mouse acts on the pane under
# it: a click in the tree selects that field, a click on a hex byte selects the field holding it,
# the wheel over the tree moves the tree (not the list), the wheel over the hex pane scrolls it.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

tree_frame() { screen | sed -nE 's/.*Fields  frame ([0-9]+).*/\1/p' | head -1; }
hex_field() { screen | sed -nE 's/.*Bytes  [0-9]+  ([a-z0-9_.]+) @.*/\1/p' | head -1; }
newest() { screen | grep -oE '[0-9]+ +[0-9]+\.[0-9]{6}.[<>] ' | awk '{ print $1 }' | sort -n | tail -1; }

ui_start 120 40 --netns "$NS" --echo
nsexec ping -c 3 -i 0.2 -s 300 10.18.0.3 >/dev/null 2>&1 || fail "ping got no reply"	# big frames: the hex pane scrolls
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
screen_wait 'Info  \(following\)' 2

# 1. open the newest frame, pick a field
keys Enter
screen_wait 'Fields  frame [0-9]+  \(kept: F follows\)' 2
n=$(tree_frame)
keys j j j j
sleep 0.2
f=$(hex_field)
[ -n "$n" ] && [ -n "$f" ] || fail "no frame or field selected (frame '$n', field '$f')"
in0=$(status_count in)
nsexec ping -c 10 -i 0.05 -s 300 10.18.0.3 >/dev/null 2>&1 || fail "ping got no reply"
for _ in $(seq 60); do [ "$(status_count in)" -ge $((in0 + 10)) ] && break; sleep 0.05; done
sleep 0.2
[ "$(status_count in)" -ge $((in0 + 10)) ] || fail "fewer than 20 frames arrived"
screen_wait 'Info  \(following\)' 1		# the list went on following...
[ "$(newest)" -ge $((n + 20)) ] || fail "the list did not follow: newest row $(newest), opened $n"
[ "$(tree_frame)" = "$n" ] || fail "the tree moved from frame $n to $(tree_frame)"
[ "$(hex_field)" = "$f" ] || fail "the selected field moved from $f to $(hex_field)"
note "frame $n, field $f kept while the list followed to frame $(newest)"
keys F
screen_wait 'following new frames' 2
for _ in $(seq 20); do [ "$(tree_frame)" != "$n" ] && break; sleep 0.05; done
[ "$(tree_frame)" -gt "$n" ] || fail "F did not follow again (tree on $(tree_frame))"

# 2. the mouse in the tree: a click selects the field on that row (of an IPv4 frame: IPv6's
# autoconfiguration frames may be the newest by now, so the view shows ICMP alone)
keys Escape /
screen_wait 'filter \(BPF' 2
keys_literal 'icmp'
keys Enter
screen_wait 'showing frames that match: icmp' 2
keys Enter
screen_wait '\(kept: F follows\)' 2
n=$(tree_frame)
y=$(screen | grep -n 'Time to Live: 64' | head -1 | cut -d: -f1)
if [ -z "$y" ]; then	# expand the IP layer first
	y=$(screen | grep -n 'Internet Protocol Version 4' | head -1 | cut -d: -f1)
	[ -n "$y" ] || fail "no IPv4 layer in the tree of frame $n"
	click 46 $((y - 1))
	keys l
	screen_wait 'Time to Live: 64' 2
	y=$(screen | grep -n 'Time to Live: 64' | head -1 | cut -d: -f1)
fi
click 50 $((y - 1))
screen_wait 'Bytes  [0-9]+  ip\.ttl @22\+1' 2
note "a click on the tree's row $y selected ip.ttl"

# 3. a click on hex byte 26 (ip.src's first byte) selects ip.src
read -r hx col bx by < <(screen | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
top = next(i for i, l in enumerate(lines) if " Bytes  " in l)
col = lines[top].index(" Bytes  ")
offs = [(i, int(lines[i][col:col + 4], 16)) for i in range(top + 1, len(lines))
        if len(lines[i]) >= col + 4 and all(c in "0123456789abcdef" for c in lines[i][col:col + 4])]
bpr = offs[1][1] - offs[0][1]
row = next(i for i, o in offs if o <= 26 < o + bpr)
k = 26 - offs[[i for i, o in offs].index(row)][1]
print(top + 1, col, col + 6 + k * 3 + (1 if k >= 8 else 0), row)
')
[ -n "$by" ] || fail "byte 26 is not on screen"
click "$bx" "$by"
screen_wait 'Bytes  [0-9]+  ip\.src @26\+4' 2
note "a click on hex byte 26 (screen cell $bx,$by) selected ip.src"

# 4. the wheel over the tree moves the tree's field, and the list's frame stays
keys Escape		# the list gets the keyboard; the tree keeps frame n
ty=$(screen | grep -n 'Fields  frame' | head -1 | cut -d: -f1)
before=$(hex_field)
mouse 65 50 $((ty + 1)); mouse 65 50 $((ty + 1))
for _ in $(seq 20); do [ "$(hex_field)" != "$before" ] && break; sleep 0.05; done
[ "$(hex_field)" != "$before" ] || fail "the wheel over the tree did not move its field"
[ "$(tree_frame)" = "$n" ] || fail "the wheel over the tree changed the frame ($n -> $(tree_frame))"
note "wheel over the tree: $before -> $(hex_field), still frame $n"
# the wheel over the hex pane scrolls it
first_off() { screen | sed -n "$((hx + 1))p" | python3 -c "import sys; print(sys.stdin.read()[$col:$col + 4])"; }
o1=$(first_off)
mouse 65 $((col + 10)) $((hx + 1)); mouse 65 $((col + 10)) $((hx + 1))
for _ in $(seq 20); do [ "$(first_off)" != "$o1" ] && break; sleep 0.05; done
[ "$(first_off)" != "$o1" ] || fail "the wheel over the hex pane did not scroll it (first row $o1)"
note "wheel over the hex pane: first row $o1 -> $(first_off)"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
