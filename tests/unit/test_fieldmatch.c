/* test_fieldmatch.c — the field conditions of the find command: parsing, Wireshark's aliases, refusals, and evaluation on a decoded frame. */
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

/* 10.18.0.1:40000 > 10.18.0.3:53 UDP (no payload), TTL 64, over Ethernet */
static const uint8_t udp[] = {
	0x02, 0, 0, 0, 0, 0x03, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,
	0x45, 0x00, 0x00, 0x1c, 0x12, 0x35, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 10, 18, 0, 1, 10, 18, 0, 3,
	0x9c, 0x40, 0x00, 0x35, 0x00, 0x08, 0x00, 0x00,
};

/* 10.18.0.254 > 10.18.0.1 ICMP port unreachable quoting the UDP packet above, as frame 9 of a
 * file that kept the 70 bytes of an 80-byte frame (the trailer cut) */
static const uint8_t unreach[] = {
	0x02, 0, 0, 0, 0, 0x01, 0x02, 0, 0, 0, 0, 0xfe, 0x08, 0x00,
	0x45, 0x00, 0x00, 0x38, 0x00, 0x01, 0x00, 0x00, 0x40, 0x01, 0x00, 0x00, 10, 18, 0, 254, 10, 18, 0, 1,
	0x03, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
	0x45, 0x00, 0x00, 0x1c, 0x12, 0x35, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 10, 18, 0, 1, 10, 18, 0, 3,
	0x9c, 0x40, 0x00, 0x35, 0x00, 0x08, 0x00, 0x00,
};

static void decode_bytes(const uint8_t *data, uint32_t len, uint32_t wire_len, uint64_t number)
{
	struct frame f;

	memset(&f, 0, sizeof(f));
	f.dlt = DLT_EN10MB;
	f.data = data;
	f.caplen = len;
	f.len = wire_len;
	f.number = number;
	decode_frame(&d, &f);
}

static void decode_echo(void)
{
	decode_bytes(echo, sizeof(echo), sizeof(echo), 1);
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

/* Wireshark's aliases: ip.addr is ip.src or ip.dst (any occurrence, the quoted header of an ICMP
 * error too); != holds when the field occurs and no occurrence equals (tshark 4.0: on http.pcap,
 * ip.addr != 145.254.160.237 selects none of the 43 frames, all to or from it). */
static void test_aliases_match_either_field(void **state)
{
	(void)state;
	decode_echo();
	assert_true(eval("ip.addr == 10.18.0.1"));	/* the source */
	assert_true(eval("ip.addr == 10.18.0.3"));	/* the destination */
	assert_false(eval("ip.addr == 10.18.0.2"));
	assert_false(eval("ip.addr != 10.18.0.1"));	/* the source equals: not "all differ" */
	assert_false(eval("ip.addr != 10.18.0.3"));
	assert_true(eval("ip.addr != 10.18.0.2"));
	assert_true(eval("ip.addr"));
	assert_true(eval("eth.addr == 02:00:00:00:00:01"));
	assert_true(eval("eth.addr == 02:00:00:00:00:03"));
	assert_false(eval("eth.addr != 02:00:00:00:00:03"));
	assert_true(eval("eth.addr != 02:00:00:00:00:09"));
	assert_false(eval("tcp.port"));
	assert_false(eval("tcp.port != 80"));		/* absent: != does not hold either */
	assert_false(eval("udp.port == 53"));
	assert_false(eval("ipv6.addr"));
	assert_false(eval("ipv6.addr != ::1"));

	decode_bytes(udp, sizeof(udp), sizeof(udp), 2);
	assert_true(eval("udp.port == 53"));		/* the destination port */
	assert_true(eval("udp.port == 40000"));		/* the source port */
	assert_true(eval("udp.port eq 0x9c40"));
	assert_false(eval("udp.port == 54"));
	assert_false(eval("udp.port != 53"));
	assert_true(eval("udp.port != 54"));
	assert_true(eval("udp.port > 39999"));		/* either: 40000 */
	assert_true(eval("udp.port < 54"));		/* either: 53 */
	assert_false(eval("udp.port < 53"));
	assert_true(eval("udp.port <= 53"));
	assert_true(eval("udp.port >= 40000"));
	assert_false(eval("udp.port > 40000"));
	assert_true(eval("udp.port ne 1"));
	assert_false(eval("tcp.port == 53"));

	decode_bytes(unreach, sizeof(unreach), 80, 9);
	assert_true(eval("ip.addr == 10.18.0.254"));	/* the outer header */
	assert_true(eval("ip.addr == 10.18.0.3"));	/* only in the quoted one */
	assert_false(eval("ip.addr != 10.18.0.3"));
	assert_true(eval("udp.port == 53"));		/* the quoted UDP header */
}

static void test_subnets_and_contains(void **state)
{
	(void)state;
	decode_echo();
	assert_true(eval("ip.addr == 10.18.0.0/24"));
	assert_true(eval("ip.src == 10.0.0.0/8"));
	assert_true(eval("ip.dst == 10.18.0.2/31"));	/* .2 and .3 */
	assert_false(eval("ip.src == 10.18.0.2/31"));
	assert_true(eval("ip.src == 0.0.0.0/0"));
	assert_false(eval("ip.addr == 192.168.0.0/16"));
	assert_false(eval("ip.addr != 10.18.0.0/24"));
	assert_false(eval("ip.addr != 10.18.0.0/30"));	/* .1 and .3 are in it */
	assert_true(eval("ip.src contains 10.18"));
	assert_false(eval("ip.src contains 10.19"));
	assert_true(eval("eth.src contains 00:01"));
}

static void test_frame_fields(void **state)
{
	(void)state;
	decode_bytes(unreach, sizeof(unreach), 80, 9);
	assert_true(eval("frame.len == 80"));
	assert_true(eval("frame.cap_len == 70"));
	assert_true(eval("frame.len > 70"));
	assert_false(eval("frame.cap_len > 70"));
	assert_true(eval("frame.number == 9"));
	assert_true(eval("frame.number != 8"));
	assert_false(eval("frame.number != 9"));
	assert_true(eval("frame.number ge 9"));
	assert_false(eval("frame.number < 9"));
	assert_true(eval("frame.len"));
}

static void test_seen_counts_aliases(void **state)
{
	struct fieldmatch m;
	char err[256];

	(void)state;
	decode_echo();
	assert_int_equal(fieldmatch_parse(&m, "ip.addr == 1.2.3.4", err, sizeof(err)), 0);
	assert_true(fieldmatch_seen(&m, &d));
	assert_int_equal(fieldmatch_parse(&m, "tcp.port == 80", err, sizeof(err)), 0);
	assert_false(fieldmatch_seen(&m, &d));
	assert_int_equal(fieldmatch_parse(&m, "frame.number == 80", err, sizeof(err)), 0);
	assert_true(fieldmatch_seen(&m, &d));
}

/* parse fails with a message holding every one of words */
static void refused(const char *text, const char *word1, const char *word2)
{
	struct fieldmatch m;
	char err[256];

	assert_true(fieldmatch_looks_like(text));
	assert_int_equal(fieldmatch_parse(&m, text, err, sizeof(err)), -EINVAL);
	if (!strstr(err, word1) || (word2 && !strstr(err, word2)))
		fail_msg("'%s': '%s' lacks '%s' or '%s'", text, err, word1, word2 ? word2 : "");
	/* fits the message line after "cannot find that: " in 80 columns */
	if (strlen(err) + strlen("cannot find that: ") > 80)
		fail_msg("'%s': '%s' is %zu characters", text, err, strlen(err));
}

static void test_unsupported_syntax_is_refused_by_name(void **state)
{
	(void)state;
	refused("ip.ttl==64 && tcp", "'&&' (and) is not supported", "one FIELD OP VALUE");
	refused("ip.ttl==64&&tcp", "'&&'", NULL);
	refused("tcp.flags.syn && tcp.flags.ack", "'&&'", NULL);
	refused("tcp.flags.syn&&tcp.flags.ack", "'&&'", NULL);
	refused("ip.src == 10.0.0.1 || ip.dst == 10.0.0.1", "'||'", NULL);
	refused("ip.ttl == 64 and tcp", "'and'", NULL);
	refused("tcp or udp", "'or'", NULL);
	refused("!tcp", "'!' (not)", NULL);
	refused("not dns", "'not'", NULL);
	refused("!(ip.ttl == 64)", "'!'", NULL);
	refused("(ip.ttl == 64)", "'('", NULL);
	refused("dns.qry.name ~ google", "'~' (matches) is not supported", "== != < > <= >= contains");
	refused("dns.qry.name matches google", "'matches'", "contains");
	refused("tcp.srcport in {80 3372}", "'in' (a set)", "==");
	refused("eth.src[0:3] == 02:00:00", "'[' (a slice)", NULL);
	refused("tcp.flags & 0x02", "'&' (bitwise)", NULL);
	refused("ip.ttl == 64 tcp", "one value", "quote");
	refused("frame.len == big", "number", NULL);
	refused("frame.len contains 6", "number", NULL);
	refused("tcp.flags.syn set", "after tcp.flags.syn: ==", "or nothing");
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
	assert_int_equal(fieldmatch_parse(&m, "dns.qry.name == \"a b", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "closing"));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl > abc", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "number"));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl ==", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "no value"));
	assert_int_equal(fieldmatch_parse(&m, "ip.ttl === 1", err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "one comparison"));
}

/* A name no decoder has, and a value the field can never hold: refused before any search, with
 * the nearest name; the names and values that are fine still parse. */
static void test_unknown_names_and_impossible_values(void **state)
{
	static const char *const bad[][3] = {
		{ "ip.tll == 1", "no field ip.tll", "did you mean ip.ttl?" },
		{ "ipv6.hlmi", "no field ipv6.hlmi", "did you mean ipv6.hlim?" },
		{ "tcp.portt == 80", "no field tcp.portt", "did you mean tcp.port?" },
		{ "IP.TTL == 1", "no field IP.TTL", "did you mean ip.ttl?" },
		{ "dns.nothing_like == 1", "no field dns.nothing_like", "names as the field tree shows" },
		{ "ip.ttl == abc", "ip.ttl is a whole number", NULL },
		{ "ip.ttl == 1.5", "ip.ttl is a whole number", NULL },
		{ "ip.ttl contains 6", "ip.ttl is a whole number", NULL },
		{ "tcp.flags.syn == yes", "tcp.flags.syn is a flag", NULL },
		{ "ip.src == 10.18.0.300", "ip.src is an IPv4 address", NULL },
		{ "ip.addr == fe80::1", "ip.addr is an IPv4 address", NULL },
		{ "ipv6.dst == 10.0.0.1", "ipv6.dst is an IPv6 address", NULL },
		{ "eth.src == 02:00:00:00:00", "eth.src is a MAC", NULL },
		{ "tcp.seq == 1", "no field tcp.seq: Wireshark's is relative", "tcp.seq_raw" },
		{ "tcp.stream == 0", "no field tcp.stream", "no streams followed" },
		{ "tcp.analysis.retransmission", "no field tcp.analysis.retransmission", "no streams followed" },
		{ "http.request.method == GET", "no field http.request.method", "f GET" },
		{ "frame.time_delta > 1", "no field frame.time_delta", "not searched" },
		{ "icmp.seq > 99999999999999999999", "99999999999999999999 is too big", "64 bits" },
		{ "ip.ttl == 0x1ffffffffffffffff", "0x1ffffffffffffffff is too big", NULL },
		{ "ip.ttl == 256", "ip.ttl: 256 is too big", "at most 255" },
		{ "tcp.port == 65536", "tcp.port: 65536 is too big", "65535" },
		{ "vxlan.vni == 0x1000000", "at most 16777215", NULL },
	};
	static const char *const good[] = {
		"tcp.flags.syn == true", "eth.dst == FF:FF:FF:FF:FF:FF", "dns.qry.name == example.com",
		"l2tp.avp.host_name contains lac", "icmp.code == 3", "ip.addr == 10.0.0.0/8", "frame.len > 60",
		"frame.number < 18446744073709551615", "ip.ttl == 255", "tcp.port == 0xffff", "tcp.seq_raw == 4294967295",
	};
	struct fieldmatch m;
	char err[256];

	(void)state;
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		refused(bad[i][0], bad[i][1], bad[i][2]);
	for (size_t i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		if (fieldmatch_parse(&m, good[i], err, sizeof(err)) != 0)
			fail_msg("'%s' refused: %s", good[i], err);
}

/* Text given in quotes, as one would write it in Wireshark's find bar, is the text inside. */
static void test_text_find_in_quotes(void **state)
{
	char err[256];
	struct capfind *q = capfind_new("\"echo reply\"", err, sizeof(err));

	(void)state;
	assert_non_null(q);
	assert_false(capfind_is_condition(q));
	assert_string_equal(capfind_text(q), "echo reply");
	capfind_free(q);
	q = capfind_new("say \"hi\"", err, sizeof(err));	/* quotes inside are text */
	assert_non_null(q);
	assert_string_equal(capfind_text(q), "say \"hi\"");
	capfind_free(q);
	assert_null(capfind_new("\"\"", err, sizeof(err)));
	assert_non_null(strstr(err, "nothing to find between the quotes"));
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
	/* Wireshark's names for aliases and the frame, and what a filter would say */
	assert_true(fieldmatch_looks_like("ip.addr == 109.6.1.72"));
	assert_true(fieldmatch_looks_like("frame.len > 1000"));
	assert_true(fieldmatch_looks_like("ip.src==145.254.160.0/24"));
	assert_true(fieldmatch_looks_like("dns.qry.name contains google"));
	assert_true(fieldmatch_looks_like("ip.tll"));	/* misspelt, still meant as a field */
	/* ordinary text */
	assert_false(fieldmatch_looks_like("who-has"));
	assert_false(fieldmatch_looks_like("Flags [S]"));
	assert_false(fieldmatch_looks_like("10.0.0.1"));
	assert_false(fieldmatch_looks_like("GET /"));
	assert_false(fieldmatch_looks_like("example.com"));
	assert_false(fieldmatch_looks_like("arp who-has"));
	assert_false(fieldmatch_looks_like("ICMP echo"));
	assert_false(fieldmatch_looks_like("not found"));
	assert_false(fieldmatch_looks_like("(DF)"));
	assert_false(fieldmatch_looks_like("color and size"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_numbers_and_operators),
		cmocka_unit_test(test_presence_addresses_and_absence),
		cmocka_unit_test(test_aliases_match_either_field),
		cmocka_unit_test(test_subnets_and_contains),
		cmocka_unit_test(test_frame_fields),
		cmocka_unit_test(test_seen_counts_aliases),
		cmocka_unit_test(test_unsupported_syntax_is_refused_by_name),
		cmocka_unit_test(test_bad_conditions_say_why),
		cmocka_unit_test(test_unknown_names_and_impossible_values),
		cmocka_unit_test(test_find_tells_conditions_from_text),
		cmocka_unit_test(test_text_find_in_quotes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
