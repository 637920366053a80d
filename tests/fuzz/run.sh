#!/usr/bin/env bash
# run.sh SECONDS [TARGET...] — builds libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS.
# Targets (tests/fuzz/fuzz_TARGET.c), each seeded from small corpora kept in tests/:
#   decode     the decoder and its renderings            seeds: every frame of tests/golden/*.pcap
#   responder  the frame locator and the responder       seeds: the same frames
#   craft      craft_parse, the craft_format round trip, craft_build   seeds: tests/fuzz/corpus/craft/
#   pcapread   the offline reader (-r) on any file bytes  seeds: tests/golden/*.pcap*, tests/fuzz/corpus/pcap/
#   lesson     the lesson parser on any text             seeds: tests/fuzz/corpus/lesson/ (the built-ins and more)
# None named: decode and responder. Exit 0: no finding; 1: a crash (kept in build/fuzz/crashes/: make
# it a test case); 77: no clang/libFuzzer here. FUZZ_SEED=N fixes libFuzzer's seed: make test's
# short runs use 1, so a clean clone explores the same inputs everywhere (a new finding there is
# the code's, not the dice's); make fuzz leaves it random to explore.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-60}
shift
targets=${*:-decode responder}
CLANG=$(command -v clang-14 || command -v clang || true)
[ -n "$CLANG" ] || { echo "fuzz: clang not installed (Debian: clang, libclang-rt-14-dev)"; exit 77; }
out=build/fuzz
mkdir -p "$out/corpus" "$out/crashes"
PKG=$(pkg-config --cflags libpcap 2>/dev/null)

sources() {	# the core files a target links
	case $1 in
	decode) echo "src/decode*.c src/fmtbuf.c src/frameprint.c src/framejson.c src/checksum.c";;
	responder) echo "src/responder.c src/frameloc.c src/why.c src/addrset.c src/checksum.c src/decode*.c src/fmtbuf.c";;
	craft) echo "src/craft*.c src/tok.c src/addrset.c src/checksum.c src/fmtbuf.c src/frameloc.c src/decode*.c src/frameprint.c src/framejson.c";;
	pcapread) echo "src/offline.c src/offpar.c src/bpf.c src/pcapngdir.c src/pcapout.c src/pcapngout.c src/frameloc.c src/decode*.c src/fmtbuf.c src/frameprint.c src/framejson.c src/checksum.c src/why.c src/responder.c src/addrset.c";;
	lesson) echo "$(ls src/*.c | grep -v src/main.c) build/gen/lessons.c";;	# actions, filters, specs: the core
	*) echo "fuzz: unknown target $1 (decode, responder, craft, pcapread, lesson)" >&2; return 1;;
	esac
}

# seed TARGET: its corpus directory, filled from the seeds kept in tests/
seed() {
	local dir=$out/corpus_$1 f sel
	mkdir -p "$dir"
	case $1 in
	decode|responder)
		make -s build/tools/pcap2corpus >/dev/null || return 1
		build/tools/pcap2corpus "$out/corpus" tests/golden/*.pcap tests/golden/*.pcapng >&2 || return 1
		echo "$dir $out/corpus";;
	craft|lesson)
		cp tests/fuzz/corpus/"$1"/* "$dir/"
		echo "$dir";;
	pcapread)	# a selector byte (verbosity, filter, count), then the file
		for f in tests/golden/*.pcap tests/golden/*.pcapng tests/fuzz/corpus/pcap/*; do
			for sel in 0 5 11; do
				{ printf "\\$(printf %03o "$sel")"; cat "$f"; } >"$dir/$(basename "$f").$sel"
			done
		done
		echo "$dir";;
	esac
}

netns=""
if unshare -n true 2>/dev/null; then netns="unshare -n"
elif unshare -rn true 2>/dev/null; then netns="unshare -rn"
fi

rc=0
for t in $targets; do
	srcs=$(sources "$t") || exit 1
	libs=""; maxlen=4096
	case $t in
	craft) maxlen=1024;;
	pcapread) maxlen=16384; libs=$(pkg-config --libs libpcap);;
	lesson) maxlen=4096; make -s build/gen/lessons.c || exit 1
		PKG="$PKG $(pkg-config --cflags libnl-3.0 libnl-route-3.0)"
		libs=$(pkg-config --libs libpcap libnl-3.0 libnl-route-3.0 liburing);;
	esac
	# shellcheck disable=SC2086
	if ! "$CLANG" -g -O1 -std=c11 -D_GNU_SOURCE -Isrc $PKG -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -Itests/fuzz -o "$out/fuzz_$t" "tests/fuzz/fuzz_$t.c" $srcs $libs 2> "$out/build_$t.log"; then
		if grep -q "libclang_rt.fuzzer\|cannot find.*fuzzer" "$out/build_$t.log"; then
			echo "fuzz: libFuzzer runtime missing (Debian: libclang-rt-14-dev)"; exit 77
		fi
		cat "$out/build_$t.log"; exit 1
	fi
	corpora=$(seed "$t") || exit 1
	echo "fuzz: running $out/fuzz_$t for ${secs}s"
	# in a network namespace of its own where one can be made (root, or user namespaces): whatever an
	# input makes the code do, no packet leaves; and killed if libFuzzer's own timeout ever hangs
	# shellcheck disable=SC2086
	timeout -k 5 $((secs + 120)) $netns "$out/fuzz_$t" $corpora ${FUZZ_SEED:+-seed=$FUZZ_SEED} -max_total_time="$secs" -max_len="$maxlen" -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix="$out/crashes/$t-" -print_final_stats=1 > "$out/fuzz_$t.log" 2>&1
	r=$?
	tail -n 25 "$out/fuzz_$t.log"
	if [ $r -eq 124 ] || [ $r -eq 137 ]; then
		echo "fuzz: $t did not stop in $((secs + 120))s (a hang libFuzzer's -timeout did not catch); see $out/fuzz_$t.log"
		rc=1
	elif [ $r -ne 0 ]; then
		echo "fuzz: $t FINDING (exit $r); inputs in $out/crashes/: replay with $out/fuzz_$t FILE"
		[ "$t" = decode ] && echo "fuzz: make each a golden case: build/tools/crash2pcap FILE crash-NAME && tests/golden/accept.sh crash-NAME-v crash-NAME-json"
		rc=1
	else
		echo "fuzz: $t: no finding in ${secs}s"
	fi
done
exit $rc
