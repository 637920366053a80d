#!/usr/bin/env bash
# ui_inject.sh — the inject form (i): an invalid source address shows an error and sends nothing
# (the status bar's 'out' count stands still); the "echo request from a peer" preset, sent, puts
# the injected request and the kernel's echo reply in the list.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

FORM_TITLE='Inject a packet toward the kernel'

ui_start 80 24 --netns "$NS" --echo
screen_wait 'echo:ON +neigh:ON +in [0-9]+ out 0 ' 5
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
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
