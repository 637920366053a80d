# decoder.sh — sourced by golden tests: picks how to run "tapscope -r": the real binary once main.c
# understands -r, else build/tools/decodefile (the same offline_run). Sets DECODE_CMD (an array).
TOP=${TOP:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
BUILD=${BUILD:-$TOP/${TAPSCOPE_BUILD:-build}}
TAPSCOPE=${TAPSCOPE:-${TAPSCOPE_BIN:-$TOP/tapscope}}
if [ -x "$TAPSCOPE" ] && "$TAPSCOPE" -r "$TOP/tests/golden/arp.pcap" -p >/dev/null 2>&1; then
	DECODE_CMD=("$TAPSCOPE" -r)
	DECODE_NAME="tapscope -r"
else
	DECODE_CMD=("$BUILD/tools/decodefile")
	DECODE_NAME="build/tools/decodefile (tapscope does not read files yet)"
fi
