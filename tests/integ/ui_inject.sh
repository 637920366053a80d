#!/usr/bin/env bash
# ui_inject.sh — the inject form (i): an invalid source address shows the crafting engine's own
# error beside Source and sends nothing (the status bar's 'out' count stands still); the "echo
# request from a peer" preset, sent, puts the injected request and the kernel's echo reply in
# the list; TTL 300 names the valid range; TTL 0 is sent as 0 (checked in the saved pcap); the
# More field's hint is valid for the type, and a long error wraps whole instead of being cut.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

FORM_TITLE='Inject a packet toward the kernel'

# IPv6's link-up chatter (MLD, RS) is left out, and the list's netlink rows hidden (t): on 80x24
# the list has three rows, and a late MLD report could push the frames looked for off it
ui_start 80 24 --netns "$NS" --echo -w "$TMPD/cap.pcap" -f 'not ip6'
screen_wait 'echo:ON +neigh:ON +in [0-9]+ out 0 ' 5
keys t
out0=$(status_count out)

# 1. an invalid source address: an error in the form, nothing sent
keys i
screen_wait "$FORM_TITLE" 3
keys F2
screen_wait '│ Preset +echo request from a peer' 2
form_goto Source
keys C-u
keys_literal '10.18.0.999'
screen_wait '│ Source +10\.18\.0\.999' 2
keys F10
screen_wait "src=10\.18\.0\.999': not an IPv4 address" 3	# the engine's own message, beside Source
screen | grep -q "$FORM_TITLE" || fail "the form closed on an invalid address"
screen_dump
sleep 0.3	# anything sent would be counted by now
[ "$(status_count out)" = "$out0" ] || fail "out went from $out0 to $(status_count out) on an invalid address"
screen | grep -Eq '> ICMP ' && fail "an ICMP frame was sent"
keys BSpace	# the field changes: its error goes, under the spec too
screen_gone "not an IPv4 address" 2
keys Escape
screen_gone "$FORM_TITLE" 2
screen_wait 'inject form closed: nothing sent' 2
[ "$(status_count out)" = "$out0" ] || fail "out changed after Esc"
note "invalid source: form error shown, out stayed $out0"

# 2. the preset as it is: the kernel answers
keys i
screen_wait "$FORM_TITLE" 3
keys F2
screen_wait '│ Preset +echo request from a peer' 2
screen_wait '│ Spec +icmp type=echo-request' 2
spec=$(screen | sed -n 's/.*│ Spec  *\(icmp [^│]*[^ │]\).*/\1/p')
note "form spec: $spec"
keys F10
screen_gone "$FORM_TITLE" 2
screen_wait '[0-9] > ICMP +10\.18\.0\.[0-9]+ +10\.18\.0\.1 +ICMP echo request' 3
screen_wait '[0-9] < ICMP +10\.18\.0\.1 +10\.18\.0\.[0-9]+ +ICMP echo reply' 3
screen_dump
[ "$(status_count out)" -gt "$out0" ] || fail "out did not rise after sending"
# r repeats it: one more reply
replies=$(screen | grep -c '< ICMP .*echo reply')
keys r
for _ in $(seq 40); do [ "$(screen | grep -c '< ICMP .*echo reply')" -gt "$replies" ] && break; sleep 0.05; done
[ "$(screen | grep -c '< ICMP .*echo reply')" -gt "$replies" ] || fail "r did not bring a second reply"

# 3. TTL: out of range names the range; 0 is sent as 0
keys i
screen_wait "$FORM_TITLE" 3
keys F2
form_field TTL 300
keys F10
screen_wait "'ttl=300': ttl must be 0\.\.255" 2
screen | grep -q "$FORM_TITLE" || fail "the form closed on TTL 300"
form_field TTL 0
screen_wait '│ Spec +icmp type=echo-request .*ttl=0' 2
keys F10
screen_gone "$FORM_TITLE" 2
screen_wait '^job [0-9]+: icmp type=echo-request .*ttl=0' 2
note "TTL 300 refused with its range, TTL 0 sent"

# 4. the More field: its hint is valid for the type; a long error wraps, whole
keys i
screen_wait "$FORM_TITLE" 3
keys F2
screen_wait '│ More .*\(none for this type\)' 2
form_field More mtu=1400
keys F10
screen_wait "'mtu=1400': mtu applies only to dest-unreach" 2
screen_wait 'packet-too-big \(icmp6\), not icmp echo-request  ' 2	# the end, on its own line
note "long error: $(screen | grep -A1 "'mtu=1400'" | sed 's/│//g; s/  */ /g' | tr '\n' ' ')"
keys Escape
screen_gone "$FORM_TITLE" 2
keys /
screen_wait 'filter \(BPF' 2
keys_literal 'icmp and src 10.18.0.1'
keys Enter g
screen_wait 'Info  \(G: follow\)' 2
keys i
screen_wait "$FORM_TITLE" 3
keys F4		# port unreachable for the kernel's echo reply
screen_wait '│ Type +dest-unreach' 2
screen_wait '│ Code +port-unreach' 2
screen_wait '│ More .*\(none for this type\)' 2
form_goto Code
keys Right	# frag-needed: mtu= applies, and the hint says so
screen_wait '│ Code +frag-needed' 2
screen_wait '│ More .*e\.g\. mtu=1400' 2
keys Escape
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
"$TAPSCOPE" -r "$TMPD/cap.pcap" -v >"$TMPD/cap.txt" 2>&1
grep -qE '^ +ip\.ttl: 0$' "$TMPD/cap.txt" || { grep -E 'ip\.ttl' "$TMPD/cap.txt" | sort | uniq -c; fail "no packet with TTL 0 in the capture"; }
echo PASS
