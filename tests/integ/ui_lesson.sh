#!/usr/bin/env bash
# ui_lesson.sh — the lesson pane (issue 10): L opens the lesson menu; lesson 1 (silent-tap) needs
# tap0 absent, so the menu says so and, after y, tapscope starts again on its devices; then the
# lesson runs step by step on N: the narration, a ✓ per line with what happened, the commands'
# output, a question whose answer waits for a key, and the diagnosis in the netlink pane
# (NO-CARRIER, then NEIGH-UNANSWERED). A lesson whose devices match starts in place (lesson 3);
# a lesson whose expectation cannot hold shows ✗ and what did not happen; a lesson file with a
# mistake is refused before the UI opens, with its line.
. "$(dirname "$0")/../lib.sh"
. "$(dirname "$0")/../uilib.sh"
need_ui

ui_start 132 44 --netns "$NS"
keys L
screen_wait 'Lessons \(tapscope --lessons\)' 3
screen_wait '1  silent-tap +The silent tap' 2
screen_wait 'Enter starts tapscope again: tap0 must not exist yet: the lesson makes it' 2
screen_wait '3  arp-before-icmp +ARP before ICMP' 2
keys 1 Enter
screen_wait 'Start tapscope again for lesson silent-tap\?' 2
keys y
screen_wait 'Lesson: The silent tap +step 0/4' 8
screen_wait 'N or Enter starts step 1: Make a tap device' 2
screen_wait 'device absent' 3		# the netlink pane: no tap0 yet
ip netns list | grep -qw "$NS" || fail "the lesson did not run in the same namespace"

keys N			# step 1: the tutorial's commands, and NO-CARRIER
screen_wait 'Step 1/4: Make a tap device' 3
screen_wait '✓ run: ip tuntap add dev tap0 mode tap — ended with status 0' 5
screen_wait '\| 2: tap0: <NO-CARRIER,BROADCAST,MULTICAST,UP>' 5
screen_wait '✓ expect-output: NO-CARRIER — found in the commands. output' 5
screen_wait '✓ expect-verdict: NO-CARRIER — NO-CARRIER: no program has tap0 open' 5
screen_wait 'The link is UP \(you set it up\) but has NO-CARRIER' 2
screen_wait '^ NO-CARRIER: no program has tap0 open' 3	# the diagnosis, in the netlink pane
screen_wait 'Step 1 passed\. N or Enter: step 2' 3
screen_wait 'Lesson: The silent tap +step 1/4 ✓···' 2
note "step 1: ✓ marks, output and the NO-CARRIER diagnosis on screen"

keys N			# step 2: ping and tcpdump see nothing; a question
screen_wait '✓ start: timeout 3 tcpdump -n -i tap0 — started' 5
screen_wait '✓ expect-output: 100% packet loss' 8
screen_wait '\? The ping went nowhere and tcpdump saw nothing\. Where did the packets go\?' 8
screen_wait '\(think, discuss; N or Enter shows the answer\)' 2
screen | grep -q 'answer: Nowhere' && fail "the answer showed before the key"
keys N
screen_wait 'answer: Nowhere: without a carrier the kernel drops them' 3
screen_wait 'Step 2 passed' 3

keys N			# step 3: tapscope attaches: the carrier comes
screen_wait '✓ do: attach — attached to tap0' 5
screen_wait '✓ expect-verdict: OK' 5
screen_wait 'held by: tapscope\[' 3

keys Tab BTab		# back to the lesson pane, where Enter is N
screen_wait 'Enter next' 2
keys Enter		# step 4: the kernel asks ARP; nobody answers
screen_wait '✓ expect: arp\[6:2\] = 1 and arp\[24:4\] = 0x0a120003 — frame [0-9]+: ARP, Request who-has' 8
screen_wait '✓ expect-verdict: NEIGH-UNANSWERED' 5
screen_wait 'Lesson done: all 4 steps passed' 5
screen_wait 'Lesson: The silent tap +step 4/4 ✓✓✓✓' 2
screen_wait 'ARP for 10\.18\.0\.3 unanswered' 3	# the netlink pane's diagnosis
screen_wait '< ARP +10\.18\.0\.1 +10\.18\.0\.3 +ARP, Request who-has' 2	# and the frame list
keys N
screen_wait 'that was the last step' 2
note "lesson 1 ran step by step from the menu: narration, ✓ marks, the question, the diagnosis"

# a lesson whose devices are this run's starts in place, without a restart, from a new device's
# state: with answers on and the peer's neighbour entry cached, its ARP step would see no ARP
keys n e
screen_wait 'echo:ON +neigh:ON' 2
nsexec ping -c 1 -W 2 10.18.0.3 >/dev/null || fail "the ping before the lesson got no reply"
keys L
screen_wait 'Lessons \(tapscope --lessons\)' 3
screen_wait 'Enter runs it here, on this run.s devices' 2
keys 3 Enter
screen_wait 'Lesson: ARP before ICMP +step 0/' 3
screen_wait 'held by: tapscope\[' 2
screen_wait 'answers off, neighbours forgotten, as on a new device' 2
screen_wait 'echo:off +neigh:off' 2
[ -z "$(nsexec ip neigh show 10.18.0.3 dev tap0)" ] || fail "the lesson kept the cached neighbour: $(nsexec ip neigh show dev tap0)"
keys N
screen_wait 'Lesson: ARP before ICMP +step 1/[0-9]+ ✓' 8
note "lesson 3 from the menu after a ping: answers off, the neighbour forgotten, step 1 passed"
keys q
ui_prompt_back 5
assert_no_namespace "$NS"

# --lesson FILE: an expectation that cannot hold shows ✗ and what did not happen
cat >"$TMPD/fails.lesson" <<'LESSON'
lesson: cannot pass
device: tun0 tun
step: an echo reply nobody asked for
  do: echo on
  expect: icmp[icmptype] = icmp-echoreply within 1s
step: the last one
  say: after a failure the teacher may go on
LESSON
NS="${TST}$$_$RANDOM"
ui_start 132 40 --lesson "$TMPD/fails.lesson" --netns "$NS"
screen_wait 'Lesson: cannot pass' 3
keys N
screen_wait '✓ do: echo on — echo replies on' 3
screen_wait '✗ expect: icmp\[icmptype\] = icmp-echoreply — no such frame within 1\.0 s' 5
screen_wait 'Step 1 did not go as the lesson expects' 2
keys N
screen_wait 'Lesson over: 1 of 2 steps passed; the first failure: step 1 \(line 5\)' 3
keys q
ui_prompt_back 5
assert_no_namespace "$NS"

# a lesson with a mistake: refused before the UI, with its line
printf 'lesson: broken\nstep: one\n  expcet: arp\n' >"$TMPD/bad.lesson"
NS="${TST}$$_$RANDOM"
keys "$UI_BIN --lesson $TMPD/bad.lesson --netns $NS; echo rc=\$?" Enter
screen_wait "bad\.lesson:3: unknown keyword 'expcet:'" 3
screen_wait '^rc=2' 2
assert_no_namespace "$NS"
echo PASS
