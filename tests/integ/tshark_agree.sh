#!/usr/bin/env bash
# tshark_agree.sh — for every golden pcap, tapscope's --json must agree with tshark -T fields on
# protocols, addresses, ICMP/ICMPv6 type/code/id/seq, ports, TCP flags, DNS names and checksum status.
. "$(dirname "$0")/../lib.sh"
need_cmd tshark
. "$TOP/tests/golden/decoder.sh"
note "decoder: $DECODE_NAME; $(tshark --version 2>/dev/null | head -1)"

# Field names, identical in tapscope's JSON and in Wireshark.
FIELDS="eth.src eth.dst arp.opcode arp.src.hw_mac arp.src.proto_ipv4 arp.dst.proto_ipv4
ip.src ip.dst ip.proto ip.ttl ipv6.src ipv6.dst ipv6.hlim ipv6.nxt
icmp.type icmp.code icmp.ident icmp.seq icmp.mtu icmp.redir_gw
icmpv6.type icmpv6.code icmpv6.echo.identifier icmpv6.echo.sequence_number icmpv6.mtu
icmpv6.nd.ns.target_address icmpv6.nd.na.target_address icmpv6.mldr.nb_mcast_records
udp.srcport udp.dstport udp.length tcp.srcport tcp.dstport tcp.flags tcp.seq_raw tcp.ack_raw
tcp.window_size_value tcp.options.mss_val dns.id dns.qry.name dns.qry.type dns.count.answers dns.a
dns.aaaa dns.cname dns.ptr.domain_name dhcp.option.dhcp dhcp.hw.mac_addr dhcp.ip.your vlan.id
ip.checksum.status icmp.checksum.status icmpv6.checksum.status udp.checksum.status tcp.checksum.status"
# Protocols compared. Wireshark's frame.protocols also names pseudo-layers (ethertype, the IPv6
# extension headers) that tapscope shows inside their layer: those are dropped. Layers tapscope
# does not decode (llc, http...) count as "other", and tapscope's "data" matches them.
PROTOS="eth vlan sll null ppp pppoes pppoed arp ip ipv6 icmp icmpv6 udp tcp dns dhcp gre erspan vxlan geneve mpls l2tp ah lcp data"
PSEUDO="raw ethertype ipv6.hopopts ipv6.routing ipv6.fraghdr ipv6.dstopts"
# Known, reasoned differences: "pcap frame field reason..." lines.
EXCEPTIONS=$TOP/tests/golden/tshark-exceptions

args=()
for f in $FIELDS; do args+=(-e "$f"); done
pcaps=$(awk '!/^#/ && NF {print $2}' "$TOP/tests/golden/TESTLIST" | sort -u)
total=0 bad=0
for p in $pcaps; do
	pcap=$TOP/tests/golden/$p
	"${DECODE_CMD[@]}" "$pcap" --json > "$TMPD/me.json" || fail "$p: decoder failed"
	tshark -n -r "$pcap" -T fields -E occurrence=f -E separator=/t \
		-o ip.check_checksum:TRUE -o udp.check_checksum:TRUE -o tcp.check_checksum:TRUE \
		-o tcp.analyze_sequence_numbers:FALSE -o ip.defragment:FALSE -o ipv6.defragment:FALSE \
		-e frame.protocols "${args[@]}" > "$TMPD/ts.tsv" 2>/dev/null ||
		fail "$p: tshark failed"
	[ "$(wc -l < "$TMPD/me.json")" = "$(wc -l < "$TMPD/ts.tsv")" ] || fail "$p: frame counts differ"
	out=$(paste -d $'\001' "$TMPD/me.json" "$TMPD/ts.tsv" | awk -v fields="$FIELDS" -v protos="$PROTOS" \
		-v pseudo="$PSEUDO" -v pcap="$p" -v exfile="$EXCEPTIONS" '
	function norm(v,   i, r) {	# tshark shows BASE_HEX fields as 0x...; tapscope gives numbers
		if (v !~ /^0x[0-9a-fA-F]+$/) return v
		r = 0
		for (i = 3; i <= length(v); i++) r = r * 16 + index("0123456789abcdef", tolower(substr(v, i, 1))) - 1
		return r
	}
	function mine(line, name,   re, m) {	# the first occurrence (a repeated field is a list)
		re = "\"" name "\":\\[?(\"[^\"]*\"|[0-9]+)"
		gsub(/\./, "\\.", re)
		if (!match(line, re)) return ""
		m = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 3)
		gsub(/^\[/, "", m)
		gsub(/^"|"$/, "", m)
		return m
	}
	BEGIN {
		FS = "\001"; nf = split(fields, F, /[ \n]+/); np = split(protos, P, " ")
		for (i = 1; i <= np; i++) keep[P[i]] = 1
		np = split(pseudo, P, " "); for (i = 1; i <= np; i++) skip[P[i]] = 1
		while ((getline l < exfile) > 0) { split(l, X, " "); if (X[1] == pcap) ex[X[2] " " X[3]] = 1 }
		st["good"] = 1; st["bad"] = 0; st["unverified"] = 2; st["not present"] = 3; st["illegal"] = 4
	}
	{
		me = $1; n = split($2, T, "\t"); frame = NR
		# protocols
		match(me, /"protocols":\[[^]]*\]/); pl = substr(me, RSTART + 13, RLENGTH - 14); gsub(/"/, "", pl)
		k = split(T[1], W, ":"); tp = ""; last = ""
		for (i = 1; i <= k; i++) {
			if (W[i] in skip) continue
			w = (W[i] in keep) ? W[i] : "data"
			if (w == "data" && last == "data") continue
			tp = tp (tp == "" ? "" : ",") w; last = w
		}
		checked++
		if ((frame " protocols") in ex) { excused++ } else if (pl != tp) { printf "%s frame %d: protocols: tapscope [%s] tshark [%s]\n", pcap, frame, pl, tp; diffs++ }
		for (i = 1; i <= nf; i++) {
			name = F[i]; if (name == "") continue
			t = (i + 1 <= n) ? T[i + 1] : ""; m = mine(me, name)
			if (name ~ /checksum\.status$/) {
				if (m != "") m = st[m]
				if (m == "" && (t == "2" || t == "")) continue	# not verified by one side
				if (t == "" && m == 2) continue
			}
			checked++
			if ((frame " " name) in ex) { excused++; continue }
			if (norm(m) "" != norm(t) "") {
				printf "%s frame %d: %s: tapscope \"%s\" tshark \"%s\"\n", pcap, frame, name, m, t; diffs++
			}
		}
	}
	END { printf "CHECKED %d DIFFS %d EXCUSED %d\n", checked, diffs + 0, excused + 0 }')
	echo "$out" | grep -v '^CHECKED' || true
	c=$(echo "$out" | sed -n 's/^CHECKED \([0-9]*\) DIFFS \([0-9]*\).*/\1/p')
	dd=$(echo "$out" | sed -n 's/^CHECKED \([0-9]*\) DIFFS \([0-9]*\).*/\2/p')
	note "$p: $c values compared, $dd differences"
	total=$((total + c)); bad=$((bad + dd))
done
[ "$total" -gt 500 ] || fail "only $total values compared: the golden set is too small"
[ "$bad" -eq 0 ] || fail "$bad disagreements with tshark"

# then every field tapscope names in any golden case (tests/tools/tsharkcmp.py): none may differ
files=()
for p in $pcaps; do files+=("$TOP/tests/golden/$p"); done
python3 "$TOP/tests/tools/tsharkcmp.py" --exceptions "$EXCEPTIONS" "$TAPSCOPE" "${files[@]}" > "$TMPD/all.out" ||
	{ grep -v '^---' "$TMPD/all.out" | head -30; fail "tsharkcmp: the golden cases disagree with tshark"; }
grep -q '^AGREEMENT .* (0 differ,' "$TMPD/all.out" || { grep -v '^---' "$TMPD/all.out" | head -30; fail "differences on the golden cases"; }
note "$(tail -n 1 "$TMPD/all.out")"
echo "tapscope and tshark agree on $total listed values, and on every field tapscope names in the golden cases"
