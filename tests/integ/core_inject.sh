#!/usr/bin/env bash
# core_inject.sh — acceptance 3: an injected echo request makes the kernel answer (a '<' reply);
# a checksum=BAD one gets no reply and raises IcmpInCsumErrors in the namespace's /proc/net/snmp.
source "$(dirname "$0")/../lib.sh"
need_root

csum_errors() { nsexec awk '/^Icmp:/ { if (!h) { for (i = 1; i <= NF; i++) n[$i] = i; h = 1 } else print $n["InCsumErrors"] }' /proc/net/snmp; }

start_tapscope "$TMPD/out" --netns "$NS" -a 10.18.0.1/24 -a fd00::1/64 --echo --print \
	--inject 'icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=1 checksum=BAD payload=text:broken' \
	--inject 'icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=2 ttl=64 payload=text:hello' \
	--inject 'icmp6 type=echo-request src=fd00::3 dst=fd00::1 id=9 seq=4 payload=size:56'
wait_ready "$TMPD/out" || fail "tapscope did not start"
wait_for "$TMPD/out" '< [0-9]+ IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo reply, id 7, seq 2' 5 || fail "no echo reply from the kernel"
wait_for "$TMPD/out" '< [0-9]+ IP6 fd00::1 > fd00::3: ICMP6, echo reply, id 9, seq 4' 8 || fail "no ICMPv6 echo reply from the kernel"
errs=$(csum_errors)
stop_tapscope INT
cat "$TMPD/out"
assert_grep "$TMPD/out" '> [0-9]+ IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo request, id 7, seq 1'
! grep -qE '< .*ICMP echo reply, id 7, seq 1,' "$TMPD/out" || fail "the kernel answered a bad checksum"
[ "$errs" = 1 ] || fail "IcmpInCsumErrors is '$errs', expected 1"
echo "ok: reply to the good request, IcmpInCsumErrors=$errs for the bad one"

# tun: the kernel answers directly, no ARP
start_tapscope "$TMPD/tun" --netns "$NS" --tun --print \
	--inject 'icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=5 seq=1 count=3 interval=100ms'
wait_ready "$TMPD/tun" || fail "tapscope --tun did not start"
wait_for "$TMPD/tun" 'ICMP echo reply, id 5, seq 3' 5 || fail "tun: no reply to the third request"
stop_tapscope INT
[ "$(grep -c '> .*ICMP echo request, id 5' "$TMPD/tun")" = 3 ] || fail "count=3 did not send 3"
