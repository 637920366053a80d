#!/usr/bin/env bash
# run.sh SECONDS — builds the libFuzzer target on the decoder (clang, ASan + UBSan) and runs it for
# SECONDS, seeded with every frame of the golden pcaps. Exit 0: no finding; 1: a crash (kept in
# build/fuzz/crashes/, turn it into a golden pcap); 77: no clang/libFuzzer here.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-60}
CLANG=$(command -v clang-14 || command -v clang || true)
[ -n "$CLANG" ] || { echo "fuzz: clang not installed (Debian: clang, libclang-rt-14-dev)"; exit 77; }
out=build/fuzz
mkdir -p "$out/corpus" "$out/crashes"
PKG=$(pkg-config --cflags libpcap 2>/dev/null)
srcs="src/decode*.c src/fmtbuf.c src/frameprint.c src/checksum.c"
# shellcheck disable=SC2086
if ! "$CLANG" -g -O1 -std=c11 -D_GNU_SOURCE -Isrc $PKG -fsanitize=fuzzer,address,undefined \
	-fno-sanitize-recover=undefined -o "$out/fuzz_decode" tests/fuzz/fuzz_decode.c $srcs 2> "$out/build.log"; then
	if grep -q "libclang_rt.fuzzer\|cannot find.*fuzzer" "$out/build.log"; then
		echo "fuzz: libFuzzer runtime missing (Debian: libclang-rt-14-dev)"; exit 77
	fi
	cat "$out/build.log"; exit 1
fi
make -s build/tools/pcap2corpus >/dev/null || exit 1
build/tools/pcap2corpus "$out/corpus" tests/golden/*.pcap || exit 1
echo "fuzz: running $out/fuzz_decode for ${secs}s"
"$out/fuzz_decode" "$out/corpus" -max_total_time="$secs" -max_len=4096 -timeout=10 -rss_limit_mb=1024 \
	-artifact_prefix="$out/crashes/" -print_final_stats=1 > "$out/fuzz.log" 2>&1
rc=$?
tail -n 25 "$out/fuzz.log"
if [ $rc -ne 0 ]; then
	echo "fuzz: FINDING (exit $rc); inputs in $out/crashes/: replay with $out/fuzz_decode FILE"
	exit 1
fi
echo "fuzz: no finding in ${secs}s"
