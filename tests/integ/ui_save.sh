#!/usr/bin/env bash
# ui_save.sh — w's prompt starts with a default path selected: typing replaces it (no
# "…pcapmycap.pcap"), ~ is the home directory, an existing file is overwritten only after y
# (n keeps it as it was), the count said is what tcpdump reads back, and a write that fails
# (/dev/full) says so instead of "saved".
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
need_cmd tcpdump
export UI_HOME=$TMPD/home
mkdir -p "$UI_HOME"

ui_start 80 24 --netns "$NS" --echo
nsexec ping -c 3 -i 0.2 10.18.0.3 >/dev/null 2>&1 || fail "ping got no reply"
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP echo reply' 3
keys Space		# the view stands still: what is saved is what is counted
screen_wait 'view paused' 2

keys w
screen_wait '^save the frames in view to: /tmp/tapscope-[0-9-]+\.pcap' 2
keys_literal '~/cap.pcap'
screen_wait '^save the frames in view to: ~/cap\.pcap *$' 2
keys Enter
screen_wait "^saved [0-9]+ frames to $UI_HOME/cap\.pcap" 3
n=$(screen | sed -nE 's/^saved ([0-9]+) frames.*/\1/p')
[ -s "$UI_HOME/cap.pcap" ] || fail "~/cap.pcap was not written to $UI_HOME"
got=$(tcpdump -nr "$UI_HOME/cap.pcap" 2>/dev/null | wc -l)
[ "$got" = "$n" ] || fail "the UI said $n frames, tcpdump reads $got"
note "w ~/cap.pcap: $n frames, tcpdump reads $got"

# an existing file: n keeps it, y overwrites it
sum0=$(md5sum <"$UI_HOME/cap.pcap")
keys Space
nsexec ping -c 2 -i 0.2 10.18.0.3 >/dev/null 2>&1
keys Space
keys w
screen_wait '^save the frames in view to:' 2
keys_literal '~/cap.pcap'
keys Enter
screen_wait "$UI_HOME/cap\.pcap exists \([0-9]+ bytes\): overwrite" 2
keys n
screen_wait '^nothing changed' 2
[ "$(md5sum <"$UI_HOME/cap.pcap")" = "$sum0" ] || fail "n changed the file"
keys w
keys_literal '~/cap.pcap'
keys Enter
screen_wait "overwrite" 2
keys y
screen_wait "^saved [0-9]+ frames to $UI_HOME/cap\.pcap" 3
n2=$(screen | sed -nE 's/^saved ([0-9]+) frames.*/\1/p')
[ "$n2" -gt "$n" ] || fail "the overwrite saved $n2 frames, not more than $n"
[ "$(tcpdump -nr "$UI_HOME/cap.pcap" 2>/dev/null | wc -l)" = "$n2" ] || fail "tcpdump does not read $n2 frames"
note "exists: n kept it, y overwrote it with $n2 frames"

# a write that fails says so
keys w
keys_literal /dev/full
keys Enter
screen_wait "/dev/full is not a file but a character device" 2
keys y
screen_wait '^/dev/full holds 0 of [0-9]+ frames: writing it failed: No space left on device' 3

# '-' is standard output: here the screen, never written to
keys w
screen_wait '^save the frames in view to:' 2
keys_literal '-'
keys Enter
screen_wait "^'-' is standard output, the screen here: give a file name" 2
screen | grep -q $'\xd4\xc3\xb2\xa1' && fail "pcap bytes on the screen"

# the typed name survives the terminal shrinking under the prompt and growing back, the cursor
# where it was (burst-typed at 120 columns; a key at 80, none while too small)
tm resize-window -t "$UI_SESSION" -x 120 -y 24
screen_wait ' \? help$' 2
keys w C-u
keys_literal "$TMPD/abcdefghijklmnopqrstuvwxyz-abcdefghijklmnop.pcap"
keys Left Left Left Left Left
screen_wait "^save the frames in view to: $TMPD/abcdefghijklmnopqrstuvwxyz-abcdefghijklmnop\.pcap" 2
tm resize-window -t "$UI_SESSION" -x 80 -y 24
sleep 0.3
keys 1
tm resize-window -t "$UI_SESSION" -x 30 -y 10
screen_wait 'this one is 30x10' 2
tm resize-window -t "$UI_SESSION" -x 80 -y 24
sleep 0.3
keys 2 Enter
f="$TMPD/abcdefghijklmnopqrstuvwxyz-abcdefghijklmnop12.pcap"
for _ in $(seq 40); do [ -s "$f" ] && break; sleep 0.05; done
[ -s "$f" ] || { screen_dump; ls "$TMPD" >&2; fail "the typed name did not survive the resizes"; }
note "a prompt's text through 120, 80, 30x10 and 80 columns: whole, typed where the cursor was"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
