#!/usr/bin/env bash
# core_hostile.sh — a hostile peer on the kernel's side (AF_PACKET in the namespace) sends valid and
# invalid requests: only the valid ones are answered, -v states the reason for every refusal, and every
# reply tapscope wrote passes tshark with no malformed or checksum expert info. Then --tun --pi: IPv4
# inside a PI header that says IPv6 is refused, and the answer to a true one carries a PI header saying
# IPv4 (the kernel counts no Ip6InHdrErrors).
source "$(dirname "$0")/../lib.sh"
need_root
need_cmd tshark
start_tapscope "$TMPD/tap" --netns "$NS" -a 10.18.0.1/24 -a fd00::1/64 --echo --print -v -w "$TMPD/tap.pcap"
wait_ready "$TMPD/tap" || fail "tapscope did not start"
for _ in $(seq 60); do nsexec ip -6 addr show dev tap0 | grep -q tentative || break; sleep 0.1; done
nsexec python3 "$TOP/tests/tools/hostile.py" send-tap "$TMPD/tap" || fail "hostile cases on tap"
kill -0 "$TS_PID" || fail "tapscope died"
stop_tapscope INT
# the replies: frames from the peers' MACs (02:00:.. and 02:06:..)
bad=$(tshark -r "$TMPD/tap.pcap" -o ip.check_checksum:TRUE -Y '(eth.src[0:2] == 02:00 || eth.src[0:2] == 02:06) &&
	(_ws.malformed || _ws.expert.severity >= "warning" || ip.checksum.status == "Bad" ||
	 icmp.checksum.status == "Bad" || icmpv6.checksum.status == "Bad")' 2>&1 | grep -v "Running as user")
[ -z "$bad" ] || fail "tshark finds fault with tapscope's replies: $bad"
replies=$(tshark -r "$TMPD/tap.pcap" -Y 'eth.src[0:2] == 02:00 || eth.src[0:2] == 02:06' 2>/dev/null | wc -l)
[ "$replies" -ge 5 ] || fail "only $replies replies in the capture"
opts=$(tshark -r "$TMPD/tap.pcap" -Y 'icmp.type == 0 && icmp.ident == 1010' -T fields -e ip.hdr_len 2>/dev/null)
[ "$opts" = 20 ] || fail "the reply to a request with options has a ${opts}-byte header, not 20"
echo "ok: $replies replies, all clean in tshark"

ip netns list | grep -qw "$NS" && ip netns del "$NS"
NS="${NS}p"
start_tapscope "$TMPD/pi" --netns "$NS" --tun --pi --echo --print -v
wait_ready "$TMPD/pi" || fail "tapscope --tun --pi did not start"
hdr6=$(nsexec awk '$1 == "Ip6InHdrErrors" { print $2 }' /proc/net/snmp6)
reps=$(icmp_counter InEchoReps)
nsexec python3 "$TOP/tests/tools/hostile.py" send-tun-pi "$TMPD/pi" || fail "hostile cases on tun --pi"
[ "$(nsexec awk '$1 == "Ip6InHdrErrors" { print $2 }' /proc/net/snmp6)" = "$hdr6" ] || fail "Ip6InHdrErrors rose"
[ "$(icmp_counter InEchoReps)" = $((reps + 1)) ] || fail "the kernel did not take exactly one echo reply"
stop_tapscope INT
echo "ok: tun --pi"
