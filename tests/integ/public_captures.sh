#!/usr/bin/env bash
# public_captures.sh — tapscope on test captures written by OTHER open-source decoders, from Debian
# packages (make deps installs them): gopacket (golang-github-google-gopacket-dev: its pcap/pcapng
# test files, and the packets its layer tests keep as Go byte literals, turned into pcaps by
# tests/tools/gopacket2pcap.py) and dpkt (python3-dpkt: its example captures).
#  1. tapscope built with ASan+UBSan (build/asan/tapscope) never crashes on any of them (-v and --json);
#  2. every file libpcap reads (tcpdump -r succeeds) of a link type tapscope supports is read whole;
#     the others are refused with libpcap's message or the "unsupported link type" one, as tcpdump does;
#  3. tapscope --json agrees with tshark -T fields on >= 99.5% of the values of the fields it names
#     (tests/tools/tsharkcmp.py), exceptions with a reason in tests/golden/tshark-exceptions.
. "$(dirname "$0")/../lib.sh"
need_cmd tshark
need_cmd tcpdump
need_cmd python3
GP=/usr/share/gocode/src/github.com/google/gopacket
DPKT=/usr/share/doc/python3-dpkt/examples/data
[ -d "$GP" ] || skip "golang-github-google-gopacket-dev is not installed (make deps installs it)"
[ -d "$DPKT" ] || skip "python3-dpkt is not installed (make deps installs it)"
ASAN=$TOP/build/asan/tapscope
[ -x "$ASAN" ] || make -s -C "$TOP" build/asan/tapscope >/dev/null || fail "cannot build $ASAN"

python3 "$TOP/tests/tools/gopacket2pcap.py" "$GP/layers" "$TMPD/gp" >/dev/null || fail "gopacket2pcap failed"
files=()
for f in "$GP"/pcap/*.pcap "$GP"/pcapgo/tests/*/*.pcapng "$DPKT"/*.pcap "$DPKT"/*.pcap.gz "$TMPD"/gp/*.pcap; do
	[ -e "$f" ] || continue
	case $f in *.gz) gunzip -c "$f" > "$TMPD/$(basename "${f%.gz}")"; f=$TMPD/$(basename "${f%.gz}");; esac
	files+=("$f")
done
[ "${#files[@]}" -ge 40 ] || fail "only ${#files[@]} public captures found"
SUPPORTED=" EN10MB RAW IPV4 IPV6 LINUX_SLL LINUX_SLL2 NULL LOOP PPP PPP_SERIAL PPP_WITH_DIR "
export ASAN_OPTIONS=halt_on_error=1:exitcode=99:detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
compare=() crashes=0 refused=0 partial=0
for f in "${files[@]}"; do
	name=$(basename "$f")
	tcpdump -nr "$f" > /dev/null 2> "$TMPD/td.err"; td=$?
	lt=$(sed -n 's/.*link-type \([A-Z0-9_]*\) .*/\1/p' "$TMPD/td.err" | head -n 1)
	for mode in -v --json; do
		"$ASAN" -r "$f" "$mode" > /dev/null 2> "$TMPD/as.err"; rc=$?
		if [ $rc -gt 1 ] || grep -q "AddressSanitizer\|runtime error" "$TMPD/as.err"; then
			echo "CRASH $name ($mode, exit $rc):"; head -20 "$TMPD/as.err"; crashes=$((crashes + 1))
		fi
	done
	"$TAPSCOPE" -r "$f" > "$TMPD/ts.out" 2> "$TMPD/ts.err"; rc=$?
	shown=$(wc -l < "$TMPD/ts.out")
	if [ -n "$lt" ] && [[ $SUPPORTED == *" $lt "* ]]; then
		if [ $td -eq 0 ] && [ $rc -ne 0 ]; then
			fail "$name: link type $lt, tcpdump reads it, tapscope refused: $(cat "$TMPD/ts.err")"
		fi
		if [ $td -ne 0 ]; then	# libpcap stops inside the file: tapscope says where, as tcpdump does
			[ $rc -ne 0 ] || fail "$name: tcpdump fails ($(tail -n 1 "$TMPD/td.err")), tapscope says nothing"
			grep -q "$name" "$TMPD/ts.err" || fail "$name: tapscope's message does not name the file"
			if [ "$shown" -eq 0 ]; then
				refused=$((refused + 1))
				continue
			fi
			partial=$((partial + 1))
		fi
		compare+=("$f")
	elif [ -n "$lt" ]; then
		grep -q "unsupported link type $lt" "$TMPD/ts.err" || fail "$name: link type $lt: no clear refusal: $(cat "$TMPD/ts.err")"
		refused=$((refused + 1))
	else
		[ $rc -ne 0 ] || fail "$name: tcpdump cannot read it, tapscope accepted it"
		refused=$((refused + 1))
	fi
done
[ $crashes -eq 0 ] || fail "$crashes sanitizer findings on public captures"
note "${#files[@]} captures: ${#compare[@]} of supported link types ($partial cut short inside, as tcpdump finds too), $refused refused as tcpdump or by link type; no sanitizer finding"
python3 "$TOP/tests/tools/tsharkcmp.py" --exceptions "$TOP/tests/golden/tshark-exceptions" "$TAPSCOPE" "${compare[@]}" \
	> "$TMPD/cmp.out"; rc=$?
grep -v '^---\|^AGREEMENT' "$TMPD/cmp.out" | head -60
grep '^---' "$TMPD/cmp.out" | grep -v ' 0 differ' | head -40
# the files whose values tests/golden/tshark-exceptions excuses, and the totals: values compared,
# how many differ, how many are excused, the agreement in percent
grep '^---' "$TMPD/cmp.out" | grep -v ' 0 excused' | sed 's/^--- /--- excused in /'
note "$(tail -n 1 "$TMPD/cmp.out")"
[ $rc -eq 0 ] || fail "agreement with tshark below 99.5% (or a file failed)"
