#!/usr/bin/env bash
# ui_console.sh — the console (':', issue 10): ping -c 2 10.18.0.3 runs inside the namespace and
# its output streams into the console pane; a line starting with an action's name runs the
# action (echo off); Up brings back the last line; Ctrl-C stops a running ping (and tapscope
# goes on); leaving tapscope (q) kills a ping still running: no process of it survives.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 120 40 --netns "$NS" --echo
screen_wait 'echo:ON' 5
keys :
screen_wait "^netns $NS \\$" 2
keys_literal 'ping -c 2 10.18.0.3'
keys Enter
screen_wait 'Console +running: ping -c 2 10\.18\.0\.3 +\(Ctrl-C stops it\)' 3
screen_wait '64 bytes from 10\.18\.0\.3: icmp_seq=1 ttl=64' 3
screen_wait '2 packets transmitted, 2 received, 0% packet loss' 4
screen_wait '^ *│? ?\[exit 0\]' 2
screen_wait '< ICMP +10\.18\.0\.1 +10\.18\.0\.3 +ICMP echo request' 2	# the frames it made, in the list
note "the console ran ping -c 2 in $NS: its output is in the pane"

# an action by name; Up on the command line brings back what was typed before
keys :
screen_wait "^netns $NS \\$" 2
keys_literal 'echo off'
keys Enter
screen_wait 'echo replies off' 2
screen_wait 'echo:off' 2
keys :
keys Up
screen_wait "^netns $NS \\$ echo off" 2
keys Up
screen_wait "^netns $NS \\$ ping -c 2 10\\.18\\.0\\.3" 2
keys Escape
keys_literal ':echo on'
keys Enter
screen_wait 'echo:ON' 2

# output shows as it is written, not when the command ends: a ping nobody answers prints its
# first line at once (into a pipe it would keep it until it ends, 3 s later)
keys_literal ':echo off'
keys Enter
screen_wait 'echo:off' 2
keys :
keys_literal 'ping -c 2 -W 3 10.18.0.3'
keys Enter
screen_wait 'PING 10\.18\.0\.3 \(10\.18\.0\.3\) 56\(84\) bytes of data' 2
[ -n "$(screen_grab 'Console +running: ping -c 2 -W 3')" ] || fail "ping ended before its first line showed: the test proves nothing"
screen_wait '\[exit 1\]' 6
keys_literal ':echo on'
keys Enter
screen_wait 'echo:ON' 2
note "an unanswered ping's first line showed while it ran"

# Ctrl-C stops a command that runs on; tapscope stays
keys :
keys_literal 'ping -i 0.2 10.18.0.3'
keys Enter
screen_wait 'icmp_seq=3 ' 5
# ':' while it runs: the prompt opens all the same, so what is typed next never acts as keys
keys :
screen_wait "^\('ping -i 0\.2 10\.18\.0\.3' runs: Esc, then Ctrl-C stops it\) \\$" 2
keys_literal 'ip -br a'
keys Enter
screen_wait 'not run: a command runs \(Ctrl-C stops it; Up brings the line back\)' 2
screen | grep -q 'Inject ICMP' && fail "the typed line acted as keys (i opened the inject form)"
keys C-c
screen_wait '\[(stopped by signal 2|exit [0-9]+)\]' 3
screen_wait 'packets transmitted' 2
ip netns pids "$NS" | xargs -r ps -o comm= -p | grep -qx ping && fail "ping survived Ctrl-C"
screen_wait '^ tapscope  tap0' 1
keys :
keys Up
screen_wait "^netns $NS \\$ ip -br a" 2
keys Enter
screen_wait '│ \$ ip -br a' 2
screen_wait 'tap0 +UNKNOWN' 3
note "Ctrl-C stopped the ping; tapscope runs on; the line refused while it ran came back with Up and ran"

# Esc closes the console pane while nothing runs (the next command shows it again); a focus left
# in it goes back to the frame list, so keys never act in a pane out of sight
screen_wait '\[exit 0\]' 3
keys Tab Tab Tab Tab Tab
keys Escape
screen_wait '^console closed: the next : command shows it again' 2
screen_gone ' Console  ' 2
keys_literal ':echo off'
keys Enter
screen_wait 'echo:off' 2
screen_wait ' Console  ' 2
keys_literal ':echo on'
keys Enter
screen_wait 'echo:ON' 2
note "Esc closed the console; the next command showed it again"

# q with a ping running: tapscope kills it on the way out
keys :
keys_literal 'ping 10.18.0.3'
keys Enter
screen_wait 'icmp_seq=2 ' 5
pids=$(ip netns pids "$NS" | xargs -r ps -o pid=,comm= -p | awk '$2 == "ping" { print $1 }')
[ -n "$pids" ] || fail "no ping runs in $NS"
keys q
ui_prompt_back 5
alive() {	# alive PID: the process runs (a zombie waiting for init to reap it is dead)
	local st; st=$(ps -o stat= -p "$1" 2>/dev/null)
	[ -n "$st" ] && [ "${st#Z}" = "$st" ]
}
for p in $pids; do	# SIGKILL went to its process group; give the kernel a moment to end it
	for _ in $(seq 40); do alive "$p" || break; sleep 0.05; done
	alive "$p" && fail "ping $p survived q: $(ps -o pid=,stat=,args= -p "$p")"
done
assert_no_namespace "$NS"
note "q killed ping ($pids) with tapscope"
echo PASS
