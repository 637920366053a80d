#!/usr/bin/env bash
# core_uring.sh — the io_uring reader, which tapscope uses only while a flood lasts, forced on for a
# whole run (TAPSCOPE_URING=always) under the tests that talk to the device: pings on tap and tun,
# the held outbox, a flood with quiet capture, and detaching (its reads must release the queue).
source "$(dirname "$0")/../lib.sh"
need_root
export TAPSCOPE_URING=always
for t in core_ping_tap core_ping_tun core_hold core_quiet core_cleanup; do
	bash "$TOP/tests/integ/$t.sh" >"$TMPD/$t.log" 2>&1 || { tail -n 20 "$TMPD/$t.log" >&2; fail "$t with io_uring reads"; }
	echo "ok: $t with io_uring reads"
done
