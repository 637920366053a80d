/* decode_ah.c — IPsec Authentication Header (RFC 4302), IP protocol 51: the header, then the packet it protects. */
/*
 * RFC 4302 section 2:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Next Header   |  Payload Len  |          RESERVED             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Security Parameters Index (SPI)               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Sequence Number Field                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Integrity Check Value-ICV (variable)           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Payload Len is the header's length in 32-bit words minus 2: (len + 2) * 4 bytes. AH signs the
 * packet but does not hide it, so the next header (ICMP, TCP, an inner IP packet...) is decoded.
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct field_def f_ah FIELD_REG = {
	"ah", "Authentication Header", FT_PROTO, NULL, NULL,
	"IPsec AH: proves who sent the packet and that nobody changed it on the way (it does not encrypt).",
};
static const struct field_def f_next FIELD_REG = {
	"ah.next_header", "Next header", FT_UINT, ipproto_names, NULL, "The protocol of the header after AH.",
};
static const struct field_def f_length FIELD_REG = {
	"ah.length", "Length", FT_UINT, NULL, NULL, "The header's length in 4-byte words, minus 2.",
};
static const struct field_def f_reserved FIELD_REG = {
	"ah.reserved", "Reserved", FT_BYTES, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_spi FIELD_REG = {
	"ah.spi", "AH SPI", FT_HEX, NULL, NULL,
	"Security Parameters Index: which security association (keys, algorithm) signed the packet.",
};
static const struct field_def f_seq FIELD_REG = {
	"ah.sequence", "AH Sequence", FT_UINT, NULL, NULL, "Counts the packets of the association: replays are refused.",
};
static const struct field_def f_icv FIELD_REG = {
	"ah.icv", "AH ICV", FT_BYTES, NULL, NULL, "Integrity Check Value: the signature over the packet.",
};

/* tcpdump: "AH(spi=0x00000101,seq=0x1,icv=0x...): ", as far as the capture goes (it stops where it is cut) */
static void ah_summary(struct decoded *d, const struct cursor *c, uint32_t start, uint32_t icvlen)
{
	struct fmtbuf b = dec_sum_begin(d);
	uint32_t have = c->end - start;
	const uint8_t *h = c->buf + start;

	if (have >= 1)	/* tcpdump reads the next header, prints "AH", reads the length, prints "(" */
		fmtbuf_str(&b, have >= 2 ? "AH(" : "AH");
	if (have >= 4 && get_be16(h + 2)) {
		fmtbuf_str(&b, "reserved=0x");
		fmtbuf_hex(&b, get_be16(h + 2), 0);
		fmtbuf_str(&b, "[MustBeZero],");
	}
	if (have >= 8) {
		fmtbuf_str(&b, "spi=0x");
		fmtbuf_hex(&b, get_be32(h + 4), 8);
		fmtbuf_char(&b, ',');
	}
	if (have >= 12) {
		fmtbuf_str(&b, "seq=0x");
		fmtbuf_hex(&b, get_be32(h + 8), 0);
		fmtbuf_str(&b, ",icv=0x");
		fmtbuf_hexbytes(&b, h + 12, have - 12 < icvlen ? have - 12 : icvlen, 0);
		if (have - 12 >= icvlen)
			fmtbuf_str(&b, "): ");
	}
	dec_sum_end(d, &b);
}

void decode_ah(struct decoded *d, struct cursor *c, struct l3info *l3)
{
	uint32_t start = c->off, hlen, icvlen;
	unsigned next;
	struct l3info in = *l3;
	int idx;

	if (l3->summary_open)
		dec_sum_addrs(d, l3, -1, -1);
	if (cursor_left(c) == 0) {	/* nothing after IP: tcpdump marks the cut, Wireshark shows no AH */
		dec_sum_trunc(d, PROTO_AH);
		return;
	}
	idx = dec_open(d, PROTO_AH, &f_ah, start, cursor_left(c));
	next = dec_u8(d, c, &f_next);
	hlen = (dec_u8(d, c, &f_length) + 2) * 4;
	dec_bytes(d, c, &f_reserved, 2);
	dec_be32(d, c, &f_spi);
	dec_be32(d, c, &f_seq);
	/* a length below 12 leaves no ICV, and the next header starts where the length says (inside
	 * the sequence number or before), for Wireshark and tcpdump alike */
	icvlen = hlen > 12 ? hlen - 12 : 0;
	ah_summary(d, c, start, icvlen);
	if (c->truncated || !cursor_has(c, icvlen)) {
		c->off = start + 12 <= c->end ? start + 12 : c->off;
		dec_short(d, c, PROTO_AH);
		dec_close(d, idx, c->end);
		c->off = c->end;
		return;
	}
	if (icvlen)
		dec_bytes(d, c, &f_icv, icvlen);
	else
		c->off = start + hlen;
	dec_close(d, idx, start + 12 + icvlen);
	/* what follows: its length is what IP gave less AH; tcpdump writes ports alone for TCP and UDP */
	in.claimed = l3->claimed > c->off - start ? l3->claimed - (c->off - start) : 0;
	in.plen = l3->plen > c->off - start ? l3->plen - (c->off - start) : 0;
	in.summary_open = 0;
	in.ports_only = 1;
	if (dec_encap_enter(d, c))	/* AH inside AH inside AH...: bounded like tunnels */
		decode_ipproto(d, c, next, &in);
}
