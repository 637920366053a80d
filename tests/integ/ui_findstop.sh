#!/usr/bin/env bash
# ui_findstop.sh — a find running through a big file (2,000,000 generated frames, seconds of
# work) is the user's to stop: Esc stops it and says how far it got; a go-to meanwhile stops it
# (it used to jump away from the frame gone to when it ended); moving meanwhile keeps the
# selection where the user moved, and says where the match is. A refused find and a refused
# filter come back in their prompts to be mended. Quitting while a save runs asks first.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
need_cmd tcpdump
N=2000000
F=$TMPD/big.pcap
[ -x "$TOP/build/tools/genbench" ] || make -s -C "$TOP" build/tools/genbench || fail "cannot build genbench"
"$TOP/build/tools/genbench" "$N" "$F" >/dev/null || fail "genbench failed"
selected() { screen | grep -oE "frame [0-9]+ [-<>] " | head -1 | grep -oE "[0-9]+"; }

ui_start 100 30 -r "$F"
screen_wait "^ $N frames" 20	# indexed: the finds below run over the whole file

# 1. Esc stops a find, and says how far it got
keys f
screen_wait '^find \(text, or ip\.ttl == 1\):' 2
keys_literal "frame.number == $((N - 1))"
keys Enter Escape
screen_wait "^find stopped at frame [0-9]+ \\(from 1\\): nothing matched frame\\.number == $((N - 1)) so far" 3
sleep 3	# the whole file's time: a find still running would have jumped by now
[ "$(selected)" = 1 ] || fail "frame $(selected) is selected after Esc stopped the find, not 1"
note "Esc: $(screen | grep -m1 '^find stopped')"

# 2. a go-to during a find stops it: the frame gone to stays selected
keys f C-u
keys_literal "frame.number == $((N - 1))"
keys Enter C-g
screen_wait '^go to frame:' 2
keys_literal 5
keys Enter
screen_wait '^frame 5$' 3
sleep 3
[ "$(selected)" = 5 ] || fail "frame $(selected) is selected after going to 5 during a find"
note "a go-to during a find: frame 5 stays selected"

# 3. moving during a find: the selection stays, the message says where the match is
keys f C-u
keys_literal "frame.number == $((N - 1))"
keys Enter Down Down
screen_wait "^frame $((N - 1)) matches frame\\.number == $((N - 1)); you moved meanwhile, so the selection stays" 15
[ "$(selected)" = 7 ] || fail "frame $(selected) is selected, not 7 where the user moved"
note "moved during a find: $(screen | grep -m1 'you moved meanwhile')"

# 4. a refused find and a refused filter keep their prompts open on the text, the reason above;
# closed with Esc, they are offered again selected as any prefill: an arrow key keeps them to
# mend, typing replaces them
keys f C-u
keys_literal 'ip.ttl = 64'
keys Enter
screen_wait '^cannot find that: ' 2
screen_wait '^find \(text, or ip\.ttl == 1\): ip\.ttl = 64 *$' 2
keys x		# typed into the open prompt, not the hex pane's toggle
screen_wait '^find \(text, or ip\.ttl == 1\): ip\.ttl = 64x *$' 2
keys BSpace Escape
keys f
screen_wait '^find \(text, or ip\.ttl == 1\): ip\.ttl = 64 *$' 2
keys Left Left Left
keys_literal '='
keys Enter
screen_wait '^(frame [0-9]+ matches ip\.ttl == 64|finding)' 5
keys f		# typing replaces what is offered (no "ip.ttl == 64udp")
keys_literal 'udp'
keys Enter
screen_wait '^(frame [0-9]+ matches udp |finding udp)' 5
note "a refused find came back to be mended: ip.ttl == 64"
keys /
screen_wait '^filter \(BPF, empty clears\):' 2
keys C-u
keys_literal 'udp port 5e3'
keys Enter
screen_wait "^filter not changed: unknown port '5e3'" 3
screen_wait '^filter \(BPF, empty clears\): udp port 5e3 *$' 2
n=$(screen | tr -s ' \n' '  ' | grep -o "tcpdump filter syntax" | wc -l)	# wrapped rows joined
[ "$n" = 1 ] || fail "the filter's syntax hint is said $n times"
screen | tr -s ' \n' '  ' | grep -q "(tcpdump syntax" && fail "the filter's hint is said twice"
keys BSpace BSpace BSpace	# still open, its cursor at the end: mended there
keys_literal 53
keys Enter
screen_wait '^showing frames that match: udp port 53' 5
note "a refused filter came back to be mended: udp port 53"

# 4b. a space typed at the end of a prompt's text survives a resize ("icmp " + "or arp"), and
# Ctrl-C cancels a prompt as a shell's line
keys / C-u
keys_literal 'icmp '
tm resize-window -t "$UI_SESSION" -x 120 -y 30
sleep 0.3
tm resize-window -t "$UI_SESSION" -x 100 -y 30
sleep 0.3
keys_literal 'or arp'
keys Enter
screen_wait '^showing frames that match: icmp or arp' 3
keys f C-c
screen_gone '^find \(text' 2
note "a trailing space through a resize; Ctrl-C closed the find prompt"

# 5. w during a save says one runs before asking for a name; quitting while a save runs asks
# first, and y leaves a file of whole frames and says how many (the save may also finish while
# the question is open: then the file is whole)
keys / C-u Enter
screen_wait '^filter cleared' 3
keys w C-u
keys_literal "$TMPD/all.pcap"
keys Enter w
screen_wait "^a save to $TMPD/all\\.pcap is running: wait for it to finish|^save the frames in view to:" 3
[ -n "$(screen_grab '^save the frames in view to:')" ] && keys Escape	# (that save had ended already)
for _ in $(seq 100); do [ "$(tcpdump -nr "$TMPD/all.pcap" 2>/dev/null | wc -l)" = "$N" ] && break; sleep 0.1; done
rm -f "$TMPD/all.pcap"
# 5b. Esc while a save runs asks before it stops it; y leaves the whole frames written by then
keys w C-u
keys_literal "$TMPD/part.pcap"
keys Enter Escape	# in one read, as above
screen_wait "stop saving to" 2
keys y
screen_wait "^(saving stopped: $TMPD/part\.pcap holds the first [0-9]+ frames|saved $N frames)" 5
n=$(tm capture-pane -p -J -t "$UI_PANE" | sed -nE 's/^saving stopped: .* holds the first ([0-9]+) frames.*/\1/p' | head -1)
got=$(tcpdump -nr "$TMPD/part.pcap" 2>/dev/null | wc -l)
[ "$got" = "${n:-$N}" ] || fail "the stopped save holds $got frames for tcpdump, not the ${n:-$N} said"
note "Esc during a save: asked; y left ${n:-all $N (the save ended first)} whole frames"
keys w C-u
keys_literal "$TMPD/all.pcap"
keys Enter q	# in one read: the save has had one turn at most when q comes
screen_wait "Are you sure\\?" 2	# the question wraps in its box on 100 columns: its first words
screen_wait "│ a save to /tmp/" 2
keys y
ui_prompt_back 5
n=$(tm capture-pane -p -J -t "$UI_PANE" | sed -nE 's/.*was cut short: it holds the first ([0-9]+) frames.*/\1/p' | head -1)
got=$(tcpdump -nr "$TMPD/all.pcap" 2>/dev/null | wc -l)
[ "$got" = "${n:-$N}" ] || fail "the save holds $got frames for tcpdump, not the ${n:-$N} said"
note "q during a save: asked; y left ${n:-all $N (the save ended first)} whole frames, as tcpdump reads them"
ui_prompt_back 5
echo PASS
