#!/usr/bin/env bash
# lessons.sh — every built-in lesson is also a test: tapscope --lesson NAME --print runs it unattended in
# a namespace of its own and must pass; then the failures a teacher meets: a syntax error is refused with
# its line, an expectation that cannot hold fails naming its step (exit 1), and run: commands see only the
# lesson's namespace.
source "$(dirname "$0")/../lib.sh"
need_root
need_cmd traceroute
names=$("$TAPSCOPE" --lessons | awk '{ print $1 }')
[ "$(echo "$names" | wc -l)" -ge 7 ] || fail "fewer than 7 built-in lessons: $names"
for name in $names; do
	start=$(date +%s)
	"$TAPSCOPE" --lesson "$name" --netns "${NS}_$name" --print >"$TMPD/$name.out" 2>&1
	rc=$?
	if [ $rc != 0 ] || ! grep -q '^lesson passed: ' "$TMPD/$name.out"; then
		sed 's/^/    | /' "$TMPD/$name.out" | grep -v '^    |       ' >&2
		fail "lesson $name: exit $rc"
	fi
	echo "ok: lesson $name passed ($(( $(date +%s) - start )) s, $(grep -c '^step ' "$TMPD/$name.out") steps)"
done

# a syntax error: refused before anything runs, with its line and what would be valid
cat >"$TMPD/bad.lesson" <<'LESSON'
lesson: broken
step: one
  do: neigh on
  expcet: arp
LESSON
"$TAPSCOPE" --lesson "$TMPD/bad.lesson" --netns "${NS}_bad" --print >"$TMPD/bad.out" 2>&1; rc=$?
[ $rc = 2 ] || fail "a syntax error gave exit $rc, not 2"
assert_grep "$TMPD/bad.out" "bad.lesson:4: unknown keyword 'expcet:' \(valid: .*expect"

# an expectation that cannot hold: exit 1 and the step named
cat >"$TMPD/fails.lesson" <<'LESSON'
lesson: cannot pass
device: tun0 tun
step: nothing happens
  wait: 100ms
step: an echo reply nobody asked for
  do: echo on
  expect: icmp[icmptype] = icmp-echoreply within 1s
LESSON
"$TAPSCOPE" --lesson "$TMPD/fails.lesson" --netns "${NS}_fails" --print >"$TMPD/fails.out" 2>&1; rc=$?
[ $rc = 1 ] || fail "a failing lesson gave exit $rc, not 1"
assert_grep "$TMPD/fails.out" "lesson failed: step 2 \(line 7\): expect: icmp\[icmptype\] = icmp-echoreply: no such frame within 1\.0 s"
assert_grep "$TMPD/fails.out" "tapscope: lesson '.*fails.lesson' failed at step 2"

# run: commands live in the lesson's own namespace: they see its devices, not the host's
cat >"$TMPD/where.lesson" <<'LESSON'
lesson: where am I
device: tap0 tap
step: the namespace holds lo and tap0, nothing else
  run: ip -o link show
  expect-output: tap0
  run: sh -c 'ip -o link show | wc -l'
  expect-output: ^2$
LESSON
"$TAPSCOPE" --lesson "$TMPD/where.lesson" --netns "${NS}_where" --print >"$TMPD/where.out" 2>&1 || { cat "$TMPD/where.out" >&2; fail "run: did not run in the lesson's namespace"; }
# after --user, run: commands run as that user too
cat >"$TMPD/who.lesson" <<'LESSON'
lesson: who am I
step: commands run as the user tapscope dropped to
  run: id -u
  expect-output: ^65534$
LESSON
"$TAPSCOPE" --lesson "$TMPD/who.lesson" --netns "${NS}_who" --user nobody --print >"$TMPD/who.out" 2>&1 ||
	{ cat "$TMPD/who.out" >&2; fail "run: did not run as nobody after --user nobody"; }
ip netns list | grep "^${NS}" && fail "a lesson namespace was left behind"
echo "ok: errors, failures and the namespace"
