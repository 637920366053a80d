#!/usr/bin/env bash
# core_verdict.sh — diagnosis from what tapscope sees: ARP left unanswered says so (not "OK"), echo
# requests left unanswered while neighbour answers are on say so, and the verdict names one stable peer.
source "$(dirname "$0")/../lib.sh"
need_root
make_control
start_tapscope "$TMPD/out" --netns "$NS" --print --control "$CTL"
wait_ready "$TMPD/out" || fail "tapscope did not start"
verdict() {	# verdict REGEX: asks for the verdict and waits for a new verdict line matching REGEX
	local re='^tapscope: (OK|ARP|echo|neighbour|NO-|no route)' n
	n=$(count_matching "$TMPD/out" "$re")
	ctl "verdict"
	for _ in $(seq 60); do
		[ "$(count_matching "$TMPD/out" "$re")" -gt "$n" ] && break
		sleep 0.05
	done
	grep -E "$re" "$TMPD/out" | tail -n 1 | grep -Eq -- "$1" ||
		{ grep '^tapscope:' "$TMPD/out" | tail -n 3 >&2; fail "verdict does not match /$1/"; }
	echo "ok: $(grep -E "$re" "$TMPD/out" | tail -n 1)"
}
verdict '^tapscope: OK'
nsexec ping -c 1 -W 1 10.18.0.3 >/dev/null 2>&1
verdict '^tapscope: ARP for 10\.18\.0\.3 unanswered: nobody answers as that peer — turn on neighbour answers'
ctl "neigh on"
nsexec ping -c 1 -W 1 10.18.0.3 >/dev/null 2>&1
verdict 'echo requests to 10\.18\.0\.3 unanswered — turn on echo replies'
ctl "echo on"
nsexec ping -c 1 -W 1 10.18.0.3 >/dev/null 2>&1 || fail "no reply with answers on"
verdict '^tapscope: OK: tap0 is up with carrier, has an address and a route to 10\.18\.0\.3'

# one stable peer: .3 stays named while .2 gets an odd ping too
ctl "echo off"
nsexec ping -c 12 -i 0.2 -W 1 10.18.0.3 >/dev/null 2>&1 & pid=$!
sleep 0.5
for i in 1 2 3; do
	nsexec ping -c 1 -W 1 10.18.0.2 >/dev/null 2>&1
	verdict 'echo requests to 10\.18\.0\.3 unanswered'
done
wait $pid || true
