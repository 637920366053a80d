#!/usr/bin/env bash
# ui_theme.sh — colours a projector can show: with --theme contrast no cell anywhere (the panes,
# the help, the inject form) is blue or dim, and the default theme has no dark blue either; in
# every theme (contrast, dark, monochrome) a frame with a bad checksum is marked in the list:
# '!' beside its direction and a row attribute of its own. Cells are read from the terminal
# (capture-pane -e, SGR parsed).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

# cells_check MODE: MODE "noblue" fails on blue foregrounds; "nodim" also on dim cells; prints
# how many cells were read
cells_check() {
	screen_cells | python3 -c '
import json, sys
mode = sys.argv[1]
blue = {"fg=34", "fg=94", "fg=5;4", "fg=5;12"} | {"fg=5;%d" % n for n in range(17, 22)}
rows = json.load(sys.stdin)
n = 0
for y, r in enumerate(rows):
    for x, (ch, attr) in enumerate(r):
        n += 1
        parts = set(attr.split(",")) if attr else set()
        if ch.strip() and parts & blue:
            raise SystemExit("blue text at %d,%d %r: %s | %s" % (x, y, ch, attr, "".join(c[0] for c in r)))
        if mode == "nodim" and ch.strip() and "a2=1" in parts:
            raise SystemExit("dim text at %d,%d %r: %s" % (x, y, ch, "".join(c[0] for c in r)))
print("%d cells, none %s" % (n, "blue" if mode == "noblue" else "blue or dim"))
' "$1"
}

# marked_row: the attributes of the Proto cells of the bad-checksum row and of a plain reply row
marks() {
	screen_cells | python3 -c '
import json, re, sys
rows = json.load(sys.stdin)
bad = plain = None
for r in rows:
    t = "".join(c[0] for c in r)
    m = re.search(r"[0-9]!> ICMP ", t)
    if m and bad is None:
        bad = r[m.start() + 4][1]
    m = re.search(r"[0-9] > ICMP .*echo reply", t)
    if m and plain is None:
        plain = r[m.start() + 4][1]
print("bad=%r plain=%r" % (bad, plain))
sys.exit(0 if bad is not None and plain is not None and bad != plain else 1)
'
}

one_theme() {
	local name=$1; shift
	NS="${TST}$$_$RANDOM"
	ui_start 120 40 --netns "$NS" --echo --inject 'icmp type=echo-request checksum=bad' "$@"
	screen_wait 'echo:ON' 5
	nsexec ping -c 2 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "$name: ping got no reply"
	screen_wait '[0-9]!> ICMP +10\.18\.0\.[0-9]+ +10\.18\.0\.1 +ICMP echo request' 5
	screen_wait '[0-9] > ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
	marks || { screen_dump; fail "$name: the bad-checksum row is not marked apart"; }
	note "$name: the bad checksum row is marked ($(marks))"
	if [ "$name" = contrast ]; then
		cells_check nodim || { screen_dump; fail "contrast: blue or dim cells"; }
		keys '?'
		screen_wait 'tapscope keys' 2
		cells_check nodim || fail "contrast: blue or dim cells in the help"
		keys Escape i
		screen_wait 'Inject a packet toward the kernel' 2
		cells_check nodim || fail "contrast: blue or dim cells in the inject form"
		keys Escape
		screen_gone 'Inject a packet' 2
	elif [ "$name" = dark ]; then
		cells_check noblue || { screen_dump; fail "dark: blue cells"; }
	fi
	keys q
	ui_prompt_back 5
	assert_no_namespace "$NS"
	tm kill-server
}

one_theme contrast --theme contrast
one_theme dark
one_theme mono --no-color
echo PASS
