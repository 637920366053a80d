#!/usr/bin/env bash
# fields_known.sh — tapscope --fields lists every field the decoders know (gathered by the linker
# from their FIELD_REG definitions): every field name the golden captures show with -v is in it,
# and every name in it that is not a tree group is Wireshark's own (tshark -G fields), except
# the tun PI header's, which only tapscope decodes, the bytes of an IPv4 or ICMPv6 option neither
# decodes (Wireshark shows them without a name), and SLL2's reserved bytes (unnamed in Wireshark
# 4.0). Find refuses a name not in the list at once.
. "$(dirname "$0")/../lib.sh"
G=$TOP/tests/golden
"$TAPSCOPE" --fields >"$TMPD/fields" || fail "--fields failed"
n=$(wc -l <"$TMPD/fields")
[ "$n" -ge 500 ] || fail "--fields lists $n fields, fewer than the decoders have"
cut -f1 "$TMPD/fields" | sort -u >"$TMPD/ours"
for f in "$G"/*.pcap "$G"/*.pcapng; do "$TAPSCOPE" -r "$f" -v 2>/dev/null; done |
	grep -oE '^ *[a-z_][a-z0-9_]*(\.[a-z0-9_]+)*:' | tr -d ' :' | sort -u >"$TMPD/seen"
missing=$(comm -13 "$TMPD/ours" "$TMPD/seen")
[ -z "$missing" ] || fail "fields the golden captures show that --fields does not list: $missing"
note "--fields: $n fields; all $(wc -l <"$TMPD/seen") names the golden captures show are among them"
if command -v tshark >/dev/null; then
	tshark -G fields 2>/dev/null | awk -F'\t' '$1 == "F" || $1 == "P" { print $3 }' | sort -u >"$TMPD/wireshark"
	[ -s "$TMPD/wireshark" ] || fail "tshark -G fields printed nothing"
	odd=$(awk -F'\t' '$2 != "group" { print $1 }' "$TMPD/fields" | sort -u | comm -23 - "$TMPD/wireshark" |
		grep -vxE 'tun|tun\..*|ip\.opt\.data|icmpv6\.opt\.data|sll\.reserved' || true)
	[ -z "$odd" ] || fail "names Wireshark does not have: $odd"
	note "every name but the groups, tun.* and three unnamed in Wireshark is one of its $(wc -l <"$TMPD/wireshark")"
fi
# find takes these names and no others: a typo is refused with the nearest, as a wrong kind of value
out=$("$BUILD/tools/capbrowse" "$G/icmp.pcap" findall 'ip.tll == 64' 2>&1) &&
	fail "find took ip.tll: $out"
echo "$out" | grep -q "no field ip.tll: did you mean ip.ttl?" || fail "find on ip.tll said: $out"
note "find: $out"
echo PASS
