/* test_responder.c — the simulated peers answer exactly what they should, with valid checksums. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <sys/time.h>
#include <arpa/inet.h>
#include <cmocka.h>
#include <pcap/dlt.h>

#include "addrset.h"
#include "bytes.h"
#include "checksum.h"
#include "responder.h"

static const uint8_t kmac[6] = { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 };
static struct addrset addrs;
static struct responder r;
static uint8_t in[2048], out[2048];

static int setup(void **state)
{
	struct dev_addr a;

	(void)state;
	addrset_clear(&addrs);	/* setup runs before each test: the storage is reused */
	addrset_parse_cidr("10.18.0.1/24", &a);
	addrset_add(&addrs, &a);
	addrset_parse_cidr("fd00::1/64", &a);
	addrset_add(&addrs, &a);
	responder_init(&r, &addrs, 1, kmac);
	r.policy.answer_neigh = r.policy.answer_echo = 1;
	return 0;
}

static enum resp_why why;

/* The responder as the session calls it: the frame located first. */
static size_t handle(const struct frame *f, size_t cap)
{
	struct frameloc loc;

	frameloc_compute(&loc, f);
	return responder_handle(&r, f, &loc, out, cap, &why);
}

static struct frame frame_of(size_t len, int tap)
{
	struct frame f = { .dir = FRAME_IN, .dlt = tap ? DLT_EN10MB : DLT_RAW, .data = in,
			   .caplen = (uint32_t)len, .len = (uint32_t)len };
	return f;
}

static size_t eth(uint8_t *p, const uint8_t *dst, uint16_t type)
{
	memcpy(p, dst, 6);
	memcpy(p + 6, kmac, 6);
	put_be16(p + 12, type);
	return 14;
}

static size_t arp_request(const char *target)
{
	static const uint8_t bcast[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t *a = in + eth(in, bcast, 0x0806);

	put_be16(a, 1); put_be16(a + 2, 0x0800); a[4] = 6; a[5] = 4; put_be16(a + 6, 1);
	memcpy(a + 8, kmac, 6);
	inet_pton(AF_INET, "10.18.0.1", a + 14);
	memset(a + 18, 0, 6);
	inet_pton(AF_INET, target, a + 24);
	return 14 + 28;
}

static void arp_is_answered_with_peer_mac(void **state)
{
	uint8_t want_mac[6] = { 0x02, 0x00, 10, 18, 0, 3 }, ip[4];
	struct frame f;
	size_t n;

	(void)state;
	f = frame_of(arp_request("10.18.0.3"), 1);
	n = handle(&f, sizeof(out));
	assert_int_equal(n, 42);
	assert_memory_equal(out, kmac, 6);		/* to the kernel */
	assert_memory_equal(out + 6, want_mac, 6);
	assert_int_equal(get_be16(out + 12), 0x0806);
	assert_int_equal(get_be16(out + 14 + 6), 2);	/* reply */
	assert_memory_equal(out + 14 + 8, want_mac, 6);
	inet_pton(AF_INET, "10.18.0.3", ip);
	assert_memory_equal(out + 14 + 14, ip, 4);
	assert_memory_equal(out + 14 + 18, kmac, 6);
	inet_pton(AF_INET, "10.18.0.1", ip);
	assert_memory_equal(out + 14 + 24, ip, 4);
	assert_int_equal(r.stats.arp_replies, 1);
}

static void arp_not_answered_for_own_outside_or_when_off(void **state)
{
	struct frame f;

	(void)state;
	f = frame_of(arp_request("10.18.0.1"), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	f = frame_of(arp_request("10.19.0.3"), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	f = frame_of(arp_request("10.18.0.255"), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	r.policy.answer_neigh = 0;
	f = frame_of(arp_request("10.18.0.3"), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
}

static size_t echo4(uint8_t *p, const char *src, const char *dst, uint16_t frag)
{
	uint8_t *icmp = p + 20;

	memset(p, 0, 20 + 16);
	p[0] = 0x45; put_be16(p + 2, 36); put_be16(p + 4, 0x1234); put_be16(p + 6, frag); p[8] = 64; p[9] = 1;
	inet_pton(AF_INET, src, p + 12);
	inet_pton(AF_INET, dst, p + 16);
	put_be16(p + 10, csum_buf(p, 20));
	icmp[0] = 8; put_be16(icmp + 4, 7); put_be16(icmp + 6, 1);
	memcpy(icmp + 8, "abcdefgh", 8);
	put_be16(icmp + 2, csum_buf(icmp, 16));
	return 36;
}

static void echo_reply_v4_tap_and_tun(void **state)
{
	uint8_t dst[4], peer[6] = { 2, 0, 10, 18, 0, 3 };
	struct frame f;
	size_t n;

	(void)state;
	n = 14 + echo4(in + eth(in, peer, 0x0800), "10.18.0.1", "10.18.0.3", 0x4000);
	f = frame_of(n, 1);
	assert_int_equal(handle(&f, sizeof(out)), n);
	assert_memory_equal(out, kmac, 6);
	assert_memory_equal(out + 6, peer, 6);
	assert_int_equal(out[14 + 20], 0);			/* echo reply */
	assert_int_equal(csum_buf(out + 14, 20), 0);		/* header checksum verifies */
	assert_int_equal(csum_buf(out + 34, 16), 0);		/* ICMP checksum verifies */
	inet_pton(AF_INET, "10.18.0.1", dst);
	assert_memory_equal(out + 14 + 16, dst, 4);
	assert_memory_equal(out + 34 + 8, "abcdefgh", 8);

	r.tap = 0;
	n = echo4(in, "10.18.0.1", "10.18.0.3", 0);
	f = frame_of(n, 0);
	assert_int_equal(handle(&f, sizeof(out)), n);
	assert_int_equal(out[20], 0);
	assert_int_equal(csum_buf(out + 20, 16), 0);
	/* a fragment is not answered, nor an echo to the device itself */
	n = echo4(in, "10.18.0.1", "10.18.0.3", 0x2000);
	f = frame_of(n, 0);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	n = echo4(in, "10.18.0.3", "10.18.0.1", 0);
	f = frame_of(n, 0);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	r.tap = 1;
}

static void echo_reply_keeps_pi_header(void **state)
{
	struct frame f;
	size_t n;

	(void)state;
	r.tap = 0;
	put_be16(in, 0);
	put_be16(in + 2, 0x0800);
	n = 4 + echo4(in + 4, "10.18.0.1", "10.18.0.3", 0);
	f = frame_of(n, 0);
	f.has_pi = 1;
	assert_int_equal(handle(&f, sizeof(out)), n);
	assert_int_equal(get_be16(out + 2), 0x0800);
	assert_int_equal(out[4 + 20], 0);
	r.tap = 1;
}

static size_t ns6(const char *src, const char *target, uint8_t hlim)
{
	uint8_t mc[6] = { 0x33, 0x33, 0xff, 0, 0, 3 };
	uint8_t *ip = in + eth(in, mc, 0x86dd), *icmp = ip + 40;

	memset(ip, 0, 40 + 32);
	put_be32(ip, 0x60000000); put_be16(ip + 4, 32); ip[6] = 58; ip[7] = hlim;
	inet_pton(AF_INET6, src, ip + 8);
	inet_pton(AF_INET6, "ff02::1:ff00:3", ip + 24);
	icmp[0] = 135;
	inet_pton(AF_INET6, target, icmp + 8);
	icmp[24] = 1; icmp[25] = 1; memcpy(icmp + 26, kmac, 6);
	put_be16(icmp + 2, csum_fold(csum_add(csum_pseudo6(ip + 8, ip + 24, 58, 32), icmp, 32)));
	return 14 + 40 + 32;
}

static void neighbour_solicitation_gets_advert(void **state)
{
	uint8_t peer[6] = { 2, 6, 0, 0, 0, 3 }, *ip = out + 14, *na = ip + 40, a[16];
	struct frame f = frame_of(ns6("fd00::1", "fd00::3", 255), 1);
	size_t n = handle(&f, sizeof(out));

	(void)state;
	assert_int_equal(n, 14 + 40 + 32);
	assert_memory_equal(out, kmac, 6);
	assert_memory_equal(out + 6, peer, 6);
	assert_int_equal(ip[7], 255);
	assert_int_equal(na[0], 136);
	assert_int_equal(get_be32(na + 4), 0x60000000);	/* solicited, override */
	inet_pton(AF_INET6, "fd00::3", a);
	assert_memory_equal(na + 8, a, 16);
	assert_memory_equal(ip + 8, a, 16);
	assert_int_equal(na[24], 2);
	assert_memory_equal(na + 26, peer, 6);
	assert_int_equal(csum_fold(csum_add(csum_pseudo6(ip + 8, ip + 24, 58, 32), na, 32)), 0);
}

static void dad_and_own_addresses_never_answered(void **state)
{
	struct frame f;

	(void)state;
	f = frame_of(ns6("::", "fd00::1", 255), 1);		/* the kernel's own DAD */
	assert_int_equal(handle(&f, sizeof(out)), 0);
	f = frame_of(ns6("::", "fd00::3", 255), 1);		/* DAD by anyone */
	assert_int_equal(handle(&f, sizeof(out)), 0);
	f = frame_of(ns6("fd00::3", "fd00::1", 255), 1);	/* asking for the device itself */
	assert_int_equal(handle(&f, sizeof(out)), 0);
	f = frame_of(ns6("fd00::1", "fd00::3", 64), 1);		/* hop limit not 255: invalid NS */
	assert_int_equal(handle(&f, sizeof(out)), 0);
}

static void truncated_frames_are_ignored(void **state)
{
	struct frame f;
	size_t full = arp_request("10.18.0.3");

	(void)state;
	for (size_t n = 0; n < full; n++) {
		f = frame_of(n, 1);
		assert_int_equal(handle(&f, sizeof(out)), 0);
	}
}


/* ---- what a correct host would not answer, each with its reason ---- */

static size_t echo4_tap(const char *src, const char *dst)
{
	uint8_t peer[6] = { 2, 0, 10, 18, 0, 3 };

	return 14 + echo4(in + eth(in, peer, 0x0800), src, dst, 0);
}

static void refused(size_t n, enum resp_why want)
{
	struct frame f = frame_of(n, r.tap);

	assert_int_equal(handle(&f, sizeof(out)), 0);
	assert_int_equal(why, want);
	assert_true(responder_why_is_refusal(why));
	assert_true(r.stats.refused[want] >= 1);
}

static void invalid_echo_requests_are_refused_with_reason(void **state)
{
	uint8_t *ip = in + 14;
	size_t n;

	(void)state;
	n = echo4_tap("10.18.0.1", "10.18.0.3");
	ip[10] ^= 0xff;					/* header checksum */
	refused(n, RESP_BAD_IP_CSUM);
	n = echo4_tap("10.18.0.1", "10.18.0.3");
	ip[20 + 8] ^= 0xff;				/* ICMP data: its checksum no longer holds */
	refused(n, RESP_BAD_ICMP_CSUM);
	n = echo4_tap("10.18.0.1", "10.18.0.3");
	ip[8] = 0;					/* TTL 0 */
	put_be16(ip + 10, 0); put_be16(ip + 10, csum_buf(ip, 20));
	refused(n, RESP_TTL_ZERO);
	refused(echo4_tap("224.0.0.1", "10.18.0.3"), RESP_BAD_SOURCE);	/* multicast source */
	refused(echo4_tap("10.18.0.255", "10.18.0.3"), RESP_BAD_SOURCE);	/* broadcast source */
	refused(echo4_tap("0.0.0.0", "10.18.0.3"), RESP_BAD_SOURCE);
	refused(echo4_tap("192.168.7.1", "10.18.0.3"), RESP_BAD_SOURCE);	/* off the link */
	refused(echo4_tap("10.18.0.1", "10.18.0.255"), RESP_NOT_PEER);	/* broadcast: nobody's */
	n = echo4_tap("10.18.0.1", "10.18.0.3");
	memset(in, 0xff, 6);				/* broadcast MAC to a unicast IP */
	refused(n, RESP_BAD_DEST);
	n = echo4_tap("10.18.0.1", "10.18.0.3");
	ip[0] = 0x65;					/* version 6 under ethertype IPv4 */
	put_be16(ip + 10, 0); put_be16(ip + 10, csum_buf(ip, 20));
	refused(n, RESP_BAD_HEADER);
	n = ns6("fe80::1", "fe80::3", 255);
	in[14] = 0x40;					/* version 4 under ethertype IPv6 (a fuzzer's find) */
	refused(n, RESP_BAD_HEADER);
	r.policy.answer_echo = 0;
	refused(echo4_tap("10.18.0.1", "10.18.0.3"), RESP_ECHO_OFF);
}

/* IPv4 options must be well formed; a valid request with options is answered without them. */
static void ipv4_options(void **state)
{
	uint8_t peer[6] = { 2, 0, 10, 18, 0, 3 }, *ip = in + eth(in, peer, 0x0800), *icmp;
	struct frame f;
	size_t n;

	(void)state;
	memset(ip, 0, 24 + 16);
	ip[0] = 0x46; put_be16(ip + 2, 24 + 16); ip[8] = 64; ip[9] = 1;
	inet_pton(AF_INET, "10.18.0.1", ip + 12);
	inet_pton(AF_INET, "10.18.0.3", ip + 16);
	ip[20] = 7; ip[21] = 7; ip[22] = 4;		/* record route, length 7: runs past the header */
	put_be16(ip + 10, csum_buf(ip, 24));
	icmp = ip + 24;
	icmp[0] = 8; memcpy(icmp + 8, "abcdefgh", 8);
	put_be16(icmp + 2, csum_buf(icmp, 16));
	n = 14 + 24 + 16;
	refused(n, RESP_BAD_OPTIONS);
	ip[20] = 1; ip[21] = 1; ip[22] = 1; ip[23] = 0;	/* NOP NOP NOP EOL: valid */
	put_be16(ip + 10, 0); put_be16(ip + 10, csum_buf(ip, 24));
	f = frame_of(n, 1);
	assert_int_equal(handle(&f, sizeof(out)), 14 + 20 + 16);
	assert_int_equal(out[14], 0x45);			/* no options in the reply */
	assert_int_equal(get_be16(out + 16), 36);
	assert_int_equal(csum_buf(out + 14, 20), 0);
	assert_int_equal(csum_buf(out + 34, 16), 0);
}

/* --tun --pi: the PI header must say what the packet is, and the reply's says what it is. */
static void pi_header_must_match(void **state)
{
	size_t n;

	(void)state;
	r.tap = 0;
	put_be16(in, 0);
	put_be16(in + 2, 0x86dd);			/* says IPv6 ... */
	n = 4 + echo4(in + 4, "10.18.0.1", "10.18.0.3", 0);	/* ... holds IPv4 */
	{
		struct frame f = frame_of(n, 0);

		f.has_pi = 1;
		assert_int_equal(handle(&f, sizeof(out)), 0);
		assert_int_equal(why, RESP_PI_MISMATCH);
	}
	r.tap = 1;
}

static void solicited_advert_is_unicast_to_the_solicitor(void **state)
{
	uint8_t src[16], *ip = out + 14;
	struct frame f = frame_of(ns6("fd00::1", "fd00::3", 255), 1);

	(void)state;
	assert_int_equal(handle(&f, sizeof(out)), 14 + 40 + 32);
	inet_pton(AF_INET6, "fd00::1", src);
	assert_memory_equal(ip + 24, src, 16);		/* IPv6 destination: the solicitor */
	assert_memory_equal(out, kmac, 6);		/* its MAC, from its source link-layer option */
	f = frame_of(ns6("::", "fd00::3", 255), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	assert_int_equal(why, RESP_DAD_PROBE);
	f = frame_of(ns6("ff02::1", "fd00::3", 255), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	assert_int_equal(why, RESP_BAD_SOURCE);
	f = frame_of(ns6("fd00::1", "fd00::3", 64), 1);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	assert_int_equal(why, RESP_BAD_NDP);
}

/* The reply is written only when it fits: exactly enough room works, one byte less does not. */
static void reply_fits_its_buffer_exactly(void **state)
{
	struct frame f;
	size_t need;

	(void)state;
	f = frame_of(ns6("fd00::1", "fd00::3", 255), 1);
	need = handle(&f, sizeof(out));
	assert_int_equal(need, 86);
	assert_int_equal(handle(&f, need), need);
	assert_int_equal(handle(&f, need - 1), 0);
	assert_int_equal(why, RESP_NO_ROOM);
	f = frame_of(arp_request("10.18.0.3"), 1);
	assert_int_equal(handle(&f, 41), 0);
	assert_int_equal(handle(&f, 42), 42);
}

/* Asked while answers were off, answered when they are turned on. */
static void pending_requests_are_kept_for_later(void **state)
{
	struct timeval now;
	struct frame f, p;

	(void)state;
	r.policy.answer_neigh = 0;
	f = frame_of(arp_request("10.18.0.3"), 1);
	gettimeofday(&f.ts, NULL);
	assert_int_equal(handle(&f, sizeof(out)), 0);
	assert_int_equal(why, RESP_NEIGH_OFF);
	handle(&f, sizeof(out));			/* asked twice: kept once */
	r.policy.answer_neigh = 1;
	gettimeofday(&now, NULL);
	assert_int_equal(responder_take_pending(&r, &now, &p), 1);
	assert_int_equal(p.caplen, 42);
	assert_int_equal(handle(&p, sizeof(out)), 42);
	assert_int_equal(responder_take_pending(&r, &now, &p), 0);
	/* an old one is forgotten */
	r.policy.answer_neigh = 0;
	handle(&f, sizeof(out));
	now.tv_sec += RESP_PENDING_SECONDS + 1;
	assert_int_equal(responder_take_pending(&r, &now, &p), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(arp_is_answered_with_peer_mac, setup),
		cmocka_unit_test_setup(arp_not_answered_for_own_outside_or_when_off, setup),
		cmocka_unit_test_setup(echo_reply_v4_tap_and_tun, setup),
		cmocka_unit_test_setup(echo_reply_keeps_pi_header, setup),
		cmocka_unit_test_setup(neighbour_solicitation_gets_advert, setup),
		cmocka_unit_test_setup(dad_and_own_addresses_never_answered, setup),
		cmocka_unit_test_setup(truncated_frames_are_ignored, setup),
		cmocka_unit_test_setup(invalid_echo_requests_are_refused_with_reason, setup),
		cmocka_unit_test_setup(ipv4_options, setup),
		cmocka_unit_test_setup(pi_header_must_match, setup),
		cmocka_unit_test_setup(solicited_advert_is_unicast_to_the_solicitor, setup),
		cmocka_unit_test_setup(reply_fits_its_buffer_exactly, setup),
		cmocka_unit_test_setup(pending_requests_are_kept_for_later, setup),
	};
	return cmocka_run_group_tests_name("responder", tests, NULL, NULL);
}
