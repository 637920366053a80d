#!/usr/bin/env bash
# ui_signals.sh — issue 12 (4), with the UI open: QUIT, PIPE, USR1, USR2 and ALRM end the run through the
# UI's own teardown, and the crash signals SEGV, BUS, FPE, ILL, ABRT and SYS through the crash handler: either
# way the shell prompt comes back with a sane terminal (stty: icanon echo isig icrnl opost) and the namespace
# is gone; Ctrl-Z suspends to the shell and fg comes back. (q, TERM, HUP and INT: ui_exit.sh.)
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
ulimit -c 0	# the crashes are on purpose: no core files

one() {
	local sig=$1 how=$2 pid
	NS="${TST}$$_$RANDOM"
	ui_start 80 24 --netns "$NS" --echo
	pid=$(ui_pid)
	[ -n "$pid" ] || fail "tapscope is not running in the pane"
	screen_wait 'tap0  tap  UP  carrier ON' 5
	if [ "$how" = key ]; then keys 'C-\'; else kill -"$sig" "$pid"; fi
	ui_prompt_back 5
	screen | grep -q '^ tapscope  tap0' && fail "the UI is still on the screen after $sig"
	assert_tty_sane
	for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
	kill -0 "$pid" 2>/dev/null && fail "tapscope still running after $sig"
	assert_no_namespace "$NS"
	note "$sig ($how): prompt back, terminal sane, namespace $NS removed"
	tm kill-server
}

# Ctrl-Z (a key in raw mode) suspends the job to the shell with the terminal in its own modes;
# fg brings the UI back, drawn whole, and q still ends the run cleanly
ui_start 80 24 --netns "$NS" --echo
keys C-z
screen_wait '^\[1\]\+ +Stopped +' 3
assert_tty_sane
keys 'clear; fg' Enter
screen_wait '^back from Ctrl-Z: while stopped tapscope read and answered nothing' 3
screen_wait '^ echo:ON +neigh:ON ' 2
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
note "Ctrl-Z: stopped with a sane terminal, fg brought the UI back, q ended it"
tm kill-server

# (the UI reads the keyboard raw: Ctrl-\ is a key there, not SIGQUIT, so QUIT comes by kill)
for sig in QUIT PIPE USR1 USR2 ALRM SEGV BUS FPE ILL ABRT SYS; do
	one "$sig" kill
done
echo PASS
