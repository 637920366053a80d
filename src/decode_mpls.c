/* decode_mpls.c — MPLS label stacks (RFC 3032), then the payload guessed from its first nibble as Wireshark and tcpdump do. */
/*
 * RFC 3032 section 2.1; the traffic class field (formerly EXP) per RFC 5462.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Label                  | TC  |S|       TTL     |   one entry; S marks the last
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Nothing names the payload's protocol: labels 0 and 2 are the IPv4 and IPv6 explicit-null
 * labels, and otherwise a first nibble of 4 or 6 is taken as IPv4 or IPv6.
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok label_names[] = {
	{ 0, "IPv4 Explicit-Null" }, { 1, "Router Alert" }, { 2, "IPv6 Explicit-Null" },
	{ 3, "Implicit-Null" }, { 7, "Entropy Label Indicator" }, { 13, "Generic Associated Channel Label" },
	{ 14, "OAM Alert" }, { 15, "Extension" }, { 0, NULL }
};

static const struct field_def f_mpls FIELD_REG = {
	"mpls", "MultiProtocol Label Switching Header", FT_PROTO, NULL, NULL,
	"MPLS: routers forward the packet by a short label instead of looking up its IP address.",
};
static const struct field_def f_label FIELD_REG = {
	"mpls.label", "MPLS Label", FT_UINT, label_names, NULL,
	"Label: the forwarding path the next router should use (0-15 are reserved meanings).",
};
static const struct field_def f_exp FIELD_REG = {
	"mpls.exp", "MPLS Experimental Bits", FT_UINT, NULL, NULL, "Traffic class: a priority for queueing.",
};
static const struct field_def f_bottom FIELD_REG = {
	"mpls.bottom", "MPLS Bottom Of Label Stack", FT_UINT, NULL, NULL,
	"1 on the last label: the payload follows.",
};
static const struct field_def f_ttl FIELD_REG = {
	"mpls.ttl", "MPLS TTL", FT_UINT, NULL, NULL, "Hops left, as IP's TTL.",
};

void decode_mpls(struct decoded *d, struct cursor *c)
{
	uint32_t e = 0, label = 0;
	struct fmtbuf b;
	unsigned first;
	int n = 0;

	dec_sum_str(d, "MPLS");
	do {
		uint32_t off = c->off;
		/* one "mpls" in the layer list for the whole stack, as Wireshark lists it */
		int idx = n ? dec_group(d, &f_mpls, off, 4) : dec_open(d, PROTO_MPLS, &f_mpls, off, 4);

		if (!cursor_has(c, 4)) {
			dec_short(d, c, PROTO_MPLS);
			dec_close(d, idx, 0);
			c->off = c->end;
			return;
		}
		e = get_be32(c->buf + off);
		label = e >> 12;
		dec_add(d, &f_label, off, 4, label);
		dec_add(d, &f_exp, off, 4, (e >> 9) & 7);
		dec_add(d, &f_bottom, off, 4, (e >> 8) & 1);
		dec_add(d, &f_ttl, off, 4, e & 0xff);
		c->off += 4;
		dec_close(d, idx, 0);
		b = dec_sum_begin(d);
		fmtbuf_str(&b, " (label ");
		fmtbuf_u64(&b, label);
		fmtbuf_str(&b, ", tc ");
		fmtbuf_u64(&b, (e >> 9) & 7);
		if (e & 0x100)
			fmtbuf_str(&b, ", [S]");
		fmtbuf_str(&b, ", ttl ");
		fmtbuf_u64(&b, e & 0xff);
		fmtbuf_char(&b, ')');
		dec_sum_end(d, &b);
	} while (!(e & 0x100) && ++n < 16);
	if (!(e & 0x100)) {
		decode_data(d, c);
		return;
	}
	first = cursor_has(c, 1) ? c->buf[c->off] >> 4 : 0;
	if (label == 0 || (label != 2 && first == 4)) {
		dec_sum_str(d, " ");
		decode_ip(d, c);
	} else if (label == 2 || first == 6) {
		dec_sum_str(d, " ");
		decode_ipv6(d, c);
	} else {
		decode_data(d, c);	/* tcpdump dumps it in hex; Wireshark guesses pseudowires (not here) */
	}
}
