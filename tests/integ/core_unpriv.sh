#!/usr/bin/env bash
# core_unpriv.sh — a device made with `ip tuntap add ... user NAME` can be attached by that user without root.
source "$(dirname "$0")/../lib.sh"
need_root; need_cmd setpriv; need_cmd ping

ip netns add "$NS" || fail "cannot create namespace"
nsexec ip tuntap add dev tap3 mode tap user nobody
nsexec ip addr add 10.18.0.1/24 dev tap3
nsexec ip link set tap3 up
# a private /dev/net/tun that everyone may open, as on a stock Debian system (0666),
# without touching this machine's own /dev
ip netns exec "$NS" unshare -m sh -c "mount -t tmpfs none /dev/net && mknod -m 666 /dev/net/tun c 10 200 &&
	exec setpriv --reuid=65534 --regid=65534 --clear-groups $TAPSCOPE --attach -i tap3 --echo --print" >"$TMPD/out" 2>&1 &
BG_PIDS+=($!)
wait_ready "$TMPD/out" || fail "nobody could not attach to its own device"
nsexec ping -c 3 -i 0.2 -W 2 10.18.0.3 >"$TMPD/ping" || { cat "$TMPD/ping"; fail "ping through the unprivileged tapscope failed"; }
cat "$TMPD/out"
assert_grep "$TMPD/out" 'ready: tap3 \(tap, attached\)'
assert_grep "$TMPD/out" 'ICMP echo reply'
