#!/usr/bin/env bash
# docs_options.sh — issue 12 (9): every option --help names is documented in tapscope.1 (an OPTIONS entry of its
# own) and every option tapscope.1 documents is in --help; the man page has the exit codes. (The UI keys' part of
# this check comes with the key table.) Needs no root: make check runs it too.
. "$(dirname "$0")/../lib.sh"
need_cmd python3
[ -x "$TAPSCOPE" ] || skip "tapscope is not built"
"$TAPSCOPE" --help >"$TMPD/help" || fail "tapscope --help failed"
python3 - "$TMPD/help" "$TOP/tapscope.1" <<'PY' || fail "--help and tapscope.1 disagree"
import re, sys
help_text, man = open(sys.argv[1]).read(), open(sys.argv[2]).read()
opt = re.compile(r"(?<![\w-])(--[a-z][a-z-]*[a-z]|-[a-zA-Z#]{1,2})(?![\w-])")
# --help: the indented lines of the option list (continuation lines name forms such as -vv)
h = set()
for line in help_text.split("\nIn the UI")[0].splitlines():
    if re.match(r"^\s+\S", line):
        h |= set(opt.findall(line))
# tapscope.1: the tag line after each .TP in OPTIONS, font escapes and \- undone
sect = re.search(r"^\.SH OPTIONS$(.*?)^\.SH ", man, re.M | re.S)
if not sect:
    sys.exit("tapscope.1 has no OPTIONS section")
m = set()
lines = sect.group(1).splitlines()
for i, line in enumerate(lines):
    if line == ".TP" and i + 1 < len(lines):
        tag = re.sub(r"\\f[BIRP]", "", lines[i + 1]).replace("\\-", "-")
        m |= set(opt.findall(tag))
bad = 0
for o in sorted(h - m):
    print(f"in --help but not documented in tapscope.1: {o}"); bad = 1
for o in sorted(m - h):
    print(f"documented in tapscope.1 but not in --help: {o}"); bad = 1
es = re.search(r"^\.SH EXIT STATUS$(.*?)^\.SH ", man, re.M | re.S)
if not es or not all(re.search(r"^\.TP\n%s\n" % c, es.group(1), re.M) for c in ("0", "1", "2")):
    print("tapscope.1: EXIT STATUS does not list 0, 1 and 2"); bad = 1
print(f"{len(h)} options in --help, {len(m)} in tapscope.1")
sys.exit(bad)
PY
# every field of the injection spec (as an unknown field's message lists them) in INJECTION SPEC
fields=$("$TAPSCOPE" --inject 'icmp x-no-such-field=1' 2>&1 | sed -n 's/.*(valid: \(.*\))$/\1/p' | tr -d ',')
[ -n "$fields" ] || fail "no field list from tapscope's spec parser"
spec=$(sed -n '/^\.SH INJECTION SPEC/,/^\.SH /p' "$TOP/tapscope.1" | sed 's/\\f[BIRP]//g; s/\\-/-/g')
for f in $fields; do
	echo "$spec" | grep -Eq "(^|[ ,(])$f(=|[ ,]|$)" || fail "spec field $f is not in tapscope.1's INJECTION SPEC"
done
echo "$(echo $fields | wc -w) spec fields documented"
echo PASS
