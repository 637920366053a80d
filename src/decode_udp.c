/* decode_udp.c — the User Datagram Protocol (RFC 768), its checksum, and dispatch to DNS and DHCP by port. */
/*
 * RFC 768; checksum rules from RFC 1122 4.1.3.4 (IPv4: 0 means none) and RFC 8200 8.1 (IPv6: mandatory).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            Length             |           Checksum            |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                          data ...                             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * The checksum covers a pseudo-header (addresses, protocol 17, UDP length) and the datagram.
 */
#include "bytes.h"
#include "checksum.h"
#include "decode_priv.h"

static const struct field_def f_udp FIELD_REG = {
	"udp", "User Datagram Protocol", FT_PROTO, NULL, NULL,
	"UDP: sends single messages to a port on another machine, with no connection or retries.",
};
static const struct field_def f_srcport FIELD_REG = {
	"udp.srcport", "Source Port", FT_UINT, NULL, NULL,
	"Source port: the sending program's port; replies go back to it.",
};
static const struct field_def f_dstport FIELD_REG = {
	"udp.dstport", "Destination Port", FT_UINT, NULL, NULL,
	"Destination port: which program on the receiver gets the message (53 DNS, 67 DHCP).",
};
static const struct field_def f_length FIELD_REG = {
	"udp.length", "Length", FT_UINT, NULL, NULL, "Length: bytes in the UDP header (8) plus data.",
};
static const struct field_def f_checksum FIELD_REG = {
	"udp.checksum", "Checksum", FT_HEX, NULL, NULL,
	"Checksum over the datagram and an IP pseudo-header (0 over IPv4: not computed).",
};
static const struct field_def f_checksum_status FIELD_REG = {
	"udp.checksum.status", "Checksum Status", FT_CSUM, NULL, NULL,
	"Whether the checksum matches the datagram's bytes.",
};

static void udp_checksum(struct decoded *d, const struct cursor *c, uint32_t start, unsigned ulen,
			 unsigned sum, const struct l3info *l3)
{
	const uint8_t *p = c->buf + start;
	uint32_t ph;
	uint16_t correct;
	int good;

	if (!dec_tree(d))
		return;
	if (sum == 0) {	/* optional over IPv4 (RFC 768), required over IPv6 (RFC 8200 8.1) */
		dec_csum(d, &f_checksum_status, start + 6, l3->af == 4 ? CSUM_NONE : CSUM_ILLEGAL, 0);
		return;
	}
	if (l3->fragment || ulen < 8 || c->end - start < ulen) {
		dec_csum(d, &f_checksum_status, start + 6, CSUM_UNVERIFIED, 0);
		return;
	}
	ph = l3->af == 4 ? csum_pseudo4(l3->src, l3->dst, 17, ulen) : csum_pseudo6(l3->src, l3->dst, 17, ulen);
	good = csum_verify(ph, p, ulen, 6, &correct);
	/* a computed 0 is sent as 0xffff: 0 means "no checksum" (RFC 768) */
	dec_csum(d, &f_checksum_status, start + 6, good ? CSUM_GOOD : CSUM_BAD, correct ? correct : 0xffff);
}

static void udp_summary(struct decoded *d, const char *what, unsigned len)
{
	struct fmtbuf b = dec_sum_begin(d);

	fmtbuf_str(&b, what);
	fmtbuf_u64(&b, len);
	dec_sum_end(d, &b);
}

void decode_udp(struct decoded *d, struct cursor *c, struct l3info *l3)
{
	uint32_t start = c->off;
	unsigned sport, dport, ulen, sum;
	struct cursor payload;
	int idx = dec_open(d, PROTO_UDP, &f_udp, start, 8), cut, app;

	if (!cursor_has(c, 8)) {	/* tcpdump: the ports when they are there, then the cut mark */
		if (cursor_has(c, 4))
			dec_sum_addrs(d, l3, get_be16(c->buf + start), get_be16(c->buf + start + 2));
		else
			dec_sum_addrs(d, l3, -1, -1);
		if (cursor_has(c, 2))
			dec_be16(d, c, &f_srcport);
		if (cursor_has(c, 2))
			dec_be16(d, c, &f_dstport);
		if (cursor_has(c, 2))
			dec_be16(d, c, &f_length);
		dec_short(d, c, PROTO_UDP);
		dec_close(d, idx, c->off);
		return;
	}
	sport = dec_be16(d, c, &f_srcport);
	dport = dec_be16(d, c, &f_dstport);
	ulen = dec_be16(d, c, &f_length);
	if (ulen == 0 && l3->jumbo && l3->claimed <= 0xffffffffu)
		ulen = l3->claimed;	/* RFC 2675: in a jumbogram the length is the IPv6 payload's */
	sum = dec_be16(d, c, &f_checksum);
	dec_sum_addrs(d, l3, (int)sport, (int)dport);
	if (d->inner && (ulen < 8 || ulen > l3->claimed || start + ulen > c->end)) {
		/* a quote cut inside the datagram (ICMP errors over IPv4 keep 8 bytes of it): as
		 * tshark, DNS gets what the quote holds of it, anything else stops here */
		dec_csum(d, &f_checksum_status, start + 6, CSUM_UNVERIFIED, 0);
		dec_close(d, idx, c->off);
		dec_sum_str(d, "UDP");
		if ((sport == 53 || dport == 53) && cursor_left(c) > 0)
			decode_dns(d, c, 0, ulen - 8);
		c->off = c->end;
		return;
	}
	udp_checksum(d, c, start, ulen, sum, l3);
	if (ulen < 8 || (ulen > l3->claimed && !l3->fragment)) {
		dec_malformed(d, start + 4, 2, ulen < 8 ? "UDP length below 8" : "UDP length exceeds the IP payload");
		dec_close(d, idx, c->off);
		if (ulen < 8)
			udp_summary(d, "UDP, bad length ", ulen);
		else {
			struct fmtbuf b = dec_sum_begin(d);

			fmtbuf_str(&b, "UDP, bad length ");
			fmtbuf_u64(&b, ulen - 8);
			fmtbuf_str(&b, " > ");
			fmtbuf_u64(&b, l3->claimed >= 8 ? l3->claimed - 8 : 0);
			dec_sum_end(d, &b);
		}
		decode_data(d, c);
		return;
	}
	app = l3->fragment ? 0 : (sport == 53 || dport == 53) ? 1 :
	      ((sport == 67 || sport == 68) && (dport == 67 || dport == 68)) ? 2 :
	      (sport == 4789 || dport == 4789) ? 3 : (sport == 6081 || dport == 6081) ? 4 :
	      (sport == 1701 || dport == 1701) ? 5 : 0;
	cut = !app && !l3->fragment && start + ulen > c->end && dec_short_note(d, c, PROTO_UDP);
	dec_close(d, idx, c->off);
	payload = cursor_sub(c, ulen - 8);
	if (app == 1) {
		decode_dns(d, &payload, 1, ulen - 8);
	} else if (app == 2) {
		decode_dhcp(d, &payload, ulen - 8);
	} else if (app >= 3 && dec_encap_enter(d, &payload)) {
		if (app == 3)
			decode_vxlan(d, &payload);
		else if (app == 4)
			decode_geneve(d, &payload);
		else
			decode_l2tp(d, &payload, ulen - 8);
	} else if (app >= 3) {
		/* too deep: dec_encap_enter made the rest data */
	} else {
		udp_summary(d, "UDP, length ", ulen - 8);
		if (cut)
			dec_sum_trunc(d, PROTO_UDP);
		decode_data(d, &payload);
	}
	c->off = payload.off;
}
