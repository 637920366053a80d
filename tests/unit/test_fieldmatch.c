/* test_fieldmatch.c — the field conditions of the find command: parsing, and evaluation on a decoded frame. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include <pcap/dlt.h>

#include "capindex.h"
#include "decode.h"
#include "fieldmatch.h"

/* 10.18.0.1 > 10.18.0.3 ICMP echo request id 7 seq 1, TTL 64, over Ethernet */
static const uint8_t echo[] = {
	0x02, 0, 0, 0, 0, 0x03, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,
	0x45, 0x00, 0x00, 0x1c, 0x12, 0x34, 0x40, 0x00, 0x40, 0x01, 0x00, 0x00, 10, 18, 0, 1, 10, 18, 0, 3,
	0x08, 0x00, 0xf7, 0xf7, 0x00, 0x07, 0x00, 0x01,
};

static struct decoded d;

static void decode_echo(void)
{
	struct frame f;

	memset(&f, 0, sizeof(f));
	f.dlt = DLT_EN10MB;
	f.data = echo;
	f.caplen = f.len = sizeof(echo);
	decode_frame(&d, &f);
}

static int eval(const char *text)
{
	struct fieldmatch m;
	char err[256];

	assert_int_equal(fieldmatch_parse(&m, text, err, sizeof(err)), 0);
	return fieldmatch_eval(&m, &d);
}

static void test_numbers_and_operators(void **state)
{
	(void)state;
	decode_echo();
	assert_true(eval("ip.ttl == 64"));
	assert_false(eval("ip.ttl == 1"));
	assert_true(eval("ip.ttl != 1"));
	assert_false(eval("ip.ttl != 64"));
	assert_true(eval("ip.ttl > 63"));
	assert_true(eval("ip.ttl >= 64"));
	assert_false(eval("ip.ttl < 64"));
	assert_true(eval("ip.ttl le 64"));
	assert_true(eval("icmp.type == 8"));
	assert_true(eval("ip.proto == 0x01"));
	assert_true(eval("icmp.seq==1"));
}

static void test_presence_addresses_and_absence(void **state)
{
	(void)state;
	decode_echo();
	assert_true(eval("icmp"));
	assert_true(eval("ip.src"));
	assert_false(eval("tcp"));
	assert_false(eval("tcp.srcport != 80"));	/* absent: != does not hold either (Wireshark) */
	assert_true(eval("ip.src == 10.18.0.1"));
	assert_true(eval("ip.dst eq \"10.18.0.3\""));
	assert_false(eval("ip.src == 10.18.0.3"));
	assert_true(eval("eth.dst == 02:00:00:00:00:03"));
	assert_true(eval("ip.flags.df == 1"));
	assert_true(eval("ip.flags.df == true"));
	assert_false(eval("ip.flags.mf == set"));
}

static void test_bad_conditions_say_why(void **state)
{
	struct fieldmatch m;
	char err[256];

	(void)state;
	assert_int_equal(fieldmatch_parse(&m, "== 3", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "field name"));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl ~ 3", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "=="));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl > abc", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "number"));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl ==", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "no value"));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl === 1", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "one comparison"));
}

static void test_find_tells_conditions_from_text(void **state)
{
	(void)state;
	assert_true(fieldmatch_looks_like("ip.ttl == 1"));
	assert_true(fieldmatch_looks_like("tcp.flags.syn"));
	assert_true(fieldmatch_looks_like("dns"));
	assert_false(fieldmatch_looks_like("unreachable"));
	assert_false(fieldmatch_looks_like("who-has 10.18.0.3"));
	assert_false(fieldmatch_looks_like("echo request"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_and_operators),
		cmocka_unit_test(test_presence_addresses_and_absence),
		cmocka_unit_test(test_bad_conditions_say_why),
		cmocka_unit_test(test_find_tells_conditions_from_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
