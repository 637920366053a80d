#!/usr/bin/env bash
# ui_jobs.sh — injections from the UI are the core's jobs: the form's send and r each start one
# (r three times: three more InEchos in the namespace's /proc/net/snmp, r never forgets the
# spec); "port unreachable for the selected frame" quotes that frame (quote=frame:N), checked
# in the saved pcap; a repeating injection shows its progress on the status bar and X stops it;
# r repeats the newest job, one the console started too.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
FORM_TITLE='Inject a packet toward the kernel'

ui_start 100 30 --netns "$NS" --echo -w "$TMPD/cap.pcap"
screen_wait 'echo:ON +neigh:ON' 5

# 1. the form's echo request, then r three times: each a job the kernel answers
keys i
screen_wait "$FORM_TITLE" 3
keys F2
screen_wait '│ Spec +icmp type=echo-request' 2
keys F10
screen_gone "$FORM_TITLE" 2
screen_wait '^job 1: icmp type=echo-request' 3
screen_wait '< ICMP +10\.18\.0\.1 +10\.18\.0\.[0-9]+ +ICMP echo reply' 3
in0=$(icmp_counter InEchos)
for n in 2 3 4; do
	keys r
	screen_wait "^job $n: icmp type=echo-request" 3
done
for _ in $(seq 60); do [ "$(icmp_counter InEchos)" -ge $((in0 + 3)) ] && break; sleep 0.05; done
sleep 0.3
in1=$(icmp_counter InEchos)
note "r three times: InEchos $in0 -> $in1"
[ "$in1" -eq $((in0 + 3)) ] || fail "InEchos went from $in0 to $in1, not +3"

# 2. port unreachable for the selected frame: the kernel's first echo request, while a newer
#    packet is the kernel's last one
nsexec ping -c 3 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no reply"
keys /
screen_wait 'filter \(BPF' 2
keys_literal 'icmp[icmptype] == icmp-echo and src 10.18.0.1'
keys Enter
screen_wait 'showing frames that match' 3
keys g j	# the second request (seq 2): the kernel's last packet will be a seq 1
screen_wait 'Info  \(G: follow\)' 2
sleep 0.2
sel=$(screen | sed -nE 's/.*Fields  frame ([0-9]+).*/\1/p' | head -1)
[ -n "$sel" ] || fail "no frame selected"
seq1=$(screen | grep -oE "frame $sel < IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request, id [0-9]+, seq [0-9]+" | grep -oE '[0-9]+$')
[ "$seq1" = 2 ] || fail "frame $sel is not the kernel's echo request seq 2"
nsexec ping -c 1 10.18.0.3 >/dev/null 2>&1	# the kernel's last packet is now another one
keys i
screen_wait "$FORM_TITLE" 3
keys F4
screen_wait "│ Quote +frame:$sel " 2
screen_wait "quote=frame:$sel" 2
screen_wait "quotes frame $sel, the selected one" 2
keys F10
screen_gone "$FORM_TITLE" 2
screen_wait "^job 5: icmp type=dest-unreach code=port-unreach .*quote=frame:$sel" 3
note "F4 on frame $sel (echo request seq $seq1): quote=frame:$sel"

# 3. a job of a million packets: progress on the status bar, X stops it
keys i
screen_wait "$FORM_TITLE" 3
keys F2
form_field Count 1000000
form_field Interval 10ms
screen_wait 'count=1000000' 2; screen_wait 'interval=10ms' 2
keys F10
screen_gone "$FORM_TITLE" 2
screen_wait 'job 6 [0-9]+/1000000 \(X stops\)' 3
p1=$(screen_grab 'job 6 [0-9]+/' | grep -oE '[0-9]+/' | tr -d /)
sleep 0.5
p2=$(screen_grab 'job 6 [0-9]+/' | grep -oE '[0-9]+/' | tr -d /)
[ "${p2:-0}" -gt "${p1:-0}" ] || fail "the job's progress did not rise: $p1 -> $p2"
keys X
screen_wait 'cancelled 1 job' 2
screen_gone 'job 6 [0-9]+/1000000' 2
# at 10ms a running job sends ~50 frames in 0.5s; the responder may still answer a neighbour
# probe of the kernel's meanwhile (neigh:ON), so a frame or two more is not the job
o1=$(status_count out); sleep 0.5; o2=$(status_count out)
[ $((o2 - o1)) -le 2 ] || fail "frames still go out after X: $o1 -> $o2"
note "job 6: $p1 -> $p2 of 1000000 sent, X stopped it (out $o1 -> $o2 in 0.5s after)"

# 4. r repeats the newest job wherever it came from: here the console's
keys :
screen_wait "^netns $NS \\$" 2
keys_literal 'inject icmp type=echo-request seq=77'
keys Enter
screen_wait 'job 7: icmp type=echo-request .*seq=77' 3
sleep 0.3
keys r
screen_wait 'job 8: icmp type=echo-request .*seq=77' 3 || fail "r did not repeat the console's injection"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"

# the pcap: the port unreachable quotes the selected request (its seq), not the kernel's last
"$TAPSCOPE" -r "$TMPD/cap.pcap" -v >"$TMPD/cap.txt" 2>&1 || fail "tapscope -r failed"
awk '/ICMP 10\.18\.0\.3 protocol 1 port [0-9]+ unreachable|ICMP .*port.*unreachable/ { on = 1; next } on && /^[0-9]/ { exit } on' \
	"$TMPD/cap.txt" >"$TMPD/unreach.txt"
[ -s "$TMPD/unreach.txt" ] || { sed 's/^/    |/' "$TMPD/cap.txt" | tail -60; fail "no port unreachable in the capture"; }
grep -qE "icmp\.seq: $seq1\b" "$TMPD/unreach.txt" ||
	{ sed 's/^/    |/' "$TMPD/unreach.txt"; fail "the port unreachable does not quote seq $seq1"; }
note "the saved port unreachable quotes icmp.seq $seq1"
echo PASS
