# uilib.sh — tmux helpers for UI tests, sourced after tests/lib.sh: tapscope in a detached tmux
# session of a given size on a private tmux server (never the user's), waiting for screen text
# with a deadline, keys, screen dumps and the attributes of screen cells.
# shellcheck shell=bash

TMUX_SOCK="tstui$$"		# private server: tmux -L tstui<pid>_<n>; killed in cleanup
UI_STARTS=0			# each ui_start gets a server of its own: a new one never races
				# the teardown of one a test just killed
UI_SESSION=ui
UI_PANE="$UI_SESSION:0.0"
UI_SHELL_RC=$TMPD/shellrc	# rc of the bash in the pane (no user rc, a fixed prompt)
UI_BIN=${TAPSCOPE_UI_BIN:-$TAPSCOPE}	# override only to try a build elsewhere

tm() { tmux -L "$TMUX_SOCK" "$@"; }

# The private server goes with the test; lib.sh's cleanup then removes what tapscope left.
ui_cleanup() {
	local rc=$?
	if tm has-session 2>/dev/null; then
		[ "$rc" -ne 0 ] && [ "$rc" -ne 77 ] && { echo "screen at exit:" >&2; screen_dump >&2; }
		# tapscope in the pane ends with its terminal; give it the chance to remove its namespace
		local pid; pid=$(ui_pid)
		[ -n "$pid" ] && kill -TERM $pid 2>/dev/null
		for _ in $(seq 40); do
			ip netns list 2>/dev/null | grep -qw "$NS" || break
			sleep 0.05
		done
		tm kill-server 2>/dev/null
	fi
	cleanup
	# a namespace tapscope created and could not remove (killed hard) is removed here
	if ip netns list 2>/dev/null | grep -qw "$NS"; then
		ip netns pids "$NS" 2>/dev/null | xargs -r kill -9 2>/dev/null
		ip netns del "$NS" 2>/dev/null
	fi
	return "$rc"
}
trap ui_cleanup EXIT

need_ui() {
	need_root
	need_cmd tmux
	need_cmd python3
	[ -x "$UI_BIN" ] || skip "needs ./tapscope built (make)"
}

# ui_start COLS ROWS ARGS...: a detached session COLSxROWS running `bash --norc` with a plain
# prompt "UI$ ", then tapscope ARGS in it; waits for the title line. UTF-8 locale, 256 colours.
ui_start() {
	local cols=$1 rows=$2; shift 2
	UI_STARTS=$((UI_STARTS + 1))
	TMUX_SOCK="tstui$$_$UI_STARTS"
	printf 'PS1="UI\\$ "\nexport LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=tmux-256color\nunset NO_COLOR\n' >"$UI_SHELL_RC"
	tm -f /dev/null new-session -d -s "$UI_SESSION" -x "$cols" -y "$rows" \
		"env -i PATH=$PATH HOME=${UI_HOME:-/root} TERM=tmux-256color LANG=C.UTF-8 bash --norc --noprofile -i" || fail "tmux did not start"
	tm set -g status off
	tm set -g escape-time 0
	tm set -g default-terminal tmux-256color
	tm set -g window-size manual
	tm resize-window -t "$UI_SESSION" -x "$cols" -y "$rows"
	tm send-keys -t "$UI_PANE" ". $UI_SHELL_RC; clear" Enter
	screen_wait '^UI\$' 5
	if [ $# -gt 0 ]; then
		keys "$UI_BIN $(printf '%q ' "$@")" Enter
		screen_wait '^ tapscope  ' 10
	fi
}

# ui_pid: the pid of tapscope running in the pane's shell (empty when none).
ui_pid() { pgrep -P "$(tm display -p -t "$UI_PANE" '#{pane_pid}')" -x tapscope; }

keys() { tm send-keys -t "$UI_PANE" "$@"; }
keys_literal() { tm send-keys -t "$UI_PANE" -l "$@"; }
screen() { tm capture-pane -p -t "$UI_PANE"; }
screen_esc() { tm capture-pane -e -p -t "$UI_PANE"; }
screen_dump() { screen | sed 's/^/    |/'; }

# screen_wait REGEX [SECS]: polls the screen until a line matches REGEX (grep -E); on time-out
# prints the screen and fails the test.
screen_wait() {
	local re=$1 deadline=$(( $(date +%s%N) + ${2:-5} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		screen | grep -Eq -- "$re" && return 0
		sleep 0.05
	done
	echo "timed out after ${2:-5}s waiting for /$re/ on the screen:" >&2
	screen_dump >&2
	fail "screen never showed /$re/"
}

# screen_gone REGEX [SECS]: waits until no line matches REGEX.
screen_gone() {
	local re=$1 deadline=$(( $(date +%s%N) + ${2:-5} * 1000000000 ))
	while [ "$(date +%s%N)" -lt "$deadline" ]; do
		screen | grep -Eq -- "$re" || return 0
		sleep 0.05
	done
	screen_dump >&2
	fail "screen still shows /$re/"
}

# status_count in|out: the counter from the status bar ("in N out M").
status_count() { screen | sed -nE "s/.* $1 ([0-9]+).*/\1/p" | tail -1; }

# ui_quit_wait: waits for the shell prompt to come back after tapscope ended.
ui_prompt_back() { screen_wait '^UI\$ *$' "${1:-5}"; }

# assert_tty_sane: at the pane's shell prompt, the terminal is in cooked mode with echo.
assert_tty_sane() {
	tm send-keys -t "$UI_PANE" "clear; stty -a | tr -s ' ;' '\\n\\n' | grep -xE -- '-?(icanon|echo|isig|icrnl|opost)' | tr '\\n' ' '; echo; echo ALIVE" Enter
	screen_wait '^ALIVE' 5
	local flags; flags=$(screen | grep -B1 '^ALIVE' | head -1)
	echo "stty after exit: $flags"
	for f in icanon echo isig icrnl opost; do
		echo " $flags " | grep -q -- " $f " || fail "terminal left with -$f: $flags"
	done
}

# screen_cells: the screen as JSON rows of [char, attr-key] from capture-pane -e (SGR parsed,
# attributes carried from line to line as tmux writes them); attr-key is "" for default cells.
UI_SGR_PY='
import json, re, sys
rows = []
st = {}		# tmux writes only changes, so attributes carry over line ends
for line in sys.stdin.read().split("\n"):
    cells = []
    i = 0
    while i < len(line):
        m = re.match(r"\x1b\[([0-9;:]*)m", line[i:])
        if m:
            ps = [int(p) if p else 0 for p in re.split("[;:]", m.group(1))] or [0]
            k = 0
            while k < len(ps):
                p = ps[k]
                if p == 0: st = {}
                elif p in (1, 2, 3, 4, 5, 7, 8, 9): st["a%d" % p] = 1
                elif p in (22,): st.pop("a1", None); st.pop("a2", None)
                elif p in (23, 24, 25, 27, 28, 29): st.pop("a%d" % (p - 20), None)
                elif 30 <= p <= 37 or 90 <= p <= 97: st["fg"] = p
                elif 40 <= p <= 47 or 100 <= p <= 107: st["bg"] = p
                elif p == 39: st.pop("fg", None)
                elif p == 49: st.pop("bg", None)
                elif p in (38, 48) and k + 1 < len(ps):
                    key = "fg" if p == 38 else "bg"
                    if ps[k + 1] == 5: st[key] = "5;%d" % ps[k + 2]; k += 2
                    elif ps[k + 1] == 2: st[key] = "2;%d;%d;%d" % tuple(ps[k + 2:k + 5]); k += 4
                k += 1
            i += m.end()
            continue
        m = re.match(r"\x1b[^a-zA-Z]*[a-zA-Z]", line[i:])
        if m:
            i += m.end(); continue
        cells.append([line[i], ",".join("%s=%s" % kv for kv in sorted(st.items()))])
        i += 1
    rows.append(cells)
json.dump(rows, sys.stdout)
'
screen_cells() { screen_esc | python3 -c "$UI_SGR_PY"; }

# mouse BUTTON X Y: one X10 mouse report at 0-based cell X,Y (button 0 press, 3 release,
# 64 wheel up, 65 wheel down)
mouse() { keys_literal "$(printf '\033[M%b%b%b' "\\x$(printf %x $((32 + $1)))" "\\x$(printf %x $((33 + $2)))" "\\x$(printf %x $((33 + $3)))")"; }
click() { mouse 0 "$1" "$2"; mouse 3 "$1" "$2"; }

# form_goto LABEL: moves the inject form's cursor (Tab) to the field labelled LABEL (the field
# is on the label's row, within 20 columns after it).
form_goto() {
	local label=$1 pos i cy cx
	for i in $(seq 24); do
		pos=$(screen | python3 -c '
import sys
l = sys.argv[1]
for y, t in enumerate(sys.stdin.read().split("\n")):
    for pat in ("\u2502 " + l + " ", "  " + l + " "):
        if pat in t and "\u2502" in t:
            print(y, t.index(pat) + len(pat) - len(l) - 1)
            sys.exit()
' "$label")
		cy=$(tm display -p -t "$UI_PANE" '#{cursor_y}'); cx=$(tm display -p -t "$UI_PANE" '#{cursor_x}')
		if [ -n "$pos" ] && [ "$cy" = "${pos% *}" ] && [ "$cx" -gt "${pos#* }" ] && [ "$cx" -lt $(( ${pos#* } + 20 )) ]; then
			return 0
		fi
		keys Tab
		sleep 0.05
	done
	fail "the form's cursor never reached $label"
}

# form_field LABEL TEXT: replaces the text of the form's field labelled LABEL.
form_field() { form_goto "$1"; keys C-u; keys_literal "$2"; }

# screen_text_once REGEX: the first match of REGEX (grep -oE) on the screen.
screen_grab() { screen | grep -oE -- "$1" | head -1; }
