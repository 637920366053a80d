#!/usr/bin/env bash
# ui_keys.sh — the key table (tapscope --keys) against the documentation a user reads: every key
# is in tapscope.1 under its group, and in the ? help on screen (read page by page at 80x24,
# where it scrolls, and at 160x48 in two columns) beside its help text. build/tests/test_ui_keys
# checks the same table against the dispatcher (no key acts outside its scope).
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

"$TAPSCOPE" --keys >"$TMPD/keys" || fail "tapscope --keys failed"
rows=$(grep -vc '^#' "$TMPD/keys")
[ "$rows" -gt 60 ] || fail "only $rows keys in the table"
note "$rows rows in the key table"

# 1. the man page: a .SS section per group, each key in a .TP tag of its group's section
python3 - "$TMPD/keys" "$TOP/tapscope.1" <<'EOF' || fail "tapscope.1 does not document every key"
import re, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
man = open(sys.argv[2]).read()
ui = man[man.index(".SH THE FULL-SCREEN UI"):]
ui = ui[:ui.index("\n.SH ", 1)]
def plain(t):
    return re.sub(r"\\f[BRIP]", "", t).replace("\\-", "-")
sections = {}
for part in ui.split("\n.SS ")[1:]:
    title, _, body = part.partition("\n")
    lines = body.split("\n")
    tags = [plain(lines[i + 1]) for i, l in enumerate(lines[:-1]) if l == ".TP"]
    sections[plain(title).strip()] = [set(t.split(", ")) for t in tags]
bad = []
for key, scope, action, group, help in rows:
    tags = sections.get(group)
    if tags is None:
        bad.append("no section '.SS %s' (for %s)" % (group, key))
    elif not any(key in t for t in tags):
        bad.append("%s (%s: %s) is not in section '%s'" % (key, scope, help, group))
for b in bad:
    print("man page: " + b)
print("man page: %d keys checked, %d missing" % (len(rows), len(bad)))
sys.exit(1 if bad else 0)
EOF

# 2. the help on screen: page through it, then every key is on a line of its group with its help
help_pages() {	# prints the inside of the help box, page after page
	local i
	keys '?'
	screen_wait 'tapscope keys' 3
	for i in $(seq 30); do
		screen | python3 -c '
import sys
lines = sys.stdin.read().split("\n")
top = next(i for i, l in enumerate(lines) if "tapscope keys" in l)
left, right = lines[top].index("┌"), lines[top].index("┐")
for l in lines[top + 1:]:
    if "└" in l:
        break
    print(l[left + 1:right])
'
		screen | grep -q '↓ more' || return 0
		keys NPage
		sleep 0.15
	done
	fail "the help never reached its end"
}

check_help() {	# check_help FILE: every key of the table on a help line of its group, beside its help
	python3 - "$TMPD/keys" "$1" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1]) if not l.startswith("#")]
text = open(sys.argv[2]).read().split("\n")
# two columns side by side at 160 wide: split each line at the column boundary when it is wide
# (the columns are two halves of one list: every left cell, then every right one)
wide = any(len(l) > 100 for l in text)
cells = [l[:60] for l in text] + [l[61:] for l in text] if wide else text
group = None
seen = {}
for c in cells:
    if c.strip() and not c.startswith(" "):	# a heading starts in the first column
        group = c.strip()
        continue
    key, rest = c[1:16].strip(), c[16:].strip()
    for k in key.split(" ") if key else []:
        seen.setdefault((k, group), []).append(rest)
bad = []
for key, scope, action, group, help in rows:
    texts = seen.get((key, group))
    if not texts:
        bad.append("%s (%s) not under '%s'" % (key, help, group))
    elif not any(help[:18] in t for t in texts):
        bad.append("%s under '%s' says %r, not %r" % (key, group, texts, help))
for b in bad:
    print("help: " + b)
print("help: %d keys checked, %d missing" % (len(rows), len(bad)))
sys.exit(1 if bad else 0)
EOF
}

ui_start 80 24 --netns "$NS"
help_pages >"$TMPD/help80"
note "80x24: $(wc -l <"$TMPD/help80") help lines read"
check_help "$TMPD/help80" || { sed 's/^/    |/' "$TMPD/help80"; fail "the help at 80x24 misses keys"; }
keys Escape
screen_gone 'tapscope keys' 2
keys q
ui_prompt_back 5
tm kill-server

NS="${TST}$$_$RANDOM"
ui_start 160 48 --netns "$NS"
help_pages >"$TMPD/help160"
check_help "$TMPD/help160" || { sed 's/^/    |/' "$TMPD/help160"; fail "the help at 160x48 misses keys"; }
keys q
screen_gone 'tapscope keys' 2
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
