#!/usr/bin/env bash
# golden.sh — runs every line of tests/golden/TESTLIST and compares the output with the checked-in file.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/golden/decoder.sh"
note "decoder: $DECODE_NAME"
n=0 bad=0
while read -r name pcap out opts; do
	case "$name" in ''|'#'*) continue;; esac
	n=$((n + 1))
	# shellcheck disable=SC2086
	if ! TZ=UTC "${DECODE_CMD[@]}" "$TOP/tests/golden/$pcap" $opts > "$TMPD/$name.out" 2> "$TMPD/$name.err"; then
		echo "FAIL $name: exit status $?: $(cat "$TMPD/$name.err")"
		bad=$((bad + 1))
		continue
	fi
	if ! diff -u "$TOP/tests/golden/expected/$out" "$TMPD/$name.out" > "$TMPD/$name.diff"; then
		echo "FAIL $name ($pcap $opts):"
		head -40 "$TMPD/$name.diff"
		bad=$((bad + 1))
	else
		echo "ok   $name"
	fi
done < "$TOP/tests/golden/TESTLIST"
[ "$n" -gt 0 ] || fail "empty TESTLIST"
[ "$bad" -eq 0 ] || fail "$bad of $n golden tests differ"
echo "$n golden tests pass"
