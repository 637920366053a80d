/* test_decode.c — unit tests of the decoding engine: cursor bounds, text forms, tree shape, filters. */
#include <arpa/inet.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <pcap/dlt.h>

#include "bpf.h"
#include "checksum.h"
#include "cursor.h"
#include "decode.h"
#include "fmtbuf.h"
#include "frameprint.h"

/* An echo request from 10.18.0.1 to 10.18.0.3, as a tap sees it, with correct checksums. */
static uint8_t echo_eth[98];

static void build_echo(void)
{
	static const uint8_t head[34] = {
		0x02, 0, 0, 0, 0, 0x03, 0x02, 0, 0, 0, 0, 0x01, 0x08, 0x00,
		0x45, 0, 0, 84, 0x12, 0x34, 0x40, 0, 64, 1, 0, 0, 10, 18, 0, 1, 10, 18, 0, 3,
	};
	uint16_t s;
	int i;

	memcpy(echo_eth, head, sizeof(head));
	s = csum_buf(echo_eth + 14, 20);
	echo_eth[24] = s >> 8;
	echo_eth[25] = s & 0xff;
	echo_eth[34] = 8;
	echo_eth[38] = 0; echo_eth[39] = 7; echo_eth[40] = 0; echo_eth[41] = 1;
	for (i = 42; i < 98; i++)
		echo_eth[i] = (uint8_t)i;
	s = csum_buf(echo_eth + 34, 64);
	echo_eth[36] = s >> 8;
	echo_eth[37] = s & 0xff;
}

static struct frame mkframe(const uint8_t *data, uint32_t caplen, uint32_t len, int dlt)
{
	struct frame f;

	memset(&f, 0, sizeof(f));
	f.number = 1;
	f.dir = FRAME_IN;
	f.dlt = dlt;
	f.data = data;
	f.caplen = caplen;
	f.len = len;
	return f;
}

static int find(const struct decoded *d, const char *name)
{
	int i;

	for (i = 0; i < decode_count(d); i++)
		if (strcmp(decode_name(d, i), name) == 0)
			return i;
	return -1;
}

static void test_cursor_never_passes_end(void **state)
{
	static const uint8_t b[3] = { 1, 2, 3 };
	struct cursor c, s;

	(void)state;
	cursor_init(&c, b, 0, 3);
	assert_int_equal(cursor_be16(&c), 0x0102);
	assert_false(c.truncated);
	assert_int_equal(cursor_be16(&c), 0);	/* one byte left: refused */
	assert_true(c.truncated);
	assert_int_equal(c.off, 2);
	assert_int_equal(cursor_u8(&c), 3);
	assert_null(cursor_ptr(&c, 1));
	cursor_init(&c, b, 0, 3);
	s = cursor_sub(&c, 100);	/* a sub-cursor never reaches past its parent */
	assert_int_equal(s.end, 3);
	s = cursor_sub(&c, 1);
	assert_int_equal(s.end, 1);
	assert_false(cursor_skip(&s, 2));
	assert_int_equal(s.off, 1);
}

static void test_fmtbuf_ip6_matches_inet_ntop(void **state)
{
	static const char *addrs[] = {
		"::", "::1", "fd00::1", "fe80::1:2", "ff02::1:ff00:3", "2001:db8:0:1:1:1:1:1",
		"2001:db8::1:0:0:1", "1:0:0:2:0:0:0:3", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8", "1::",
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(addrs) / sizeof(addrs[0]); i++) {
		uint8_t a[16];
		char want[64], got[64];
		struct fmtbuf b;

		assert_int_equal(inet_pton(AF_INET6, addrs[i], a), 1);
		inet_ntop(AF_INET6, a, want, sizeof(want));
		fmtbuf_init(&b, got, sizeof(got));
		fmtbuf_ip6(&b, a);
		assert_string_equal(got, want);
	}
	/* random addresses, each written twice (the second from the kept texts), many sharing a
	 * slot, with runs of zeros so that every form of "::" is met */
	uint32_t seed = 5;

	for (i = 0; i < 20000; i++) {
		uint8_t a[16];
		char want[64], got[64];
		struct fmtbuf b;

		for (int k = 0; k < 16; k++) {
			seed = seed * 1103515245u + 12345u;
			a[k] = (seed >> 16) % 3 ? 0 : (uint8_t)(seed >> 8);
		}
		if (i % 7 == 0)
			memcpy(a, "\0\0\0\0\0\0\0\0\0\0\xff\xff", 12);
		inet_ntop(AF_INET6, a, want, sizeof(want));
		for (int twice = 0; twice < 2; twice++) {
			fmtbuf_init(&b, got, sizeof(got));
			fmtbuf_ip6(&b, a);
			assert_string_equal(got, want);
		}
	}
}

static void test_fmtbuf_truncates_safely(void **state)
{
	char buf[8];
	struct fmtbuf b;

	(void)state;
	fmtbuf_init(&b, buf, sizeof(buf));
	fmtbuf_str(&b, "0123456789");
	assert_int_equal(b.len, 7);
	assert_string_equal(buf, "0123456");
	fmtbuf_u64(&b, 42);
	assert_string_equal(buf, "0123456");
}

static void test_echo_tree_and_summary(void **state)
{
	static struct decoded d;
	struct frame f = mkframe(echo_eth, sizeof(echo_eth), sizeof(echo_eth), DLT_EN10MB);
	char text[128];
	int i, n, ttl, st;

	(void)state;
	n = decode_frame(&d, &f);
	assert_true(n > 20);
	assert_string_equal(decode_summary(&d), "IP 10.18.0.1 > 10.18.0.3: ICMP echo request, id 7, seq 1, length 64");
	assert_int_equal(decode_nprotos(&d), 4);
	assert_string_equal(decode_proto_name(&d, 0), "eth");
	assert_string_equal(decode_proto_name(&d, 2), "icmp");
	ttl = find(&d, "ip.ttl");
	assert_true(ttl >= 0);
	assert_int_equal(decode_offset(&d, ttl), 22);
	assert_int_equal(decode_length(&d, ttl), 1);
	assert_string_equal(decode_name(&d, decode_parent(&d, ttl)), "ip");
	assert_int_equal(decode_depth(&d, ttl), 1);
	assert_non_null(strstr(decode_explain(&d, ttl), "hops"));
	decode_text(&d, ttl, text, sizeof(text));
	assert_string_equal(text, "64");
	st = find(&d, "icmp.checksum.status");
	decode_text(&d, st, text, sizeof(text));
	assert_string_equal(text, "Good");
	decode_text(&d, find(&d, "icmp.type"), text, sizeof(text));
	assert_string_equal(text, "8 (Echo (ping) request)");
	for (i = 0; i < n; i++) {	/* pre-order, inside the frame, every node explained */
		assert_true(decode_parent(&d, i) < i);
		assert_true(decode_offset(&d, i) + decode_length(&d, i) <= f.caplen);
		assert_non_null(decode_explain(&d, i));
		assert_true(strlen(decode_explain(&d, i)) > 10);
	}
}

static void test_bad_checksums_are_reported(void **state)
{
	static struct decoded d;
	uint8_t bad[98];
	struct frame f;
	char text[64];

	(void)state;
	memcpy(bad, echo_eth, sizeof(bad));
	bad[24] ^= 1;	/* IPv4 header checksum */
	bad[97] ^= 1;	/* last data byte: ICMP checksum */
	f = mkframe(bad, sizeof(bad), sizeof(bad), DLT_EN10MB);
	decode_frame(&d, &f);
	decode_value_text(&d, find(&d, "ip.checksum.status"), text, sizeof(text));
	assert_string_equal(text, "bad");
	decode_value_text(&d, find(&d, "icmp.checksum.status"), text, sizeof(text));
	assert_string_equal(text, "bad");
	decode_text(&d, find(&d, "ip.checksum.status"), text, sizeof(text));
	assert_non_null(strstr(text, "should be 0x"));
}

static void test_truncated_at_the_layer_where_it_ends(void **state)
{
	static struct decoded d;
	uint32_t cut;

	(void)state;
	for (cut = 0; cut <= sizeof(echo_eth); cut++) {
		struct frame f = mkframe(echo_eth, cut, sizeof(echo_eth), DLT_EN10MB);
		int i;

		decode_frame(&d, &f);
		for (i = 0; i < decode_count(&d); i++)
			assert_true(decode_offset(&d, i) + decode_length(&d, i) <= cut);
		if (cut == sizeof(echo_eth)) {
			assert_false(d.truncated);
		} else if (cut > 0) {
			assert_true(d.truncated);
			assert_string_equal(decode_proto_short(d.trunc_proto),
					    cut < 14 ? "eth" : cut < 34 ? "ip" : "icmp");
			assert_true(find(&d, "_ws.short") >= 0);
		}
	}
}

static void test_tun_pi_offsets(void **state)
{
	static struct decoded d;
	uint8_t pi[4 + 84] = { 0, 0, 0x08, 0x00 };
	struct frame f;
	int ttl;

	(void)state;
	memcpy(pi + 4, echo_eth + 14, 84);
	f = mkframe(pi, sizeof(pi), sizeof(pi), DLT_RAW);
	f.has_pi = 1;
	decode_frame(&d, &f);
	assert_string_equal(decode_proto_name(&d, 0), "tun");
	assert_string_equal(decode_proto_name(&d, 1), "ip");
	ttl = find(&d, "ip.ttl");
	assert_int_equal(decode_offset(&d, ttl), 4 + 8);	/* offsets include the PI header */
	assert_string_equal(decode_summary(&d), "IP 10.18.0.1 > 10.18.0.3: ICMP echo request, id 7, seq 1, length 64");
}

static void test_bpf_filters(void **state)
{
	char err[256];
	struct bpf_filter *b;
	struct frame f = mkframe(echo_eth, sizeof(echo_eth), sizeof(echo_eth), DLT_EN10MB);
	uint8_t pi[4 + 84] = { 0, 0, 0x08, 0x00 };
	struct frame g;

	(void)state;
	b = bpf_filter_new(DLT_EN10MB, "icmp and host 10.18.0.3", err, sizeof(err));
	assert_non_null(b);
	assert_true(bpf_filter_match(b, &f));
	bpf_filter_free(b);
	b = bpf_filter_new(DLT_EN10MB, "udp", err, sizeof(err));
	assert_false(bpf_filter_match(b, &f));
	bpf_filter_free(b);
	assert_null(bpf_filter_new(DLT_EN10MB, "icmp and (", err, sizeof(err)));
	assert_non_null(strstr(err, "syntax error"));
	/* a word pcap takes for a host name: /etc/hosts only, never a DNS query */
	assert_null(bpf_filter_new(DLT_EN10MB, "icmp and host no-such-host.invalid", err, sizeof(err)));
	assert_non_null(strstr(err, "unknown host 'no-such-host.invalid'"));
	assert_non_null(strstr(err, "/etc/hosts only, never DNS"));
	b = bpf_filter_new(DLT_EN10MB, "host localhost", err, sizeof(err));
	assert_non_null(b);
	bpf_filter_free(b);
	/* a tun frame with PI: the filter sees the IP packet after it */
	memcpy(pi + 4, echo_eth + 14, 84);
	g = mkframe(pi, sizeof(pi), sizeof(pi), DLT_RAW);
	g.has_pi = 1;
	b = bpf_filter_new(DLT_RAW, "icmp[icmptype] == icmp-echo", err, sizeof(err));
	assert_non_null(b);
	assert_true(bpf_filter_match(b, &g));
	bpf_filter_free(b);
}

static void test_frameprint_outputs(void **state)
{
	static struct decoded d;
	struct frame f = mkframe(echo_eth, sizeof(echo_eth), sizeof(echo_eth), DLT_EN10MB);
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	(void)state;
	f.ts.tv_sec = 1700000000;
	f.ts.tv_usec = 123456;
	decode_frame(&d, &f);
	m = open_memstream(&buf, &len);
	frameprint_line(m, &f, &d);
	fclose(m);
	assert_non_null(strstr(buf, ".123456 < 98 IP 10.18.0.1 > 10.18.0.3: ICMP echo request"));
	free(buf);
	m = open_memstream(&buf, &len);
	frameprint_tree_ex(m, &d, 1);
	fclose(m);
	assert_non_null(strstr(buf, "\n      ip.ttl: 64  -- TTL: hops left before a router discards the packet.\n"));
	free(buf);
	m = open_memstream(&buf, &len);
	frameprint_json(m, &f, &d);
	fclose(m);
	assert_non_null(strstr(buf, "{\"frame\":1,\"time\":\"2023-11-14T22:13:20.123456Z\",\"dir\":\"in\",\"len\":98,"));
	assert_non_null(strstr(buf, "\"protocols\":[\"eth\",\"ip\",\"icmp\",\"data\"]"));
	assert_non_null(strstr(buf, "\"icmp.type\":8,"));
	assert_non_null(strstr(buf, "\"ip.checksum.status\":\"good\""));
	assert_int_equal(buf[len - 1], '\n');
	free(buf);
}

/* The JSON escaping (sixteen or eight bytes at a time, then byte by byte) against a plain
 * byte-by-byte escaper, on random texts with the bytes that need escaping at every place, in a
 * buffer with room and in buffers that cut the text. */
static size_t json_escape_ref(char *out, const unsigned char *s, size_t n)
{
	size_t o = 0;

	out[o++] = '"';
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '"' || s[i] == '\\') {
			out[o++] = '\\';
			out[o++] = (char)s[i];
		} else if (s[i] < 0x20 || s[i] > 0x7e) {
			o += (size_t)sprintf(out + o, "\\u00%02x", s[i]);
		} else {
			out[o++] = (char)s[i];
		}
	}
	out[o++] = '"';
	out[o] = '\0';
	return o;
}

static void test_json_string_escaping(void **state)
{
	static const unsigned char special[] = { '"', '\\', 0x00, 0x01, 0x1f, 0x7f, 0x80, 0xff, ' ', '~' };
	unsigned char s[300];
	char want[2000], got[2000];
	uint32_t seed = 3;

	(void)state;
	for (int t = 0; t < 20000; t++) {
		size_t n, i, cap;
		struct fmtbuf b;

		seed = seed * 1103515245u + 12345u;
		n = (seed >> 8) % 80;
		for (i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			s[i] = (seed >> 16) % 16 == 0 ? special[(seed >> 20) % sizeof(special)]
						       : (unsigned char)(0x20 + (seed >> 20) % 0x5f);
		}
		json_escape_ref(want, s, n);
		fmtbuf_init(&b, got, sizeof(got));
		frameprint_json_string(&b, (const char *)s, n);
		assert_string_equal(got, want);
		/* a buffer too small: a prefix of the escaped text, never past the buffer */
		cap = 1 + (seed >> 4) % 40;
		memset(got, 'Z', sizeof(got));
		fmtbuf_init(&b, got, cap);
		frameprint_json_string(&b, (const char *)s, n);
		assert_true(b.len < cap);
		assert_int_equal(got[b.len], '\0');
		assert_int_equal(got[cap], 'Z');
		assert_int_equal(strncmp(got, want, b.len), 0);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cursor_never_passes_end),
		cmocka_unit_test(test_fmtbuf_ip6_matches_inet_ntop),
		cmocka_unit_test(test_fmtbuf_truncates_safely),
		cmocka_unit_test(test_echo_tree_and_summary),
		cmocka_unit_test(test_bad_checksums_are_reported),
		cmocka_unit_test(test_truncated_at_the_layer_where_it_ends),
		cmocka_unit_test(test_tun_pi_offsets),
		cmocka_unit_test(test_bpf_filters),
		cmocka_unit_test(test_frameprint_outputs),
		cmocka_unit_test(test_json_string_escaping),
	};

	build_echo();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
