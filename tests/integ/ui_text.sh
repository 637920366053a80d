#!/usr/bin/env bash
# ui_text.sh — what the list says, and that it never cuts silently: a long IPv6 source whole at
# 200 columns, cut with … at 80; the selected frame's whole summary on its own line; UDP ports in
# the Info column; Right/Left scroll the list; ICMPv6 spelled so; an ICMP error quoting UDP is
# ICMP in the Proto column; the paused header does not say "following"; the empty list's hint
# names the real namespace.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui
V6=fd00:1111:2222:3333:4444:5555:6666:d5de

# info_line: the selected frame's summary line(s) above the tree, joined (it wraps at spaces)
info_line() { screen | python3 -c '
import re, sys
lines = sys.stdin.read().split("\n")
for i, l in enumerate(lines):
    m = re.search(r"frame [0-9]+ [<>-] ", l)
    if m and "Fields" not in l:
        out = []
        for t in lines[i:]:
            if "Fields  frame" in t:
                break
            out.append(t[m.start():].strip())
        print(" ".join(out))
        break
'; }

ui_start 200 50 --netns "$NS" --echo -a 10.18.0.1/24 -a "$V6/64" \
	--inject 'icmp type=dest-unreach code=port-unreach src=10.18.0.3'
screen_wait 'echo:ON' 5
for _ in $(seq 60); do	# the address is usable once duplicate address detection is done
	nsexec ip -6 addr show dev tap0 | grep "$V6" | grep -qv tentative && break
	sleep 0.1
done
nsexec ping -6 -c 2 -i 0.2 -I "$V6" fd00:1111:2222:3333:4444:5555:6666:3 >"$TMPD/ping6" 2>&1 || fail "ping -6: $(cat "$TMPD/ping6")"
nsexec bash -c 'echo hello >/dev/udp/10.18.0.3/9999'
screen_wait "< ICMPv6 +$V6 +fd00:1111:2222:3333:4444:5555:6666:3 +ICMP6, echo request" 3
note "200 columns: the IPv6 source whole, Proto ICMPv6"
screen | grep -q 'ICMPV6' && fail "ICMPV6 on screen"
screen_wait '< UDP +10\.18\.0\.1 +10\.18\.0\.3 +[0-9]+ → 9999  UDP, length 6' 3
note "UDP: $(screen | grep -oE '[0-9]+ → 9999  UDP, length 6' | head -1)"

# filter: set_filter EXPR (the list then follows the matching frames only)
set_filter() {
	keys /
	screen_wait 'filter \(BPF' 2
	keys C-u
	keys_literal "$1"
	keys Enter
	screen_wait 'showing frames that match' 3
}
# the selected frame's whole summary on its own line (the newest UDP datagram)
set_filter 'udp port 9999'
sleep 0.2
info_line | grep -qE 'frame [0-9]+ < IP 10\.18\.0\.1\.[0-9]+ > 10\.18\.0\.3\.9999: UDP, length 6' ||
	fail "the info line is not the UDP datagram's: $(info_line)"
# the port unreachable injected at the start quotes a UDP header: still ICMP in the Proto column
set_filter 'icmp'
screen_wait '> ICMP +10\.18\.0\.3 +10\.18\.0\.1 +ICMP 10\.18\.0\.3 udp port [0-9]+ unreachable' 6
note "the injected port unreachable quoting UDP: Proto ICMP"

# 80 columns: cut text ends in …, and the info line keeps the whole summary of the selection
tm resize-window -t "$UI_SESSION" -x 80 -y 24
screen_wait '^ tapscope ' 3
set_filter "icmp6 and ip6[40] == 128 and src $V6"
keys g
screen_wait "< ICMPv6 fd00:1111:2222…" 2
sleep 0.2
info_line | grep -qE "frame [0-9]+ < IP6 $V6 > fd00:1111:2222:3333:4444:5555:6666:3: ICMP6, echo request, id [0-9]+, seq 1, length 64 .*answered by tapscope" ||
	fail "the info line does not hold the whole summary: $(info_line)"
python3 - <<EOF || fail "a cut row without its …"
import re, subprocess
out = subprocess.run(["tmux", "-L", "$TMUX_SOCK", "capture-pane", "-p", "-t", "$UI_PANE"], capture_output=True, text=True).stdout
rows = [l for l in out.split("\n") if re.match(r"^ *[0-9]+ +[0-9]+\.[0-9]{6}.[<>] ", l)]
assert rows, "no frame rows"
for l in rows:
    if len(l.rstrip()) >= 80 and not l.rstrip().endswith("\u2026"):
        raise SystemExit("cut without a marker: %r" % l)
print("80 columns: %d rows, the cut ones end in \u2026" % len(rows))
EOF

# Right scrolls the list (the cut side shows …), Left scrolls back
keys Escape
keys Right
screen_wait '^ +No\. +Time   …' 2
screen | grep -q 'Time   Proto' && fail "the header did not scroll"
keys Left
screen_wait '^ +No\. +Time   Proto' 2
note "Right/Left scrolled the list"

# the paused view does not claim to follow
keys /
keys C-u Enter
screen_wait 'filter cleared' 2
keys G
screen_wait 'Info  \(following\)' 2
keys Space
screen_wait 'Info  \(paused\)' 2; screen_wait 'view paused: space resumes' 1
screen | grep -q '(following)' && fail "the header says following while paused"
keys Space
screen_wait 'Info  \(following\)' 2

# the empty list names the namespace in its hint (wrapped when long, never cut)
tm resize-window -t "$UI_SESSION" -x 200 -y 50
screen_wait 'Netlink: what the kernel sees' 3
for _ in 1 2 3 4 5; do
	keys c
	sleep 0.1
	screen | grep -qE "no frames yet: ping a peer, e.g. ip netns exec $NS ping 10\.18\.0\.[0-9]+" && break
done
screen_wait "no frames yet: ping a peer, e.g. ip netns exec $NS ping 10\.18\.0\.[0-9]+" 1
keys q
ui_prompt_back 5
assert_no_namespace "$NS"
echo PASS
