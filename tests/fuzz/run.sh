#!/usr/bin/env bash
# run.sh SECONDS [TARGET...] — builds libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS,
# seeded with every frame of the golden pcaps. Targets: decode (the decoder and its renderings),
# responder (the frame locator and the responder); none named: all. Exit 0: no finding; 1: a crash
# (kept in build/fuzz/crashes/, turn it into a golden pcap); 77: no clang/libFuzzer here.
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
	decode) echo "src/decode*.c src/fmtbuf.c src/frameprint.c src/checksum.c";;
	responder) echo "src/responder.c src/frameloc.c src/why.c src/addrset.c src/checksum.c src/decode*.c src/fmtbuf.c";;
	*) echo "fuzz: unknown target $1" >&2; return 1;;
	esac
}

make -s build/tools/pcap2corpus >/dev/null || exit 1
build/tools/pcap2corpus "$out/corpus" tests/golden/*.pcap tests/golden/*.pcapng || exit 1
rc=0
for t in $targets; do
	srcs=$(sources "$t") || exit 1
	# shellcheck disable=SC2086
	if ! "$CLANG" -g -O1 -std=c11 -D_GNU_SOURCE -Isrc $PKG -fsanitize=fuzzer,address,undefined \
		-fno-sanitize-recover=undefined -Itests/fuzz -o "$out/fuzz_$t" "tests/fuzz/fuzz_$t.c" $srcs 2> "$out/build_$t.log"; then
		if grep -q "libclang_rt.fuzzer\|cannot find.*fuzzer" "$out/build_$t.log"; then
			echo "fuzz: libFuzzer runtime missing (Debian: libclang-rt-14-dev)"; exit 77
		fi
		cat "$out/build_$t.log"; exit 1
	fi
	mkdir -p "$out/corpus_$t"
	echo "fuzz: running $out/fuzz_$t for ${secs}s"
	"$out/fuzz_$t" "$out/corpus_$t" "$out/corpus" -max_total_time="$secs" -max_len=4096 -timeout=10 \
		-rss_limit_mb=1024 -artifact_prefix="$out/crashes/$t-" -print_final_stats=1 > "$out/fuzz_$t.log" 2>&1
	r=$?
	tail -n 25 "$out/fuzz_$t.log"
	if [ $r -ne 0 ]; then
		echo "fuzz: $t FINDING (exit $r); inputs in $out/crashes/: replay with $out/fuzz_$t FILE"
		[ "$t" = decode ] && echo "fuzz: make each a golden case: build/tools/crash2pcap FILE crash-NAME && tests/golden/accept.sh crash-NAME-v crash-NAME-json"
		rc=1
	else
		echo "fuzz: $t: no finding in ${secs}s"
	fi
done
exit $rc
