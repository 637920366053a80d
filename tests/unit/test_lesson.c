/* test_lesson.c — the lesson format: what parses, into what, and every error with its line. */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "lesson.h"

static char err[512];

static void parses_the_core_example(void **state)
{
	static const char text[] =
		"lesson: ARP before ICMP\n"
		"step: The kernel wants to reach 10.18.0.3 and needs its MAC first.\n"
		"  do: neigh off\n"
		"  run: ping -c 1 -W 1 10.18.0.3\n"
		"  expect: arp[6:2] = 1 within 2s\n"
		"step: Answer as the peer, and the ping goes through.\n"
		"  do: neigh on\n"
		"  do: echo on\n"
		"  run: ping -c 1 -W 2 10.18.0.3\n"
		"  expect: icmp[icmptype] = icmp-echoreply within 3s\n"
		"  expect-verdict: OK\n";
	struct lesson l;

	(void)state;
	assert_int_equal(lesson_parse(text, "example", &l, err, sizeof(err)), 0);
	assert_string_equal(l.title, "ARP before ICMP");
	assert_int_equal(l.ndevs, 1);
	assert_string_equal(l.devs[0].dev.name, "tap0");
	assert_int_equal(l.nsteps, 2);
	assert_int_equal(l.steps[0].nlines, 3);
	assert_int_equal(l.steps[0].lines[2].op, LOP_EXPECT);
	assert_string_equal(l.steps[0].lines[2].text, "arp[6:2] = 1");
	assert_int_equal(l.steps[0].lines[2].ns, 2000000000ull);
	assert_int_equal(l.steps[0].lines[2].lineno, 5);
	assert_int_equal(l.steps[1].lines[4].op, LOP_EXPECT_VERDICT);
	assert_int_equal(l.steps[1].lines[4].ns, LESSON_DEFAULT_WITHIN_NS);
	lesson_free(&l);
}

static void narration_devices_and_fields(void **state)
{
	static const char text[] =
		"# a comment\n"
		"lesson: two\n"
		"about: a test\n"
		"device: tap0 tap 10.18.0.1/24\n"
		"device: tun0 tun pi\n"
		"\n"
		"step: first line\n"
		"  and its continuation\n"
		"  say: a paragraph\n"
		"    that goes on\n"
		"  use: tun0\n"
		"  expect: icmp\n"
		"  expect-field: icmp.type != 0\n"
		"  expect-counter: IcmpInCsumErrors +1 within 2s\n"
		"  expect-output: Destination .* Unreachable within 4s\n"
		"  question: why?\n"
		"  answer: because\n";
	struct lesson l;
	const struct lesson_step *st;

	(void)state;
	assert_int_equal(lesson_parse(text, "two", &l, err, sizeof(err)), 0);
	assert_int_equal(l.ndevs, 2);
	assert_true(l.devs[1].dev.tun && l.devs[1].dev.pi);
	assert_int_equal(l.devs[1].addrs.a[0].addr[2], 1);	/* the second device: 10.18.1.1/24 */
	st = &l.steps[0];
	assert_string_equal(st->title, "first line and its continuation");
	assert_string_equal(st->lines[0].text, "a paragraph that goes on");
	assert_int_equal(st->lines[2].device, 1);		/* after use: tun0 */
	assert_string_equal(st->lines[3].text, "icmp.type");
	assert_string_equal(st->lines[3].value, "0");
	assert_int_equal(st->lines[3].cmp, LCMP_NE);
	assert_string_equal(st->lines[4].text, "IcmpInCsumErrors");
	assert_int_equal(st->lines[4].cmp, LCMP_RISE);
	assert_int_equal(st->lines[4].n, 1);
	assert_string_equal(st->lines[5].text, "Destination .* Unreachable");
	assert_int_equal(st->lines[5].ns, 4000000000ull);
	lesson_free(&l);
}

static void refuses(const char *text, const char *want)
{
	struct lesson l;

	assert_int_equal(lesson_parse(text, "t", &l, err, sizeof(err)), -EINVAL);
	if (!strstr(err, want))
		fail_msg("wanted '%s' in '%s'", want, err);
}

static void every_error_names_its_line(void **state)
{
	(void)state;
	refuses("step: a\n  expcet: arp\n", "t:2: unknown keyword 'expcet:'");
	refuses("step: a\n  expect: arp and and\n", "t:2: bad filter 'arp and and'");
	refuses("step: a\n  do: fly away\n", "t:2: do: unknown action 'fly' (valid: echo, neigh");
	refuses("step: a\n  expect-verdict: HAPPY\n", "t:2: unknown verdict 'HAPPY' (valid: OK, NO-DEVICE");
	refuses("step: a\n  wait: soon\n", "t:2: wait: takes a duration");
	refuses("step: a\n  expect: arp within ages\n", "t:2: 'within ages': within takes a duration");
	refuses("step: a\n  expect-field: ip.ttl 64\n", "t:2: expect-field: wants NAME == VALUE");
	refuses("step: a\n  expect-counter: IcmpInEchos 3\n", "t:2: expect-counter: wants NAME +N");
	refuses("step: a\n  inject: icmp ttl=300\n", "t:2: inject: 'ttl=300'");
	refuses("step: a\n  use: eth9\n", "t:2: use: no device 'eth9'");
	refuses("step: a\n  expect-output: (unclosed\n", "t:2: expect-output: '(unclosed' is not a valid regular expression");
	/* patterns glibc's regcomp would take gigabytes for (the fuzzer's "x)++++…+"), refused at once */
	refuses("step: a\n  expect-output: src=10)++++++++++++++++++++++++++++++++++++++++++++++\n",
		"t:2: expect-output: 'src=10)+++++");
	refuses("step: a\n  expect-output: ((a{99}){99}){99}\n", "repeats too much for regcomp");
	refuses("step: a\n  expect-output: ((((((((((((((((((x+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+)+\n",
		"repeats too much for regcomp");
	{
		struct lesson l;	/* one repetition at a time is fine, as are + and { in brackets or escaped */

		assert_int_equal(lesson_parse("step: a\n  expect-output: ^[0-9]+ (bytes|packets)? x{2,3} [+*{]\\+\\* a{5}b{5}c{5}d{5}e{5}\n", "t",
					      &l, err, sizeof(err)), 0);
		lesson_free(&l);
	}
	refuses("  just words\n", "t:1: text outside a step");
	refuses("do: echo on\n", "t:1: 'do:' before the first step:");
	refuses("step: a\ndevice: tap1 tap\n", "t:2: device: must come before the first step:");
	refuses("device: tap1 tap bridge\nstep: a\n", "t:1: device: unknown word 'bridge'");
	refuses("lesson: nothing\n", "no step: in the lesson");
	refuses("step: a\n  expect: arp\n  run:\n", "t:3: run: needs a command");
	/* a filter is checked for the device it watches: ARP on a tun matches nothing */
	refuses("device: tun0 tun\nstep: a\n  expect: arp\n", "t:3: bad filter 'arp'");
}

static void builtins_parse(void **state)
{
	int n = 0;

	(void)state;
	for (const struct lesson_builtin *b = lesson_builtins(); b->name; b++, n++) {
		struct lesson l;

		if (lesson_parse(b->text, b->name, &l, err, sizeof(err)))
			fail_msg("built-in lesson %s: %s", b->name, err);
		assert_non_null(l.about);
		lesson_free(&l);
	}
	assert_true(n >= 7);
	assert_int_equal(lesson_load("no-such-lesson", &(struct lesson){ 0 }, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "tapscope --lessons lists the built-in ones"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(parses_the_core_example),
		cmocka_unit_test(narration_devices_and_fields),
		cmocka_unit_test(every_error_names_its_line),
		cmocka_unit_test(builtins_parse),
	};
	return cmocka_run_group_tests_name("lesson", tests, NULL, NULL);
}
