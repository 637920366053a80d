/* test_responder.c — the simulated peers answer exactly what they should, with valid checksums. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
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
	memset(&addrs, 0, sizeof(addrs));
	addrset_parse_cidr("10.18.0.1/24", &a);
	addrset_add(&addrs, &a);
	addrset_parse_cidr("fd00::1/64", &a);
	addrset_add(&addrs, &a);
	responder_init(&r, &addrs, 1, kmac);
	r.policy.answer_neigh = r.policy.answer_echo = 1;
	return 0;
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
	n = responder_handle(&r, &f, out, sizeof(out));
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
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	f = frame_of(arp_request("10.19.0.3"), 1);
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	f = frame_of(arp_request("10.18.0.255"), 1);
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	r.policy.answer_neigh = 0;
	f = frame_of(arp_request("10.18.0.3"), 1);
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
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
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), n);
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
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), n);
	assert_int_equal(out[20], 0);
	assert_int_equal(csum_buf(out + 20, 16), 0);
	/* a fragment is not answered, nor an echo to the device itself */
	n = echo4(in, "10.18.0.1", "10.18.0.3", 0x2000);
	f = frame_of(n, 0);
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	n = echo4(in, "10.18.0.3", "10.18.0.1", 0);
	f = frame_of(n, 0);
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
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
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), n);
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
	size_t n = responder_handle(&r, &f, out, sizeof(out));

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
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	f = frame_of(ns6("::", "fd00::3", 255), 1);		/* DAD by anyone */
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	f = frame_of(ns6("fd00::3", "fd00::1", 255), 1);	/* asking for the device itself */
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	f = frame_of(ns6("fd00::1", "fd00::3", 64), 1);		/* hop limit not 255: invalid NS */
	assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
}

static void truncated_frames_are_ignored(void **state)
{
	struct frame f;
	size_t full = arp_request("10.18.0.3");

	(void)state;
	for (size_t n = 0; n < full; n++) {
		f = frame_of(n, 1);
		assert_int_equal(responder_handle(&r, &f, out, sizeof(out)), 0);
	}
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
	};
	return cmocka_run_group_tests_name("responder", tests, NULL, NULL);
}
