#!/usr/bin/env bash
# ui_find.sh — find and go to in the live UI: a field condition (icmp.seq == 3) finds the request,
# Ctrl-N/F3 the reply, Ctrl-B/Shift-F3 back; text finds in the summary; with a filter, find and
# go-to keep to the frames in view (a hidden frame selects the next one shown); go-to refuses what
# is not a frame number and says when a frame has not come yet; Wireshark's alias ip.addr finds,
# and '&&' is refused by name. (ui_browse.sh does the same over a file.)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

info_line() { screen | grep -oE "frame [0-9]+ [-<>] [A-Z].*" | head -1; }
selected() { info_line | sed -E 's/^frame ([0-9]+) .*/\1/'; }
wait_info() {	# wait_info REGEX: the selected frame's info line matches
	local deadline=$(( $(date +%s%N) + 3000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		info_line | grep -Eq -- "$1" && return 0
		sleep 0.05
	done
	screen_dump >&2
	fail "the info line is '$(info_line)', not /$1/"
}

ui_start 120 40 --netns "$NS" --echo
nsexec ping -c 5 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no reply"
# the five replies were written (ping had them): the status bar counts them. (Waiting for the
# fifth on the info line raced the kernel's IPv6 chatter, which can come 4 µs after it and be
# the newest frame the info line follows.)
screen_wait ' out ([5-9]|[1-9][0-9]+) ' 3
keys Space		# the view stands still while we look around
screen_wait 'view paused' 2

# a field condition, then next and previous
keys Home
keys f
screen_wait '^find \(text, or ip\.ttl == 1\):' 2
keys_literal 'icmp.seq == 3'
keys Enter
wait_info '< IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request, id [0-9]+, seq 3,'
req=$(selected)
screen_wait "^frame $req matches icmp\.seq == 3 \(Ctrl-N next, Ctrl-B previous\)" 2
keys C-n
wait_info '> IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply, id [0-9]+, seq 3,'
rep=$(selected)
[ "$rep" -gt "$req" ] || fail "the reply ($rep) is not after the request ($req)"
keys F3		# none after the reply: on from the first frame, to the request
wait_info "^frame $req < "
screen_wait "^frame $req matches icmp\.seq == 3 \(none after: from the start again; Ctrl-N next" 2
keys C-b		# none before the request: on from the last frame, to the reply
wait_info "^frame $rep > "
screen_wait "^frame $rep matches icmp\.seq == 3 \(none before: from the end again; " 2
keys C-b
wait_info "^frame $req < "
screen_wait "^frame $req matches icmp\.seq == 3 \(Ctrl-N next, Ctrl-B previous\)" 2
note "icmp.seq == 3: request $req, reply $rep, round either end"

# text in the summary
keys Home
keys C-f
keys_literal 'echo reply'
keys Enter
wait_info '> IP 10\.18\.0\.3 > 10\.18\.0\.1: ICMP echo reply, id [0-9]+, seq 1,'
screen_wait '^frame [0-9]+ matches "echo reply"' 2

# a misspelt field: refused at once, with the name it is nearest to
keys C-f
keys C-u
keys_literal 'ip.tll == 1'
keys Enter
screen_wait '^cannot find that: no field ip\.tll: did you mean ip\.ttl\?' 2
screen_wait '^find \(text, or ip\.ttl == 1\): ip\.tll == 1 *$' 2	# the prompt stays open to mend it
keys Escape
# a real field that no frame matches gets no such note
sel0=$(selected)
keys C-f
keys C-u
keys_literal 'ip.ttl == 3'
keys Enter
screen_wait '^no frame matches ip\.ttl == 3' 2
[ "$(selected)" = "$sel0" ] || fail "a find that found nothing moved the selection"
[ -z "$(screen_grab 'has a field ip\.ttl')" ] || fail "ip.ttl is in every frame, yet said to be missing"
# Wireshark's alias ip.addr: ip.src or ip.dst; a second condition joined by && is refused by name
keys Home
keys C-f
keys C-u
keys_literal 'ip.addr == 10.18.0.3'
keys Enter
wait_info 'IP 10\.18\.0\.[13] > 10\.18\.0\.[13]: ICMP echo'
screen_wait '^frame [0-9]+ matches ip\.addr == 10\.18\.0\.3 \(Ctrl-N next' 2
keys C-f
keys C-u
keys_literal 'ip.ttl == 64 && icmp'
keys Enter
screen_wait "^cannot find that: '&&' \(and\) is not supported: one FIELD OP VALUE, or text" 2
keys Escape
note "ip.addr == 10.18.0.3 found; '&&' refused"

# go to
keys C-g
screen_wait '^go to frame:' 2
keys_literal "$req"
keys Enter
wait_info "^frame $req < "
keys C-g
keys_literal 99999
keys Enter
screen_wait '^no frame 99999 yet: frame [0-9]+ selected' 2
keys C-g
keys_literal '3x'
keys Enter
screen_wait "^go to what\? '3x' is not a frame number" 2
note "go to $req; 99999 and 3x refused"

# with a filter: only requests are in view
keys /
keys C-u
keys_literal 'icmp[icmptype] == icmp-echo'
keys Enter
screen_wait '^showing frames that match' 2
keys Home
keys f
keys C-u
keys_literal 'icmp.seq == 3'
keys Enter
wait_info "^frame $req < "
keys C-n		# the only one in view: round the list back to it
screen_wait "^frame $req matches icmp\.seq == 3 \(none after: from the start again" 2
keys C-g
keys_literal "$rep"
keys Enter
screen_wait "^frame $rep is not shown \(filter: icmp\[icmptype\] == icmp-echo\): frame [0-9]+ selected" 2
# the nearest request: seq 3's just before the reply, or seq 4's if it comes just after (a tie: the later)
sel=$(screen | grep -oE "^frame $rep is not shown .*: frame [0-9]+ selected" | grep -oE '[0-9]+ selected' | grep -oE '[0-9]+')
[ "$sel" = $((rep - 1)) ] || [ "$sel" = $((rep + 1)) ] || fail "go to $rep selected $sel, not the nearest request"
wait_info '< IP 10\.18\.0\.1 > 10\.18\.0\.3: ICMP echo request, id [0-9]+, seq [34],'
note "filtered: find and go to keep to the frames in view"

# a find longer than the prompt: an ellipsis where its text runs out of sight, either side
long="dns.qry.name == $(printf 'very-long-label-%d.' 1 2 3 4 5 6 7 8)example"
keys f
keys C-u
keys_literal "$long"
screen_wait '^find \(text, or ip\.ttl == 1\):…[^ ]*example *$' 2
keys Home
screen_wait '^find \(text, or ip\.ttl == 1\): dns\.qry\.name == very-long-label-1\..*…$' 2
keys Escape
screen_gone '^find \(text' 2
note "a long find: '…' marks the hidden part at either end"
# past the prompt's 1000 characters (a paste): refused, never acted on cut
keys f
keys C-u
keys_literal "$(for i in $(seq 60); do printf 'ip.addr == 10.18.0.3 or '; done)"
keys Enter
screen_wait '^not done: over 1000 characters \(a prompt.s most\); the rest was dropped' 2
screen | grep -q 'matches ip\.addr' && fail "a cut find was acted on"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
