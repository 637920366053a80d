#!/usr/bin/env bash
# ui_hexhl.sh — select the kernel's ICMP echo request, focus the field tree (Enter), move to
# ip.ttl: the hex pane highlights exactly byte 22 (0x16) of the frame, read cell by cell from the
# terminal's attributes (capture-pane -e, SGR parsed). At 80x24 (8 bytes a row) and 160x48 (16).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

# hex_highlight: prints "OFFSET VALUE ATTR" for every byte of the hex column drawn with an
# attribute other than the plain one, from the pane titled " Bytes".
hex_highlight() {
	screen_cells | python3 -c '
import json, sys
rows = json.load(sys.stdin)
text = ["".join(c[0] for c in r) for r in rows]
top = next(i for i, t in enumerate(text) if " Bytes  " in t)
x0 = text[top].index(" Bytes  ")
offs = [text[i][x0:x0 + 4] for i in (top + 1, top + 2)]
bpr = int(offs[1], 16) - int(offs[0], 16)	# 8 or 16 bytes a row, as drawn
assert bpr in (8, 16), offs
for r in rows[top + 1:]:
    t = "".join(c[0] for c in r)
    off = t[x0:x0 + 4]
    try:
        base = int(off, 16)
    except ValueError:
        break
    for k in range(bpr):
        x = x0 + 6 + k * 3 + (1 if k >= 8 else 0)
        cells = r[x:x + 2]
        if len(cells) < 2 or cells[0][0] == " ":
            continue
        attrs = {c[1] for c in cells}
        if attrs != {""}:
            print(base + k, cells[0][0] + cells[1][0], "|".join(sorted(attrs)))
'
}

one_size() {
	local cols=$1 rows=$2 i hl
	note "$cols x $rows, namespace $NS"
	ui_start "$cols" "$rows" --netns "$NS" --echo
	screen_wait 'echo:ON +neigh:ON' 5
	nsexec ping -c 3 -i 0.2 10.18.0.3 >"$TMPD/ping.out" 2>&1 || fail "ping: $(cat "$TMPD/ping.out")"
	screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 5
	# only the kernel's echo requests, then the first of them: the selection stands still
	keys /
	screen_wait 'filter \(BPF' 2
	keys_literal 'icmp[icmptype] == icmp-echo'
	keys Enter
	screen_wait 'showing frames that match' 3
	keys g
	screen_wait 'Info  \(G: follow\)' 2
	screen | grep -Eq ' [0-9]+ +[0-9.]+ < ICMP +10\.18\.0\.1 +10\.18\.0\.3 +ICMP echo request' || fail "no echo request selected"
	keys Enter
	for i in $(seq 40); do
		screen | grep -q 'Bytes  98  ip\.ttl @22+1' && break
		keys j
		sleep 0.05
	done
	screen_wait 'Bytes  98  ip\.ttl @22\+1' 2
	screen_wait 'Time to Live: 64' 1
	screen_dump
	hl=$(hex_highlight)
	echo "highlighted hex cells (offset value attributes):"; echo "$hl" | sed 's/^/    /'
	[ "$(echo "$hl" | awk 'NF {print $1}')" = 22 ] || fail "highlighted offsets are not exactly {22}"
	[ "$(echo "$hl" | awk '{print $2}')" = 40 ] || fail "byte 22 is not the TTL 0x40 (64)"
	echo "$hl" | grep -Eq 'a7=1|bg=' || fail "byte 22 is not in reverse video or a highlight colour"
	# a wider field, for contrast: ip.src is bytes 26..29 (10.18.0.1), and nothing else
	for i in $(seq 10); do
		screen | grep -q 'ip\.src @26+4' && break
		keys j
		sleep 0.05
	done
	screen_wait 'Bytes  98  ip\.src @26\+4' 2
	hl=$(hex_highlight)
	[ "$(echo "$hl" | awk 'NF {printf "%s %s,", $1, $2}')" = "26 0a,27 12,28 00,29 01," ] ||
		fail "ip.src highlight is not exactly bytes 26..29: $hl"
	keys q
	ui_prompt_back 5
	assert_no_namespace "$NS"
	tm kill-server
}

one_size 80 24
NS="${TST}$$_$RANDOM"
one_size 160 48
echo PASS
