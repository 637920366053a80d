/* test_craft.c — unit tests of the crafting engine: spec parsing, errors, formatting and the built bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "craft.h"

#define PI 4
#define ETH 14

static const uint8_t DEV_MAC[6] = { 0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee };

static struct addrset addrs;
static struct craft_ctx ctx;
static uint8_t buf[70000];
static size_t blen;
static char err[1024];

static int setup(void **state)
{
	struct dev_addr a;

	(void)state;
	addrset_clear(&addrs);	/* setup runs before each test: the storage is reused */
	assert_int_equal(addrset_parse_cidr("10.18.0.1/24", &a), 0);
	addrset_add(&addrs, &a);
	assert_int_equal(addrset_parse_cidr("fd00::1/64", &a), 0);
	addrset_add(&addrs, &a);
	memset(&ctx, 0, sizeof(ctx));
	memcpy(ctx.dev_mac, DEV_MAC, 6);
	ctx.addrs = &addrs;
	ctx.next_ip_id = 0x1000;
	return 0;
}

/* ---- independent reference checksums (not src/checksum.c) ---- */

static uint32_t ref_add(uint32_t s, const uint8_t *p, size_t n)
{
	for (size_t i = 0; i + 1 < n; i += 2)
		s += (uint32_t)p[i] << 8 | p[i + 1];
	if (n & 1)
		s += (uint32_t)p[n - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return s;
}

/* 1 when the data (checksum field included) sums to all ones: the receiver's test. */
static int ref_ok4(const uint8_t *p, size_t n)
{
	return ref_add(0, p, n) == 0xffff;
}

static int ref_ok6(const uint8_t *ip6, const uint8_t *icmp, size_t n)
{
	uint8_t ph[40] = { 0 };

	memcpy(ph, ip6 + 8, 32);
	ph[32] = (uint8_t)(n >> 24); ph[33] = (uint8_t)(n >> 16); ph[34] = (uint8_t)(n >> 8); ph[35] = (uint8_t)n;
	ph[39] = 58;
	return ref_add(ref_add(0, ph, 40), icmp, n) == 0xffff;
}

static uint16_t be16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t be32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void parse_ok(const char *text, struct craft_spec *s)
{
	int rc = craft_parse(text, s, err, sizeof(err));

	if (rc)
		fail_msg("craft_parse(%s): %d %s", text, rc, err);
}

static void build_ok(const char *text, unsigned repeat)
{
	struct craft_spec s;
	int rc;

	parse_ok(text, &s);
	rc = craft_build(&s, &ctx, repeat, buf, sizeof(buf), &blen, err, sizeof(err));
	if (rc)
		fail_msg("craft_build(%s): %d %s", text, rc, err);
}

static void ip4(const char *t, uint8_t *a) { assert_int_equal(inet_pton(AF_INET, t, a), 1); }
static void ip6(const char *t, uint8_t *a) { assert_int_equal(inet_pton(AF_INET6, t, a), 1); }

/* ---- parsing ---- */

static void test_parse_echo(void **state)
{
	struct craft_spec s;
	uint8_t a[4];

	(void)state;
	parse_ok("icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=1 ttl=64 payload=text:hello", &s);
	assert_int_equal(s.v6, 0);
	assert_int_equal(s.type, 8);
	assert_int_equal(s.id, 7);
	assert_int_equal(s.seq, 1);
	assert_int_equal(s.ttl, 64);
	ip4("10.18.0.3", a);
	assert_memory_equal(s.src, a, 4);
	ip4("10.18.0.1", a);
	assert_memory_equal(s.dst, a, 4);
	assert_int_equal(s.payload_kind, CRAFT_PAYLOAD_TEXT);
	assert_int_equal(s.payload_len, 5);
	assert_memory_equal(s.payload, "hello", 5);
	assert_true(s.given & (1u << CRAFT_F_TTL));
	assert_false(s.given & (1u << CRAFT_F_TOS));
}

static void test_parse_fields(void **state)
{
	struct craft_spec s;
	uint8_t a[16];

	(void)state;
	parse_ok("ICMP Type=Dest-Unreach CODE=Frag-Needed mtu=0x578 tos=0x10 df ipid=99 checksum=0xBEEF "
		 "count=5 interval=250ms smac=02:00:0A:12:00:03 dmac=02-aa-bb-cc-dd-ee quote=last", &s);
	assert_int_equal(s.type, 3);
	assert_int_equal(s.code, 4);
	assert_int_equal(s.mtu, 1400);
	assert_int_equal(s.tos, 0x10);
	assert_int_equal(s.df, 1);
	assert_int_equal(s.ip_id, 99);
	assert_int_equal(s.csum_mode, CRAFT_CSUM_VALUE);
	assert_int_equal(s.csum_value, 0xbeef);
	assert_int_equal(craft_count(&s), 5);
	assert_int_equal(craft_interval_ns(&s), 250000000ull);
	assert_memory_equal(s.smac, "\x02\x00\x0a\x12\x00\x03", 6);
	assert_memory_equal(s.dmac, DEV_MAC, 6);
	assert_int_equal(s.quote_last, 1);

	parse_ok("icmp6 type=neighbor-advert target=fd00::3 flags=router,S hlim=200 tclass=0xb8 flow=0x12345 "
		 "lladdr=02:06:00:00:00:03", &s);
	assert_int_equal(s.v6, 1);
	assert_int_equal(s.type, 136);
	ip6("fd00::3", a);
	assert_memory_equal(s.target, a, 16);
	assert_int_equal(s.flags, CRAFT_NA_ROUTER | CRAFT_NA_SOLICITED);
	assert_int_equal(s.ttl, 200);
	assert_int_equal(s.tos, 0xb8);
	assert_int_equal(s.flow, 0x12345);
	assert_int_equal(s.lladdr_mode, CRAFT_LLADDR_MAC);

	parse_ok("icmp6 type=router-advert flags=M,O lifetime=0 curhlim=32 prefix=fd00:1::/64 lladdr=none", &s);
	assert_int_equal(s.flags, CRAFT_RA_MANAGED | CRAFT_RA_OTHER);
	assert_int_equal(s.lifetime, 0);
	assert_true(s.given & (1u << CRAFT_F_LIFETIME));
	assert_int_equal(s.curhlim, 32);
	assert_int_equal(s.prefix_len, 64);
	assert_int_equal(s.lladdr_mode, CRAFT_LLADDR_NONE);

	parse_ok("icmp type=redirect code=redirect-host gateway=10.18.0.254", &s);
	assert_int_equal(s.type, 5);
	assert_int_equal(s.code, 1);
	ip4("10.18.0.254", a);
	assert_memory_equal(s.gateway, a, 4);

	parse_ok("icmp type=param-problem pointer=9 checksum=BAD", &s);
	assert_int_equal(s.pointer, 9);
	assert_int_equal(s.csum_mode, CRAFT_CSUM_BAD);

	parse_ok("icmp6 type=redirect target=fe80::1 rdst=fd00::99", &s);
	assert_int_equal(s.type, 137);
	ip6("fd00::99", a);
	assert_memory_equal(s.rdst, a, 16);

	parse_ok("icmp type=13 code=0 id=0xffff seq=65535 df=0 ttl=0", &s);
	assert_int_equal(s.type, 13);
	assert_int_equal(s.id, 0xffff);
	assert_int_equal(s.seq, 65535);
	assert_int_equal(s.df, 0);
	assert_true(s.given & (1u << CRAFT_F_DF));
	assert_true(s.given & (1u << CRAFT_F_TTL));
}

static void test_parse_defaults(void **state)
{
	struct craft_spec s;

	(void)state;
	parse_ok("icmp", &s);
	assert_int_equal(s.type, 8);
	assert_int_equal(s.given, 1u << CRAFT_F_TYPE);
	assert_int_equal(craft_count(&s), 1);
	assert_int_equal(craft_interval_ns(&s), 1000000000ull);
	parse_ok("icmp6", &s);
	assert_int_equal(s.type, 128);
	/* mtu= alone on dest-unreach means frag-needed */
	parse_ok("icmp type=dest-unreach mtu=1300", &s);
	assert_int_equal(s.code, 4);
}

static void test_parse_payloads(void **state)
{
	struct craft_spec s;

	(void)state;
	parse_ok("icmp payload=\"text:hello world\"", &s);
	assert_int_equal(s.payload_len, 11);
	assert_memory_equal(s.payload, "hello world", 11);
	parse_ok("icmp payload=text:\"say \\\"hi\\\"\"", &s);
	assert_int_equal(s.payload_len, 8);
	assert_memory_equal(s.payload, "say \"hi\"", 8);
	parse_ok("icmp payload=hex:DE:ad:be:EF00", &s);
	assert_int_equal(s.payload_kind, CRAFT_PAYLOAD_HEX);
	assert_int_equal(s.payload_len, 5);
	assert_memory_equal(s.payload, "\xde\xad\xbe\xef\x00", 5);
	parse_ok("icmp6 payload=size:1000", &s);
	assert_int_equal(s.payload_kind, CRAFT_PAYLOAD_SIZE);
	assert_int_equal(s.payload_len, 1000);
	parse_ok("icmp payload=text:", &s);
	assert_int_equal(s.payload_kind, CRAFT_PAYLOAD_TEXT);
	assert_int_equal(s.payload_len, 0);
}

static void test_parse_interval(void **state)
{
	static const struct { const char *text; uint64_t ns; } cases[] = {
		{ "500ms", 500000000ull }, { "1s", 1000000000ull }, { "2.5s", 2500000000ull },
		{ "100us", 100000ull }, { "3", 3000000000ull }, { "1m", 60000000000ull },
		{ "0.001s", 1000000ull }, { "0", 0 }, { "750NS", 750 },
	};
	struct craft_spec s;
	char text[64];

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(text, sizeof(text), "icmp count=3 interval=%s", cases[i].text);
		parse_ok(text, &s);
		assert_int_equal(craft_interval_ns(&s), cases[i].ns);
		assert_int_equal(craft_count(&s), 3);
	}
}

static void test_parse_errors(void **state)
{
	static const struct { const char *spec, *msg; } cases[] = {
		{ "icmp type=echo-requets",
		  "inject: unknown ICMP type 'echo-requets' (valid: echo-request, echo-reply, dest-unreach, " },
		{ "icmp ttl=300", "inject: 'ttl=300': ttl must be 0..255" },
		{ "icmp6 hlim=256", "'hlim=256': hlim must be 0..255" },
		{ "icmp foo=1", "inject: unknown field 'foo' (valid: type, code, src, dst, " },
		{ "icmp src=fd00::3", "inject: src=fd00::3 is IPv6 but the spec is icmp (use icmp6)" },
		{ "icmp6 dst=10.0.0.1", "inject: dst=10.0.0.1 is IPv4 but the spec is icmp6 (use icmp)" },
		{ "icmp dst=10.0.0.300", "'dst=10.0.0.300': not an IPv4 address" },
		{ "icmp type=time-exceeded code=port-unreach",
		  "inject: code 'port-unreach' is not a code of time-exceeded (valid: ttl-exceeded, frag-reassembly)" },
		{ "icmp code=port-unreach", "code 'port-unreach' is not a code of echo-request" },
		{ "icmp type=300", "unknown ICMP type '300'" },
		{ "icmp type=dest-unreach code=256", "code '256' is not a code of dest-unreach (valid: net-unreach" },
		{ "icmp type=packet-too-big", "'packet-too-big' is an ICMPv6 type but the spec is icmp (use icmp6" },
		{ "icmp6 type=source-quench", "'source-quench' is an ICMP type but the spec is icmp6 (use icmp;" },
		{ "icmp6 type=pong", "inject: unknown ICMPv6 type 'pong' (valid: echo-request, echo-reply, " },
		{ "icmp id=70000", "'id=70000': id must be 0..65535" },
		{ "icmp seq=-1", "'seq=-1': seq must be 0..65535" },
		{ "icmp ipid=0x10000", "'ipid=0x10000': ipid must be 0..65535" },
		{ "icmp6 flow=0x100000", "'flow=0x100000': flow must be 0..0xfffff" },
		{ "icmp payload=bogus", "'payload=bogus': payload must be text:..., hex:... or size:N" },
		{ "icmp payload=hex:abc", "'payload=hex:abc': hex: needs pairs of hex digits" },
		{ "icmp payload=size:70000", "'payload=size:70000': size must be 0..65000" },
		{ "icmp checksum=maybe", "'checksum=maybe': checksum must be auto, bad or 0..0xffff" },
		{ "icmp count=0", "'count=0': count must be 1..1000000" },
		{ "icmp interval=fast", "'interval=fast': interval must be a duration" },
		{ "icmp interval=2h", "'interval=2h': interval must be a duration" },
		{ "icmp interval=99999999999m", "'interval=99999999999m': interval must be a duration" },
		{ "icmp interval=3601s", "'interval=3601s': interval must be a duration" },
		{ "icmp smac=zz", "'smac=zz': smac must be a MAC" },
		{ "icmp df=2", "'df=2': df must be 0 or 1" },
		{ "icmp type=echo-request mtu=1400", "'mtu=1400': mtu applies only to dest-unreach frag-needed" },
		{ "icmp type=dest-unreach code=port-unreach mtu=1400", "'mtu=1400': mtu applies only to code frag-needed" },
		{ "icmp gateway=10.0.0.1", "'gateway=10.0.0.1': gateway applies only to icmp redirect" },
		{ "icmp pointer=3", "'pointer=3': pointer applies only to param-problem" },
		{ "icmp type=param-problem pointer=256", "'pointer=256': pointer must be 0..255" },
		{ "icmp6 df", "'df=1': df applies only to icmp" },
		{ "icmp flow=1", "'flow=1': flow applies only to icmp6" },
		{ "icmp quote=last", "'quote=last': quote applies only to error messages" },
		{ "icmp6 type=dest-unreach quote=first", "'quote=first': quote must be last, frame:N (a frame's number) or none" },
		{ "icmp6 type=dest-unreach id=3", "'id=3': id applies only to echo" },
		{ "icmp6 target=fd00::1", "'target=fd00::1': target applies only to icmp6 neighbor-solicit" },
		{ "icmp type=redirect", "inject: redirect needs gateway=" },
		{ "icmp6 type=redirect", "inject: redirect needs target=" },
		{ "icmp type=dest-unreach quote=last payload=text:x", "give quote= or payload=, not both" },
		{ "icmp ttl=1 TTL=2", "'TTL=2': TTL given twice" },
		{ "icmp ttl", "'ttl': expected ttl=VALUE" },
		{ "udp dst=10.0.0.1", "inject: 'udp': a spec starts with icmp or icmp6" },
		{ "", "inject: empty spec" },
		{ "icmp payload=\"text:abc", "unterminated quote" },
		{ "icmp6 type=neighbor-advert flags=R,X", "'flags=R,X': unknown flag 'X' for neighbor-advert (valid: R, S, O" },
		{ "icmp6 type=router-advert prefix=10.0.0.0/8", "'prefix=10.0.0.0/8': prefix must be an IPv6 prefix" },
		{ "icmp6 type=neighbor-solicit lladdr=zz", "'lladdr=zz': lladdr must be auto, none or a MAC" },
		{ "icmp6 lladdr=none", "'lladdr=none': lladdr applies only to icmp6 NDP messages" },
	};
	struct craft_spec s;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int rc = craft_parse(cases[i].spec, &s, err, sizeof(err));

		if (rc != -EINVAL || !strstr(err, cases[i].msg) || strncmp(err, "inject: ", 8))
			fail_msg("spec '%s': rc %d, message '%s', wanted '%s'", cases[i].spec, rc, err, cases[i].msg);
	}
	/* a short error buffer truncates but never overflows */
	assert_int_equal(craft_parse("icmp type=nope", &s, err, 10), -EINVAL);
	assert_int_equal(strlen(err), 9);
}

/* craft_parse_at names the field at fault, so the UI form never reads the English text. */
static void test_parse_where(void **state)
{
	static const struct { const char *spec; int where; } cases[] = {
		{ "icmp ttl=300", CRAFT_F_TTL },
		{ "icmp6 hlim=-1", CRAFT_F_TTL },
		{ "icmp src=10.0.0.999", CRAFT_F_SRC },
		{ "icmp dst=fd00::1", CRAFT_F_DST },
		{ "icmp type=nope", CRAFT_F_TYPE },
		{ "icmp type=dest-unreach code=nope", CRAFT_F_CODE },
		{ "icmp mtu=1400", CRAFT_F_MTU },
		{ "icmp type=echo-request pointer=9", CRAFT_F_POINTER },
		{ "icmp type=redirect", CRAFT_F_GATEWAY },
		{ "icmp6 type=redirect", CRAFT_F_TARGET },
		{ "icmp type=dest-unreach quote=last payload=text:x", CRAFT_F_QUOTE },
		{ "icmp count=0", CRAFT_F_COUNT },
		{ "icmp interval=soon", CRAFT_F_INTERVAL },
		{ "icmp smac=1:2:3", CRAFT_F_SMAC },
		{ "icmp bogus=1", CRAFT_AT_UNKNOWN },
		{ "udp", CRAFT_AT_PROTO },
		{ "", CRAFT_AT_NONE },
	};
	struct craft_spec s;
	int where = 99;

	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char err[256];
		int rc = craft_parse_at(cases[i].spec, &s, err, sizeof(err), &where);

		if (rc != -EINVAL || where != cases[i].where)
			fail_msg("spec '%s': rc %d, where %d, wanted %d (%s)", cases[i].spec, rc, where, cases[i].where, err);
	}
	assert_int_equal(craft_parse_at("icmp ttl=0", &s, NULL, 0, &where), 0);
	assert_int_equal(where, CRAFT_AT_NONE);
	assert_int_equal(s.ttl, 0);
}

/* ---- format ---- */

static void test_format_roundtrip(void **state)
{
	static const char *specs[] = {
		"icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=1 ttl=64 payload=text:hello",
		"icmp type=dest-unreach code=port-unreach src=10.18.0.3 dst=10.18.0.1 quote=last",
		"icmp6 type=echo-request src=fd00::3 dst=fd00::1 payload=size:56",
		"icmp type=dest-unreach mtu=1300 df ipid=5 tos=4 checksum=bad count=10 interval=2.5s",
		"icmp type=77 code=9 checksum=0x1234 payload=hex:0001ff smac=02:00:00:00:00:01 dmac=ff:ff:ff:ff:ff:ff",
		"icmp payload=\"text:a \\\"quoted\\\" \\\\ word\" df=0 quote=none type=dest-unreach",
		"icmp6 type=neighbor-advert target=fd00::3 flags=none hlim=255 tclass=0xb8 flow=0xfffff lladdr=auto",
		"icmp6 type=router-advert flags=M prefix=fd00:1::/64 lifetime=9000 curhlim=1 lladdr=02:06:00:00:00:01",
		"icmp6 type=redirect target=fe80::1 rdst=fd00::9 quote=last interval=1500us",
		"icmp type=redirect code=3 gateway=10.18.0.254 interval=7ns",
		"icmp type=param-problem pointer=20 interval=1m",
		/* found by fuzz_craft: formatted as 3088888848848ns, which the parser used to refuse */
		"icmp interval=3088888848.848us",
		"icmp6 type=packet-too-big mtu=1280 type=packet-too-big",
	};
	struct craft_spec a, b;
	char t1[4096], t2[4096];
	int n;

	(void)state;
	for (size_t i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		if (craft_parse(specs[i], &a, err, sizeof(err))) {
			/* the last spec repeats type on purpose: it must be refused */
			assert_string_equal(specs[i], specs[sizeof(specs) / sizeof(specs[0]) - 1]);
			continue;
		}
		assert_true(craft_format(&a, t1, sizeof(t1)) > 0);
		if (craft_parse(t1, &b, err, sizeof(err)))
			fail_msg("format of '%s' gave '%s' which does not parse: %s", specs[i], t1, err);
		if (memcmp(&a, &b, sizeof(a)))
			fail_msg("round trip of '%s' via '%s' changed the spec", specs[i], t1);
		assert_true(craft_format(&b, t2, sizeof(t2)) > 0);
		assert_string_equal(t1, t2);
	}
	parse_ok("ICMP TTL=9 Type=Echo-Reply id=0x10 src=10.18.0.3 interval=0.5s", &a);
	n = craft_format(&a, t1, sizeof(t1));
	assert_int_equal(n, (int)strlen(t1));
	assert_string_equal(t1, "icmp type=echo-reply src=10.18.0.3 id=16 ttl=9 interval=500ms");
	assert_int_equal(craft_format(&a, t1, 10), -ENOSPC);
}

/* ---- built bytes ---- */

static void test_build_echo4(void **state)
{
	const uint8_t *ip = buf, *icmp = buf + 20;

	(void)state;
	build_ok("icmp type=echo-request src=10.18.0.3 dst=10.18.0.1 id=7 seq=1 ttl=64 tos=0x10 df payload=text:hello", 0);
	assert_int_equal(blen, 20 + 8 + 5);
	assert_int_equal(ip[0], 0x45);
	assert_int_equal(ip[1], 0x10);
	assert_int_equal(be16(ip + 2), 33);
	assert_int_equal(be16(ip + 4), 0x1000);		/* ctx->next_ip_id */
	assert_int_equal(be16(ip + 6), 0x4000);		/* DF, offset 0 */
	assert_int_equal(ip[8], 64);
	assert_int_equal(ip[9], 1);
	assert_memory_equal(ip + 12, "\x0a\x12\x00\x03", 4);
	assert_memory_equal(ip + 16, "\x0a\x12\x00\x01", 4);
	assert_true(ref_ok4(ip, 20));
	assert_int_equal(icmp[0], 8);
	assert_int_equal(icmp[1], 0);
	assert_int_equal(be16(icmp + 4), 7);
	assert_int_equal(be16(icmp + 6), 1);
	assert_memory_equal(icmp + 8, "hello", 5);
	assert_true(ref_ok4(icmp, 13));
	/* by hand: 0800 + 0007 + 0001 + 6865 + 6c6c + 6f00 = 0x14bd9 -> 0x4bda -> ~ = 0xb425 */
	assert_int_equal(be16(icmp + 2), 0xb425);
}

static void test_build_defaults_and_repeat(void **state)
{
	const uint8_t *icmp = buf + 20;

	(void)state;
	build_ok("icmp", 3);
	assert_int_equal(blen, 20 + 8 + 56);
	assert_memory_equal(buf + 12, "\x0a\x12\x00\x02", 4);	/* default peer */
	assert_memory_equal(buf + 16, "\x0a\x12\x00\x01", 4);	/* the device */
	assert_int_equal(buf[8], 64);
	assert_int_equal(be16(buf + 4), 0x1003);		/* next_ip_id + repeat */
	assert_int_equal(be16(buf + 6), 0);
	assert_int_equal(be16(icmp + 4), 1);
	assert_int_equal(be16(icmp + 6), 1 + 3);		/* seq advances by repeat */
	for (int i = 0; i < 56; i++)
		assert_int_equal(icmp[8 + i], i);
	assert_true(ref_ok4(buf, 20));
	assert_true(ref_ok4(icmp, 64));

	build_ok("icmp seq=65535 ipid=42", 2);			/* seq wraps; explicit ipid stays */
	assert_int_equal(be16(icmp + 6), 1);
	assert_int_equal(be16(buf + 4), 42);

	build_ok("icmp type=echo-reply payload=size:0", 0);
	assert_int_equal(blen, 28);
	assert_int_equal(icmp[0], 0);
}

static void test_build_echo6_pi(void **state)
{
	const uint8_t *ip = buf + PI, *icmp = ip + 40;
	uint8_t a[16];

	(void)state;
	ctx.pi = 1;
	build_ok("icmp6 type=echo-request src=fd00::3 dst=fd00::1 payload=size:56 tclass=0xb8 flow=0x12345", 0);
	assert_int_equal(blen, PI + 40 + 8 + 56);
	assert_memory_equal(buf, "\x00\x00\x86\xdd", 4);
	assert_int_equal(be32(ip), 0x6b812345u);
	assert_int_equal(be16(ip + 4), 64);
	assert_int_equal(ip[6], 58);
	assert_int_equal(ip[7], 64);
	ip6("fd00::3", a);
	assert_memory_equal(ip + 8, a, 16);
	ip6("fd00::1", a);
	assert_memory_equal(ip + 24, a, 16);
	assert_int_equal(icmp[0], 128);
	assert_true(ref_ok6(ip, icmp, 64));

	build_ok("icmp", 0);
	assert_memory_equal(buf, "\x00\x00\x08\x00", 4);
	assert_int_equal(buf[PI], 0x45);
}

static void test_build_ethernet(void **state)
{
	const uint8_t *ip = buf + ETH;

	(void)state;
	ctx.tap = 1;
	build_ok("icmp src=10.18.0.3", 0);
	assert_int_equal(blen, ETH + 20 + 64);
	assert_memory_equal(buf, DEV_MAC, 6);
	assert_memory_equal(buf + 6, "\x02\x00\x0a\x12\x00\x03", 6);	/* peer_mac(src) */
	assert_int_equal(be16(buf + 12), 0x0800);
	assert_int_equal(ip[0], 0x45);
	assert_true(ref_ok4(ip + 20, 64));

	build_ok("icmp6 dst=ff02::1 smac=02:11:22:33:44:55", 0);
	assert_memory_equal(buf, "\x33\x33\x00\x00\x00\x01", 6);
	assert_memory_equal(buf + 6, "\x02\x11\x22\x33\x44\x55", 6);
	assert_int_equal(be16(buf + 12), 0x86dd);

	build_ok("icmp dst=224.0.0.251 dmac=01:02:03:04:05:06", 0);
	assert_memory_equal(buf, "\x01\x02\x03\x04\x05\x06", 6);
	build_ok("icmp dst=239.129.2.3", 0);
	assert_memory_equal(buf, "\x01\x00\x5e\x01\x02\x03", 6);

	ctx.pi = 1;
	build_ok("icmp6", 0);
	assert_memory_equal(buf, "\x00\x00\x86\xdd", 4);		/* PI proto on tap: the ethertype */
	assert_memory_equal(buf + PI, DEV_MAC, 6);
	assert_int_equal(be16(buf + PI + 12), 0x86dd);
	assert_int_equal(buf[PI + ETH] >> 4, 6);
}

static void test_build_checksum_modes(void **state)
{
	uint16_t good;

	(void)state;
	build_ok("icmp payload=text:abc", 0);
	good = be16(buf + 22);
	assert_true(ref_ok4(buf + 20, blen - 20));
	build_ok("icmp payload=text:abc checksum=bad", 0);
	assert_false(ref_ok4(buf + 20, blen - 20));
	assert_true(ref_ok4(buf, 20));			/* the IP header stays right */
	assert_int_not_equal(be16(buf + 22), good);
	build_ok("icmp payload=text:abc checksum=0x1234", 0);
	assert_int_equal(be16(buf + 22), 0x1234);
	build_ok("icmp payload=text:abc checksum=auto", 0);
	assert_int_equal(be16(buf + 22), good);

	build_ok("icmp6 checksum=bad", 0);
	assert_false(ref_ok6(buf, buf + 40, blen - 40));
	build_ok("icmp6 checksum=auto", 0);
	assert_true(ref_ok6(buf, buf + 40, blen - 40));

	/* a message whose right checksum is 0xffff or 0x0000 still gets a wrong one */
	for (unsigned v = 0; v < 0x10000; v += 0x101) {
		char spec[96];

		snprintf(spec, sizeof(spec), "icmp type=echo-reply id=%u seq=0 payload=size:0 checksum=bad", v);
		build_ok(spec, 0);
		assert_false(ref_ok4(buf + 20, 8));
	}
}

/* An Ethernet+PI frame the kernel sent: 10.18.0.1:5000 -> 10.18.0.3:6000 UDP with `data` bytes. */
static size_t make_udp4(uint8_t *f, size_t data, size_t pad)
{
	uint8_t *ip = f + PI + ETH;
	size_t tot = 20 + 8 + data;

	memset(f, 0, PI + ETH + tot + pad);
	f[2] = 0x08;
	memcpy(f + PI, "\x02\x00\x0a\x12\x00\x03", 6);
	memcpy(f + PI + 6, DEV_MAC, 6);
	f[PI + 12] = 0x08;
	ip[0] = 0x45;
	ip[2] = (uint8_t)(tot >> 8);
	ip[3] = (uint8_t)tot;
	ip[8] = 64;
	ip[9] = 17;
	memcpy(ip + 12, "\x0a\x12\x00\x01\x0a\x12\x00\x03", 8);
	ip[20] = 0x13; ip[21] = 0x88; ip[22] = 0x17; ip[23] = 0x70;
	for (size_t i = 0; i < data; i++)
		ip[28 + i] = (uint8_t)(0xa0 + i);
	for (size_t i = 0; i < pad; i++)
		ip[tot + i] = 0xee;
	return PI + ETH + tot + pad;
}

static void test_build_quote4(void **state)
{
	static uint8_t f[3000];
	struct frame fr = { .dir = FRAME_IN, .dlt = 1, .has_pi = 1, .data = f };
	const uint8_t *icmp = buf + 20;

	(void)state;
	fr.caplen = fr.len = (uint32_t)make_udp4(f, 12, 6);	/* 6 bytes of Ethernet padding */
	ctx.last_in = &fr;
	build_ok("icmp type=dest-unreach code=port-unreach quote=last", 0);
	assert_int_equal(blen, 20 + 8 + 40);
	assert_memory_equal(buf + 12, "\x0a\x12\x00\x03", 4);	/* src: the quoted packet's dst */
	assert_memory_equal(buf + 16, "\x0a\x12\x00\x01", 4);	/* dst: its src */
	assert_int_equal(icmp[0], 3);
	assert_int_equal(icmp[1], 3);
	assert_int_equal(be32(icmp + 4), 0);
	assert_memory_equal(icmp + 8, f + PI + ETH, 40);		/* IP header + data, no padding */
	assert_true(ref_ok4(icmp, 48));
	assert_true(ref_ok4(buf, 20));

	build_ok("icmp type=dest-unreach code=frag-needed mtu=1280 quote=last src=10.18.0.9", 0);
	assert_int_equal(be16(icmp + 6), 1280);
	assert_memory_equal(buf + 12, "\x0a\x12\x00\x09", 4);

	/* a big packet is quoted only as far as 576 bytes in all */
	fr.caplen = fr.len = (uint32_t)make_udp4(f, 1400, 0);
	build_ok("icmp type=time-exceeded quote=last", 0);
	assert_int_equal(blen, 576);
	assert_int_equal(be16(buf + 2), 576);
	assert_memory_equal(icmp + 8, f + PI + ETH, 576 - 28);
	assert_true(ref_ok4(icmp, 576 - 20));

	/* the same packet from a tun device without PI */
	fr.dlt = 12;
	fr.has_pi = 0;
	fr.data = f + PI + ETH;
	fr.caplen = fr.len = 20 + 8 + 1400;
	build_ok("icmp type=param-problem pointer=8 quote=last", 0);
	assert_int_equal(icmp[4], 8);
	assert_memory_equal(icmp + 8, f + PI + ETH, 576 - 28);
	ctx.last_in = NULL;
}

/* answer=last: an echo reply with the request's id, seq and data, its addresses swapped. */
static void test_build_answer(void **state)
{
	static uint8_t f[64];
	struct frame fr = { .dir = FRAME_IN, .dlt = 12, .data = f, .caplen = 33, .len = 33 };
	struct craft_spec s;
	uint8_t *req = f + 20;
	const uint8_t *icmp = buf + 20;

	(void)state;
	memset(f, 0, sizeof(f));
	f[0] = 0x45; f[2] = 0; f[3] = 33; f[8] = 64; f[9] = 1;
	ip4("10.18.0.1", f + 12);
	ip4("10.18.0.3", f + 16);
	req[0] = 8; req[4] = 0x12; req[5] = 0x34; req[6] = 0; req[7] = 9;
	memcpy(req + 8, "hello", 5);
	ctx.last_in = &fr;
	build_ok("icmp type=echo-reply answer=last", 0);
	assert_int_equal(blen, 20 + 8 + 5);
	assert_memory_equal(buf + 12, "\x0a\x12\x00\x03", 4);
	assert_memory_equal(buf + 16, "\x0a\x12\x00\x01", 4);
	assert_int_equal(icmp[0], 0);
	assert_int_equal(be16(icmp + 4), 0x1234);
	assert_int_equal(be16(icmp + 6), 9);
	assert_memory_equal(icmp + 8, "hello", 5);
	assert_true(ref_ok4(icmp, 13));
	build_ok("icmp type=echo-reply answer=last seq=100", 0);	/* a field given wins */
	assert_int_equal(be16(icmp + 6), 100);
	parse_ok("icmp type=echo-reply answer=frame:12", &s);
	assert_int_equal(s.quote_frame, 12);
	assert_int_equal(craft_parse("icmp type=echo-request answer=last", &s, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "answer applies only to echo-reply"));
	req[0] = 0;	/* a reply is not a request to answer */
	parse_ok("icmp type=echo-reply answer=last", &s);
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), -EINVAL);
	assert_non_null(strstr(err, "is not an echo request to answer"));
	ctx.last_in = NULL;
}

static void test_build_quote6(void **state)
{
	static uint8_t f[2100];
	struct frame fr = { .dlt = 12, .data = f, .caplen = 40 + 1800 };
	const uint8_t *icmp = buf + 40;
	uint8_t a[16];

	(void)state;
	memset(f, 0x5a, sizeof(f));
	f[0] = 0x60; f[1] = 0; f[2] = 0; f[3] = 0;
	f[4] = 1800 >> 8; f[5] = 1800 & 0xff; f[6] = 17; f[7] = 64;
	ip6("fd00::1", f + 8);
	ip6("fd00::3", f + 24);
	ctx.last_in = &fr;
	build_ok("icmp6 type=dest-unreach code=port-unreach quote=last", 0);
	assert_int_equal(blen, 1280);
	assert_int_equal(be16(buf + 4), 1240);
	ip6("fd00::3", a);
	assert_memory_equal(buf + 8, a, 16);
	ip6("fd00::1", a);
	assert_memory_equal(buf + 24, a, 16);
	assert_memory_equal(icmp + 8, f, 1232);
	assert_true(ref_ok6(buf, icmp, 1240));

	build_ok("icmp6 type=packet-too-big quote=last", 0);
	assert_int_equal(be32(icmp + 4), 1280);
	build_ok("icmp6 type=packet-too-big mtu=1400 quote=last", 0);
	assert_int_equal(be32(icmp + 4), 1400);

	/* redirect carries it in a Redirected Header option, a multiple of 8 bytes */
	build_ok("icmp6 type=redirect target=fe80::1 rdst=fd00::9 quote=last lladdr=none", 0);
	assert_int_equal(buf[7], 255);
	assert_int_equal(icmp[0], 137);
	ip6("fe80::1", a);
	assert_memory_equal(icmp + 8, a, 16);
	ip6("fd00::9", a);
	assert_memory_equal(icmp + 24, a, 16);
	assert_int_equal(icmp[40], 4);
	assert_int_equal(icmp[41] * 8, (int)blen - 40 - 40);
	assert_true(blen <= 1280);
	assert_memory_equal(icmp + 48, f, (size_t)icmp[41] * 8 - 8);
	assert_true(ref_ok6(buf, icmp, blen - 40));

	/* an IPv6 packet cannot be quoted in an icmp spec */
	{
		struct craft_spec s;

		parse_ok("icmp type=dest-unreach quote=last", &s);
		assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), -EINVAL);
		assert_non_null(strstr(err, "quote=last: the last frame the kernel sent is IPv6, but the spec is icmp"));
		assert_int_equal(blen, 0);
	}
	ctx.last_in = NULL;
}

static void test_build_quote_errors(void **state)
{
	static const uint8_t arp[4 + 14 + 28] = { 0, 0, 0x08, 0x06, [4 + 12] = 0x08, [4 + 13] = 0x06 };
	struct frame fr = { .dlt = 1, .has_pi = 1, .data = arp, .caplen = sizeof(arp) };
	struct craft_spec s;

	(void)state;
	parse_ok("icmp type=dest-unreach quote=last", &s);
	ctx.last_in = NULL;
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "inject: quote=last: the kernel has sent nothing"));
	ctx.last_in = &fr;
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "is ARP"));
	ctx.last_in = NULL;
}

static void test_build_ndp(void **state)
{
	const uint8_t *ip = buf + ETH, *icmp = ip + 40;
	uint8_t a[16];

	(void)state;
	ctx.tap = 1;
	/* NS from the default peer for the device's address: solicited-node dst, SLL option */
	build_ok("icmp6 type=neighbor-solicit", 0);
	assert_int_equal(blen, ETH + 40 + 24 + 8);
	assert_memory_equal(buf, "\x33\x33\xff\x00\x00\x01", 6);
	assert_memory_equal(buf + 6, "\x02\x06\x00\x00\x00\x02", 6);
	assert_int_equal(ip[7], 255);
	ip6("ff02::1:ff00:1", a);
	assert_memory_equal(ip + 24, a, 16);
	ip6("fd00::2", a);
	assert_memory_equal(ip + 8, a, 16);
	assert_int_equal(icmp[0], 135);
	ip6("fd00::1", a);
	assert_memory_equal(icmp + 8, a, 16);
	assert_memory_equal(icmp + 24, "\x01\x01\x02\x06\x00\x00\x00\x02", 8);
	assert_true(ref_ok6(ip, icmp, 32));

	/* DAD-style NS from :: carries no SLL option */
	build_ok("icmp6 type=neighbor-solicit src=:: target=fd00::7", 0);
	assert_int_equal(blen, ETH + 40 + 24);
	assert_true(ref_ok6(ip, icmp, 24));

	/* NA: target defaults to src, S|O to a unicast dst, TLL option */
	build_ok("icmp6 type=neighbor-advert src=fd00::3", 0);
	assert_int_equal(icmp[0], 136);
	assert_int_equal(icmp[4], 0x60);
	ip6("fd00::3", a);
	assert_memory_equal(icmp + 8, a, 16);
	assert_memory_equal(icmp + 24, "\x02\x01\x02\x06\x00\x00\x00\x03", 8);
	assert_true(ref_ok6(ip, icmp, 32));
	build_ok("icmp6 type=neighbor-advert src=fd00::3 dst=ff02::1 lladdr=02:00:00:00:00:99", 0);
	assert_int_equal(icmp[4], 0x20);
	assert_memory_equal(icmp + 26, "\x02\x00\x00\x00\x00\x99", 6);
	build_ok("icmp6 type=neighbor-advert flags=R,S,O hlim=64", 0);
	assert_int_equal(icmp[4], 0xe0);
	assert_int_equal(ip[7], 64);

	/* RA to all-nodes with SLL and a prefix option */
	build_ok("icmp6 type=router-advert src=fe80::1 flags=O prefix=fd00:1::/64", 0);
	assert_int_equal(blen, ETH + 40 + 16 + 8 + 32);
	ip6("ff02::1", a);
	assert_memory_equal(ip + 24, a, 16);
	assert_int_equal(icmp[4], 64);
	assert_int_equal(icmp[5], 0x40);
	assert_int_equal(be16(icmp + 6), 1800);
	assert_int_equal(icmp[16], 1);
	assert_int_equal(icmp[24], 3);
	assert_int_equal(icmp[25], 4);
	assert_int_equal(icmp[26], 64);
	assert_int_equal(icmp[27], 0xc0);
	ip6("fd00:1::", a);
	assert_memory_equal(icmp + 40, a, 16);
	assert_true(ref_ok6(ip, icmp, 56));

	/* RA and redirect default to a link-local source, as the kernel requires */
	build_ok("icmp6 type=router-advert lladdr=none", 0);
	ip6("fe80::2", a);
	assert_memory_equal(ip + 8, a, 16);
	assert_int_equal(blen, ETH + 40 + 16);
	build_ok("icmp6 type=redirect target=fe80::1 lladdr=none", 0);
	assert_memory_equal(ip + 8, a, 16);

	/* RS to all-routers */
	build_ok("icmp6 type=router-solicit", 0);
	assert_int_equal(blen, ETH + 40 + 8 + 8);
	assert_memory_equal(buf, "\x33\x33\x00\x00\x00\x02", 6);

	/* on tun, no link-layer options */
	ctx.tap = 0;
	build_ok("icmp6 type=neighbor-solicit", 0);
	assert_int_equal(blen, 40 + 24);
	assert_true(ref_ok6(buf, buf + 40, 24));
	build_ok("icmp6 type=redirect target=fe80::1", 0);
	assert_int_equal(blen, 40 + 40);
	assert_memory_equal(buf + 40 + 24, buf + 40 + 8, 16);	/* rdst defaults to target: on-link */
}

static void test_build_error_layouts(void **state)
{
	const uint8_t *icmp = buf + 20;

	(void)state;
	build_ok("icmp type=dest-unreach mtu=1300 payload=hex:4500", 0);
	assert_int_equal(icmp[1], 4);
	assert_int_equal(be16(icmp + 6), 1300);
	assert_memory_equal(icmp + 8, "\x45\x00", 2);
	build_ok("icmp type=dest-unreach code=frag-needed", 0);
	assert_int_equal(be16(icmp + 6), 1400);
	build_ok("icmp type=redirect code=redirect-host gateway=10.18.0.254", 0);
	assert_memory_equal(icmp + 4, "\x0a\x12\x00\xfe", 4);
	build_ok("icmp type=timestamp id=3 seq=4", 0);
	assert_int_equal(blen, 20 + 20);
	assert_int_equal(be16(icmp + 4), 3);
	assert_true(ref_ok4(icmp, 20));
	build_ok("icmp type=info-request id=9", 0);
	assert_int_equal(blen, 20 + 8);				/* only echo gets the default payload */
	build_ok("icmp type=router-advert lifetime=600", 0);
	assert_int_equal(icmp[4], 1);
	assert_int_equal(be16(icmp + 6), 600);
	assert_memory_equal(icmp + 8, "\x0a\x12\x00\x02", 4);
	build_ok("icmp6 type=param-problem code=unknown-next-header pointer=6", 0);
	assert_int_equal(be32(buf + 40 + 4), 6);
	assert_int_equal(blen, 40 + 8 + 48);
	assert_true(ref_ok6(buf, buf + 40, 56));

	/* no quote=: a stand-in IPv4+UDP header from the device (dst) to the peer (src) */
	build_ok("icmp type=time-exceeded src=10.18.0.3", 0);
	assert_int_equal(blen, 20 + 8 + 28);
	assert_int_equal(icmp[8], 0x45);
	assert_int_equal(be16(icmp + 8 + 2), 28);
	assert_int_equal(icmp[8 + 9], 17);
	assert_memory_equal(icmp + 8 + 12, "\x0a\x12\x00\x01\x0a\x12\x00\x03", 8);
	assert_true(ref_ok4(icmp + 8, 20));
	assert_int_equal(be16(icmp + 28 + 2), 33434);
	assert_int_equal(be16(icmp + 28 + 4), 8);
	assert_true(ref_ok4(icmp, blen - 20));
	/* quote=none: nothing after the 8-byte header, on purpose */
	build_ok("icmp type=time-exceeded quote=none", 0);
	assert_int_equal(blen, 20 + 8);
	build_ok("icmp6 type=dest-unreach quote=none", 0);
	assert_int_equal(blen, 40 + 8);
}

static void test_build_context_errors(void **state)
{
	struct addrset v4only = { 0 };
	struct dev_addr a;
	struct craft_spec s;
	uint8_t small[30];

	(void)state;
	addrset_parse_cidr("10.18.0.1/24", &a);
	addrset_add(&v4only, &a);
	ctx.addrs = &v4only;
	parse_ok("icmp6", &s);
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "(give src=)"));
	parse_ok("icmp6 src=fd00::3", &s);
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), -ENOENT);
	assert_non_null(strstr(err, "no IPv6 address to default dst to (give dst=)"));
	parse_ok("icmp6 src=fd00::3 dst=fd00::1", &s);
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), 0);
	addrset_free(&v4only);
	ctx.addrs = &addrs;
	parse_ok("icmp", &s);
	assert_int_equal(craft_build(&s, &ctx, 0, small, sizeof(small), &blen, err, sizeof(err)), -ENOSPC);
	assert_non_null(strstr(err, "does not fit"));
	assert_int_equal(craft_build(&s, &ctx, 0, small, 3, &blen, err, sizeof(err)), -ENOSPC);
	parse_ok("icmp payload=size:65000", &s);
	assert_int_equal(craft_build(&s, &ctx, 0, buf, sizeof(buf), &blen, err, sizeof(err)), 0);
	assert_int_equal(blen, 65028);
	assert_true(ref_ok4(buf, 20));
}

static void test_names(void **state)
{
	const struct tok *t;
	int found = 0;

	(void)state;
	for (t = craft_icmp_types(0); t->s; t++)
		if (t->v == 8 && !strcmp(t->s, "echo-request") && t->desc)
			found++;
	assert_int_equal(found, 1);
	for (t = craft_icmp_types(1); t->s; t++)
		if (t->v == 135)
			found++;
	assert_int_equal(found, 2);
	assert_string_equal(craft_code_name(0, 3, 3), "port-unreach");
	assert_string_equal(craft_code_name(0, 11, 1), "frag-reassembly");
	assert_string_equal(craft_code_name(1, 1, 4), "port-unreach");
	assert_null(craft_icmp_codes(0, 8)->s);
	assert_null(craft_type_name(0, 77));
	assert_string_equal(craft_fields()[0].s, "type");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_parse_echo, setup),
		cmocka_unit_test_setup(test_parse_fields, setup),
		cmocka_unit_test_setup(test_parse_defaults, setup),
		cmocka_unit_test_setup(test_parse_payloads, setup),
		cmocka_unit_test_setup(test_parse_interval, setup),
		cmocka_unit_test_setup(test_parse_errors, setup),
		cmocka_unit_test_setup(test_format_roundtrip, setup),
		cmocka_unit_test_setup(test_build_echo4, setup),
		cmocka_unit_test_setup(test_build_defaults_and_repeat, setup),
		cmocka_unit_test_setup(test_build_echo6_pi, setup),
		cmocka_unit_test_setup(test_build_ethernet, setup),
		cmocka_unit_test_setup(test_build_checksum_modes, setup),
		cmocka_unit_test_setup(test_build_quote4, setup),
		cmocka_unit_test_setup(test_build_quote6, setup),
		cmocka_unit_test_setup(test_build_answer, setup),
		cmocka_unit_test_setup(test_build_quote_errors, setup),
		cmocka_unit_test_setup(test_build_ndp, setup),
		cmocka_unit_test_setup(test_build_error_layouts, setup),
		cmocka_unit_test_setup(test_build_context_errors, setup),
		cmocka_unit_test_setup(test_names, setup),
		cmocka_unit_test(test_parse_where),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
