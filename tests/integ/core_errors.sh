#!/usr/bin/env bash
# core_errors.sh — acceptance 5: every error names the cause and the fix, exits non-zero,
# and leaves no device or namespace behind.
source "$(dirname "$0")/../lib.sh"
need_root

# expect_error EXIT REGEX ARGS...: tapscope must exit EXIT with a message matching REGEX
expect_error() {
	local want=$1 re=$2; shift 2
	timeout 10 "$@" >"$TMPD/err" 2>&1; local rc=$?
	[ "$rc" = "$want" ] || { cat "$TMPD/err"; fail "'$*' exited $rc, expected $want"; }
	grep -Eq -- "$re" "$TMPD/err" || { cat "$TMPD/err"; fail "'$*': message does not match /$re/"; }
	echo "ok: $(head -c 160 "$TMPD/err" | head -1)"
}

T=$TAPSCOPE
expect_error 2 "unknown option '--bogus'.*--help" $T --bogus
expect_error 2 "unknown option '-Z'" $T -Z
expect_error 2 "option '--dev' needs a value" $T --dev
expect_error 2 "bad address '10\.18\.0\.300/24' for -a/--addr: expected .*10\.18\.0\.1/24" $T --netns "$NS" -a 10.18.0.300/24
expect_error 2 "bad address 'fd00::1/129'" $T --netns "$NS" -a fd00::1/129
expect_error 2 "bad count 'many' for -c/--count" $T -c many
expect_error 2 "unexpected argument 'tap0'" $T tap0
expect_error 2 "inject: .*'echo-requets'.*echo-request" $T --netns "$NS" --inject 'icmp type=echo-requets'
expect_error 2 "inject: .*ttl" $T --netns "$NS" --inject 'icmp ttl=300'
assert_no_namespace "$NS"	# a bad spec refuses before anything is made
expect_error 1 "bad namespace name" $T --netns 'a/b' --print
expect_error 1 "bad device name" $T --netns "$NS" -i 'waytoolongdevicename0' --print
assert_no_namespace "$NS"
expect_error 1 "bad filter \"icmp and and\": .*syntax error.*tcpdump filter syntax" $T --netns "$NS" -f 'icmp and and' --print
assert_no_namespace "$NS"

# the device half: a namespace of the test's own
ip netns add "$NS" || fail "cannot create namespace"
expect_error 1 "no device tap9 to attach to \(--attach never creates one" $T --netns "$NS" --attach -i tap9 --print
nsexec ip tuntap add dev tap4 mode tap
expect_error 1 "type mismatch: tap4 is a tap device but tun was asked; use --tap" $T --netns "$NS" --attach --tun -i tap4 --print
nsexec ip tuntap add dev tun4 mode tun
expect_error 1 "type mismatch: tun4 is a tun device but tap was asked; use --tun" $T --netns "$NS" --attach -i tun4 --print
expect_error 1 "lo exists but is not a tun/tap device" $T --netns "$NS" -i lo --print

# busy: a second tapscope on the same device names the first
start_tapscope "$TMPD/first" --netns "$NS" --print -i tap4 --attach
wait_ready "$TMPD/first" || fail "first tapscope did not start"
expect_error 1 "device busy: tap4 is held by tapscope \(pid $TS_PID\)" $T --netns "$NS" --attach -i tap4 --print
stop_tapscope INT

# permission: an unprivileged user may not create a device
need_cmd setpriv
expect_error 1 "permission denied.*(CAP_NET_ADMIN|sudo)" \
	ip netns exec "$NS" unshare -m sh -c "mount -t tmpfs none /dev/net && mknod -m 666 /dev/net/tun c 10 200 &&
	exec setpriv --reuid=65534 --regid=65534 --clear-groups $T -i tap8 --print"
# no /dev/net/tun: the module is not loaded
expect_error 1 "no /dev/net/tun: the tun module is not loaded \(sudo modprobe tun\)" \
	ip netns exec "$NS" unshare -m sh -c "mount -t tmpfs none /dev/net && exec $T -i tap8 --print"
nsexec ip link show tap8 >/dev/null 2>&1 && fail "tap8 was created despite the error"
true
