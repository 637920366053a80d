#!/usr/bin/env bash
# core_jobs.sh — injection jobs: count=1000 interval=10ms shows its progress and can be cancelled
# (nothing more is sent after); quote=frame:N quotes exactly frame N (checked with tshark on the pcap).
source "$(dirname "$0")/../lib.sh"
need_root
need_cmd tshark
make_control
start_tapscope "$TMPD/out" --netns "$NS" --tun --print -# -w "$TMPD/run.pcap" --control "$CTL"
wait_ready "$TMPD/out" || fail "tapscope did not start"

injected() { count_matching "$TMPD/out" '^ *[0-9]+  .* > 84 IP 10\.18\.0\.2 > 10\.18\.0\.1: ICMP echo request, id 4242'; }
ctl "inject icmp type=echo-request id=4242 count=1000 interval=10ms"
wait_for "$TMPD/out" '^tapscope: job 1: icmp type=echo-request id=4242 count=1000 interval=10ms \(1000 packets\)' ||
	fail "the job did not start"
sleep 0.5
ctl "jobs"
wait_for "$TMPD/out" '^tapscope: job 1 running [0-9]+/1000' || fail "no progress shown"
progress=$(sed -n 's/^tapscope: job 1 running \([0-9]*\)\/1000.*/\1/p' "$TMPD/out" | tail -n 1)
[ "$progress" -gt 5 ] && [ "$progress" -lt 1000 ] || fail "progress $progress/1000 after 0.5 s"
ctl "cancel 1"
wait_for "$TMPD/out" '^tapscope: cancelled 1 job' || fail "cancel not acknowledged"
ctl "jobs"
wait_for "$TMPD/out" '^tapscope: job 1 cancelled [0-9]+/1000' || fail "the job is not cancelled"
sent=$(sed -n 's/^tapscope: job 1 cancelled \([0-9]*\)\/1000.*/\1/p' "$TMPD/out" | tail -n 1)
sleep 0.5
[ "$(injected)" = "$sent" ] || fail "frames seen $(injected), job says $sent"
sleep 0.3
[ "$(injected)" = "$sent" ] || fail "frames kept coming after cancel"
echo "ok: job cancelled at $sent/1000, nothing sent after"
ctl "cancel 1"
wait_for "$TMPD/out" 'cancel: job 1 is not running' || fail "a second cancel was not refused"

# quote=frame:N: two echo requests from the kernel; quote the first while the second is the last
nsexec ping -c 2 -i 0.3 -W 1 10.18.0.3 >/dev/null 2>&1
wait_for "$TMPD/out" '< 84 IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request, id [0-9]+, seq 2' || fail "no second request"
n=$(sed -n 's/^ *\([0-9]*\)  .* < 84 IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request, id [0-9]*, seq 1,.*/\1/p' "$TMPD/out" | tail -n 1)
[ -n "$n" ] || fail "no frame number for seq 1"
ctl "inject icmp type=dest-unreach code=port-unreach quote=frame:$n"
wait_for "$TMPD/out" '> [0-9]+ IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP .*unreachable' || fail "the error was not sent"
ctl "inject icmp type=time-exceeded quote=frame:99999"
wait_for "$TMPD/out" 'quote=frame:99999: frame 99999 is not kept' || fail "an unknown frame was not refused"
stop_tapscope INT
seqs=$(tshark -r "$TMPD/run.pcap" -Y 'icmp.type == 3' -T fields -e icmp.seq 2>/dev/null | sort -u)
[ "$seqs" = "1" ] || fail "the error quotes seq '$seqs', not frame $n (seq 1)"
echo "ok: quote=frame:$n quoted the echo request with seq 1"
