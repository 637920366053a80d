/* decode_null.c — BSD loopback headers: DLT_NULL (host byte order) and DLT_LOOP (network byte order). */
/*
 * https://www.tcpdump.org/linktypes/LINKTYPE_NULL.html and LINKTYPE_LOOP.html: macOS utun and
 * BSD tun/lo captures put a 4-byte address family before each packet.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   AF_ value: DLT_NULL in the capturing host's byte order,     |
 * |   DLT_LOOP in network byte order                              |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * AF_INET is 2 everywhere; AF_INET6 is 24 (NetBSD, OpenBSD), 28 (FreeBSD) or 30 (macOS, iOS).
 * The capturing host is unknown, so the order is guessed as tcpdump and Wireshark do: a value with
 * any of its upper 16 bits set was written in the other byte order.
 */
#include "decode_priv.h"

static const struct tok family_names[] = {
	{ 2, "IP" }, { 7, "OSI" }, { 16, "Appletalk" }, { 23, "Netware IPX/SPX" }, { 24, "IPv6" },
	{ 28, "IPv6" }, { 30, "IPv6" }, { 0, NULL }
};

static const struct field_def f_null FIELD_REG = {
	"null", "Null/Loopback", FT_PROTO, NULL, NULL,
	"BSD loopback header: the address family of the packet that follows (macOS utun, BSD tun and lo).",
};
static const struct field_def f_family FIELD_REG = {
	"null.family", "Family", FT_UINT, family_names, NULL,
	"Address family: 2 is IPv4; 24, 28 and 30 are IPv6 on NetBSD/OpenBSD, FreeBSD and macOS.",
};

void decode_null(struct decoded *d, struct cursor *c)
{
	const uint8_t *p;
	uint32_t fam;
	int idx = dec_open(d, PROTO_NULL, &f_null, c->off, 4);

	p = cursor_ptr(c, 4);
	if (!p) {
		dec_short(d, c, PROTO_NULL);
		dec_close(d, idx, 0);
		return;
	}
	/* read little-endian (as tcpdump does on x86); AF_ values fit 16 bits, so upper bits set mean
	 * the other order: a big-endian host's DLT_NULL, or any DLT_LOOP */
	fam = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	if (fam & 0xffff0000u)
		fam = __builtin_bswap32(fam);
	dec_add(d, &f_family, c->off, 4, fam);
	c->off += 4;
	dec_close(d, idx, 0);
	switch (fam) {
	case 2:
		decode_ip(d, c);
		return;
	case 24:
	case 28:
	case 30:
		decode_ipv6(d, c);
		return;
	}
	{
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "AF ");
		fmtbuf_str(&b, tok_str(family_names, fam, "Unknown"));
		fmtbuf_str(&b, " (");
		fmtbuf_u64(&b, fam);
		fmtbuf_str(&b, "), length ");
		fmtbuf_u64(&b, d->len);
		fmtbuf_str(&b, ": ");
		dec_sum_end(d, &b);
	}
	decode_data(d, c);
}
