#!/usr/bin/env bash
# offline_threads.sh — -r F with --print, -# and --json made by worker threads (offpar.c) gives the
# very bytes of the one-thread loop: on every golden capture, on 20,000 generated frames with -c, -f
# and -w, on frames bigger than a block holds, from stdin; and a closed pipe ends it.
. "$(dirname "$0")/../lib.sh"
G=$TOP/tests/golden
[ -x "$TAPSCOPE" ] || fail "no ./tapscope binary"
[ -x "$TOP/build/tools/genbench" ] || fail "no build/tools/genbench (make tools)"

same() {	# same LABEL ARGS...: one thread and three workers print the same bytes
	local label=$1; shift
	TAPSCOPE_WORKERS=0 "$TAPSCOPE" "$@" > "$TMPD/one" 2> "$TMPD/one.err"; local r1=$?
	TAPSCOPE_WORKERS=3 "$TAPSCOPE" "$@" > "$TMPD/par" 2> "$TMPD/par.err"; local r2=$?
	[ "$r1" = "$r2" ] || fail "$label: exit $r1 with one thread, $r2 with workers"
	cmp -s "$TMPD/one" "$TMPD/par" || { diff "$TMPD/one" "$TMPD/par" | head -5; fail "$label: workers print other bytes"; }
	cmp -s "$TMPD/one.err" "$TMPD/par.err" || fail "$label: workers say something else on stderr"
}

n=0
for f in "$G"/*.pcap "$G"/*.pcapng; do
	same "$(basename "$f") -p" -r "$f" -p
	same "$(basename "$f") --json" -r "$f" --json
	n=$((n + 1))
done
note "ok: $n golden captures print alike with workers"

"$TOP/build/tools/genbench" 20000 "$TMPD/mix.pcap" >/dev/null || fail "genbench failed"
same "mix -p" -r "$TMPD/mix.pcap" -p
same "mix -p -#" -r "$TMPD/mix.pcap" -p -#
same "mix --json" -r "$TMPD/mix.pcap" --json
same "mix -c 1234" -r "$TMPD/mix.pcap" -c 1234 --json
same "mix -f udp" -r "$TMPD/mix.pcap" -f "udp or arp" -p -#
[ "$(wc -l < "$TMPD/par")" -gt 1000 ] || fail "mix -f: too few lines to mean anything"
TAPSCOPE_WORKERS=3 "$TAPSCOPE" -r "$TMPD/mix.pcap" -f icmp6 -w "$TMPD/w.pcap" -p > "$TMPD/wp" || fail "-w with workers failed"
[ "$(tcpdump -nr "$TMPD/w.pcap" 2>/dev/null | wc -l)" = "$(wc -l < "$TMPD/wp")" ] ||
	fail "-w with workers: the file and the lines disagree"
TAPSCOPE_WORKERS=0 "$TAPSCOPE" -r - --json < "$TMPD/mix.pcap" > "$TMPD/one" || fail "stdin, one thread: failed"
TAPSCOPE_WORKERS=3 "$TAPSCOPE" -r - --json < "$TMPD/mix.pcap" > "$TMPD/par" || fail "stdin, workers: failed"
cmp -s "$TMPD/one" "$TMPD/par" || fail "stdin: workers print other bytes"
[ "$(wc -l < "$TMPD/par")" = 20000 ] || fail "stdin with workers: $(wc -l < "$TMPD/par") lines, not 20000"
note "ok: 20000 generated frames alike (-p, -#, --json, -c, -f, -w, stdin)"

# frames bigger than a block's bytes (64 KiB): 60, 70,000, 60 and 200,000 bytes
python3 - "$TMPD/big.pcap" <<'EOF' || fail "could not write big.pcap"
import struct, sys
frames = []
for n in (60, 70000, 60, 200000, 60):
    eth = bytes.fromhex("020000000001020000000002" "0800")
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, min(n - 14, 65535), 1, 0, 64, 17, 0,
                     bytes([10, 18, 0, 3]), bytes([10, 18, 0, 1]))
    udp = struct.pack("!HHHH", 4000, 4001, min(n - 34, 65535), 0)
    frames.append((eth + ip + udp).ljust(n, b"\x55"))
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 262144, 1))
    for i, fr in enumerate(frames):
        f.write(struct.pack("<IIII", 1700000000 + i, 0, len(fr), len(fr)) + fr)
EOF
same "big frames -p" -r "$TMPD/big.pcap" -p
same "big frames --json" -r "$TMPD/big.pcap" --json
[ "$(wc -l < "$TMPD/par")" = 5 ] || fail "big frames: $(wc -l < "$TMPD/par") lines, not 5"
note "ok: frames of 70,000 and 200,000 bytes"

# a reader that goes away: SIGPIPE ends tapscope, workers and all, at once
timeout 20 bash -c "TAPSCOPE_WORKERS=3 '$TAPSCOPE' -r '$TMPD/mix.pcap' --json | head -n 1 > '$TMPD/head'"
[ $? = 124 ] && fail "tapscope kept running after its reader closed the pipe"
grep -q '^{"frame":1,' "$TMPD/head" || fail "head -n 1 did not get frame 1"
echo "worker threads print what one thread prints"
