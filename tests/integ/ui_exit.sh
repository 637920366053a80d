#!/usr/bin/env bash
# ui_exit.sh — after q, SIGTERM, SIGHUP and SIGINT the pane is back at a working shell prompt
# with a sane terminal (canonical mode, echo), the UI is gone from the screen, and no device or
# namespace is left; when the terminal itself goes away, tapscope ends and cleans up too.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

one_exit() {
	local how=$1 pid rc
	NS="${TST}$$_$RANDOM"
	ui_start 80 24 --netns "$NS" --echo
	pid=$(ui_pid)
	[ -n "$pid" ] || fail "tapscope is not running in the pane"
	screen_wait 'tap0  tap  UP  carrier ON' 5
	nsexec ip link show tap0 >/dev/null || fail "no tap0 in $NS"
	case $how in
	q) keys q;;
	*) kill -"$how" "$pid";;
	esac
	ui_prompt_back 5
	keys 'echo "exit=$?"' Enter
	screen_wait '^exit=[0-9]+' 3
	rc=$(screen | sed -n 's/^exit=//p' | tail -1)
	screen | grep -q '^ tapscope  tap0' && fail "the UI is still on the screen after $how"
	assert_tty_sane
	for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
	kill -0 "$pid" 2>/dev/null && fail "tapscope still running after $how"
	assert_no_namespace "$NS"
	note "$how: exit status $rc, prompt back, terminal sane, namespace $NS removed"
	tm kill-server
}

one_exit q
one_exit TERM
one_exit HUP
one_exit INT

# the terminal goes away under it (tmux pane killed): tapscope ends and removes the namespace
NS="${TST}$$_$RANDOM"
ui_start 80 24 --netns "$NS"
pid=$(ui_pid)
tm kill-server
for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.05; done
kill -0 "$pid" 2>/dev/null && fail "tapscope still running 5 s after its terminal went away"
assert_no_namespace "$NS"
note "terminal gone: tapscope ended, namespace $NS removed"
echo PASS
