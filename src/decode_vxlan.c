/* decode_vxlan.c — Virtual eXtensible LAN (RFC 7348; group policy bits of draft-smith-vxlan-group-policy), UDP port 4789. */
/*
 * RFC 7348 section 5:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |G|R|R|R|I|R|R|R|R|D|R|R|A|R|R|R|   Group Policy ID (or zero)   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          VXLAN Network Identifier (VNI)       |   Reserved    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   the inner Ethernet frame ...                |
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct field_def f_vxlan FIELD_REG = {
	"vxlan", "Virtual eXtensible Local Area Network", FT_PROTO, NULL, NULL,
	"VXLAN: carries Ethernet frames over UDP, so virtual networks can span routed ones.",
};
static const struct field_def f_flags FIELD_REG = {
	"vxlan.flags", "Flags", FT_HEX, NULL, NULL, "Flags: I (a VNI is present) and the group policy bits.",
};
static const struct field_def f_flag_g FIELD_REG = {
	"vxlan.flag_g", "GBP Extension", FT_BOOL, NULL, NULL, "A group policy ID follows the flags.",
};
static const struct field_def f_flag_i FIELD_REG = {
	"vxlan.flag_i", "VXLAN Network ID (VNI)", FT_BOOL, NULL, NULL, "The VNI field is valid (always set).",
};
static const struct field_def f_flag_d FIELD_REG = {
	"vxlan.flag_d", "Don't Learn", FT_BOOL, NULL, NULL, "The receiver should not learn the inner source MAC.",
};
static const struct field_def f_flag_a FIELD_REG = {
	"vxlan.flag_a", "Policy Applied", FT_BOOL, NULL, NULL, "The group policy was already applied.",
};
static const struct field_def f_flags_res FIELD_REG = {
	"vxlan.flags_reserved", "Reserved(R)", FT_HEX, NULL, NULL, "Reserved flag bits: zero.",
};
static const struct field_def f_gbp FIELD_REG = {
	"vxlan.gbp", "Group Policy ID", FT_UINT, NULL, NULL, "The sender's policy group.",
};
static const struct field_def f_vni FIELD_REG = {
	"vxlan.vni", "VXLAN Network Identifier (VNI)", FT_UINT, NULL, NULL,
	"VNI: which virtual network (of 16 million) the inner frame belongs to.",
};
static const struct field_def f_res8 FIELD_REG = {
	"vxlan.reserved8", "Reserved", FT_UINT, NULL, NULL, "Reserved: zero.",
};

void decode_vxlan(struct decoded *d, struct cursor *c)
{
	uint32_t off = c->off, vni;
	unsigned fl;
	struct fmtbuf b;
	int idx = dec_open(d, PROTO_VXLAN, &f_vxlan, off, 8);

	dec_sum_str(d, "VXLAN");
	if (!cursor_has(c, 8)) {
		if (cursor_has(c, 2)) {	/* the flags, as far as the capture goes */
			fl = get_be16(c->buf + off);
			dec_add(d, &f_flags, off, 2, fl);
			dec_add(d, &f_flag_g, off, 2, !!(fl & 0x8000));
			dec_add(d, &f_flag_i, off, 2, !!(fl & 0x0800));
			dec_add(d, &f_flag_d, off, 2, !!(fl & 0x0040));
			dec_add(d, &f_flag_a, off, 2, !!(fl & 0x0008));
			dec_add(d, &f_flags_res, off, 2, fl & 0x77b7);
			if ((fl & 0x8000) && cursor_has(c, 4))
				dec_add(d, &f_gbp, off + 2, 2, get_be16(c->buf + off + 2));
		}
		dec_short(d, c, PROTO_VXLAN);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	fl = get_be16(c->buf + off);
	dec_add(d, &f_flags, off, 2, fl);
	dec_add(d, &f_flag_g, off, 2, !!(fl & 0x8000));
	dec_add(d, &f_flag_i, off, 2, !!(fl & 0x0800));
	dec_add(d, &f_flag_d, off, 2, !!(fl & 0x0040));
	dec_add(d, &f_flag_a, off, 2, !!(fl & 0x0008));
	dec_add(d, &f_flags_res, off, 2, fl & 0x77b7);
	if (fl & 0x8000)	/* Wireshark shows the field only with the G bit */
		dec_add(d, &f_gbp, off + 2, 2, get_be16(c->buf + off + 2));
	vni = get_be32(c->buf + off + 4) >> 8;
	dec_add(d, &f_vni, off + 4, 3, vni);
	dec_add(d, &f_res8, off + 7, 1, c->buf[off + 7]);
	c->off += 8;
	dec_close(d, idx, 0);
	/* tcpdump: "VXLAN, flags [I] (0x08), vni 0" and a newline; one line here, so a colon */
	b = dec_sum_begin(d);
	fmtbuf_str(&b, ", flags [");
	fmtbuf_char(&b, (fl >> 8) & 0x08 ? 'I' : '.');
	fmtbuf_str(&b, "] (0x");
	fmtbuf_hex(&b, fl >> 8, 2);
	fmtbuf_str(&b, "), vni ");
	fmtbuf_u64(&b, vni);
	fmtbuf_str(&b, ": ");
	dec_sum_end(d, &b);
	decode_eth(d, c);	/* decode_udp counted the tunnel */
}
