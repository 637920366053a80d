/* decode_geneve.c — Generic Network Virtualization Encapsulation (RFC 8926), UDP port 6081, with its options. */
/*
 * RFC 8926 sections 3.4 and 3.5:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Ver|  Opt Len  |O|C|    Rsvd.  |          Protocol Type        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Virtual Network Identifier (VNI)       |    Reserved   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Variable-Length Options                    |  Opt Len x 4 bytes
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Each option:
 * |          Option Class         |      Type     |R|R|R| Length  |  Length x 4 data bytes follow
 *
 * Protocol Type is an EtherType; 0x6558 is an Ethernet frame.
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok proto_names[] = {
	{ 0x0800, "IPv4" }, { 0x86dd, "IPv6" }, { 0x6558, "Transparent Ethernet bridging" }, { 0, NULL }
};

static const struct field_def f_geneve FIELD_REG = {
	"geneve", "Generic Network Virtualization Encapsulation", FT_PROTO, NULL, NULL,
	"Geneve: carries a frame over UDP for a virtual network, with extensible options.",
};
static const struct field_def f_version FIELD_REG = {
	"geneve.version", "Version", FT_UINT, NULL, NULL, "Geneve version: 0.",
};
static const struct field_def f_flags FIELD_REG = {
	"geneve.flags", "Flags", FT_HEX, NULL, NULL, "Flags: O (control message) and C (critical options present).",
};
static const struct field_def f_oam FIELD_REG = {
	"geneve.flags.oam", "Operations, Administration and Management Frame", FT_BOOL, NULL, NULL,
	"A control message for the tunnel endpoints, not user data.",
};
static const struct field_def f_critical FIELD_REG = {
	"geneve.flags.critical", "Critical Options Present", FT_BOOL, NULL, NULL,
	"An option follows that a receiver must understand or drop the packet.",
};
static const struct field_def f_flres FIELD_REG = {
	"geneve.flags.reserved", "Reserved", FT_BOOL, NULL, NULL, "Reserved flag bits: zero.",
};
static const struct field_def f_proto FIELD_REG = {
	"geneve.proto_type", "Protocol Type", FT_HEX, proto_names, NULL,
	"EtherType of the payload (0x6558: an Ethernet frame).",
};
static const struct field_def f_vni FIELD_REG = {
	"geneve.vni", "Virtual Network Identifier (VNI)", FT_UINT, NULL, NULL,
	"VNI: which virtual network the payload belongs to.",
};
static const struct field_def f_reserved FIELD_REG = {
	"geneve.reserved", "Reserved", FT_HEX, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_options FIELD_REG = {
	"geneve.options", "Geneve Options", FT_GROUP, NULL, NULL, "Options: type-length-value extensions.",
};
static const struct field_def f_option FIELD_REG = {
	"geneve.option", "Option", FT_GROUP, NULL, NULL, "One option: class, type, length and data.",
};
static const struct field_def f_opt_class FIELD_REG = {
	"geneve.option.class", "Class", FT_HEX, NULL, NULL, "Option class: who defined this option (a vendor or IETF).",
};
static const struct field_def f_opt_type FIELD_REG = {
	"geneve.option.type", "Type", FT_HEX, NULL, NULL, "Option type within its class.",
};
static const struct field_def f_opt_crit FIELD_REG = {
	"geneve.option.type.critical", "Critical Option", FT_BOOL, NULL, NULL,
	"A receiver that does not know this option must drop the packet.",
};
static const struct field_def f_opt_flags FIELD_REG = {
	"geneve.option.flags", "Flags", FT_HEX, NULL, NULL, "Reserved option flags.",
};
static const struct field_def f_opt_len FIELD_REG = {
	"geneve.option.length", "Length", FT_UINT, NULL, " bytes",
	"Length in bytes: of all options (in the header), or of one option with its 4-byte header.",
};
static const struct field_def f_opt_data FIELD_REG = {
	"geneve.option.unknown.data", "Unknown Option Data", FT_BYTES, NULL, NULL, "The option's data, not decoded.",
};

static void geneve_options(struct decoded *d, struct cursor *o)
{
	while (cursor_has(o, 4)) {
		uint32_t off = o->off;
		unsigned type = o->buf[off + 2], len = (o->buf[off + 3] & 0x1f) * 4u;
		int g;

		if (len > cursor_left(o) - 4) {
			dec_malformed(d, off, cursor_left(o), "Geneve option runs past the options");
			o->off = o->end;
			return;
		}
		g = dec_group(d, &f_option, off, 4 + len);
		dec_be16(d, o, &f_opt_class);
		dec_add(d, &f_opt_type, off + 2, 1, type);
		dec_add(d, &f_opt_crit, off + 2, 1, type >> 7);
		dec_add(d, &f_opt_flags, off + 3, 1, o->buf[off + 3] >> 5);
		dec_add(d, &f_opt_len, off + 3, 1, 4 + len);	/* Wireshark: the whole option, in bytes */
		o->off = off + 4;	/* past class (read above), type and length */
		if (len)
			dec_bytes(d, o, &f_opt_data, len);
		dec_close(d, g, 0);
	}
	if (cursor_left(o))
		dec_malformed(d, o->off, cursor_left(o), "Geneve options end inside an option header");
}

void decode_geneve(struct decoded *d, struct cursor *c)
{
	uint32_t off = c->off, vni, optlen;
	unsigned v, fl, proto;
	struct fmtbuf b;
	int idx = dec_open(d, PROTO_GENEVE, &f_geneve, off, 8);

	dec_sum_str(d, "Geneve");
	if (!cursor_has(c, 8)) {
		dec_short(d, c, PROTO_GENEVE);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	v = c->buf[off];
	fl = c->buf[off + 1];
	proto = get_be16(c->buf + off + 2);
	vni = get_be32(c->buf + off + 4) >> 8;
	optlen = (v & 0x3f) * 4u;
	dec_add(d, &f_version, off, 1, v >> 6);
	dec_add(d, &f_opt_len, off, 1, optlen);	/* Wireshark shows Opt Len under the option length's name */
	if (v >> 6) {
		b = dec_sum_begin(d);
		fmtbuf_str(&b, " ERROR: unknown-version ");
		fmtbuf_u64(&b, v >> 6);
		dec_sum_end(d, &b);
		dec_close(d, idx, off + 1);
		c->off = off + 1;
		decode_data(d, c);
		return;
	}
	dec_add(d, &f_flags, off + 1, 1, fl);
	dec_add(d, &f_oam, off + 1, 1, fl >> 7);
	dec_add(d, &f_critical, off + 1, 1, (fl >> 6) & 1);
	dec_add(d, &f_flres, off + 1, 1, !!(fl & 0x3f));
	dec_add(d, &f_proto, off + 2, 2, proto);
	dec_add(d, &f_vni, off + 4, 3, vni);
	dec_add(d, &f_reserved, off + 7, 1, c->buf[off + 7]);
	c->off += 8;
	b = dec_sum_begin(d);
	fmtbuf_str(&b, ", Flags [");
	if (fl & 0xc0) {
		if (fl & 0x80)
			fmtbuf_char(&b, 'O');
		if (fl & 0x40)
			fmtbuf_char(&b, 'C');
	} else {
		fmtbuf_str(&b, "none");
	}
	fmtbuf_str(&b, "], vni 0x");
	fmtbuf_hex(&b, vni, 0);
	if (c->buf[off + 7]) {
		fmtbuf_str(&b, ", rsvd 0x");
		fmtbuf_hex(&b, c->buf[off + 7], 0);
	}
	if (optlen > cursor_left(c)) {
		dec_sum_end(d, &b);
		dec_short(d, c, PROTO_GENEVE);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	if (optlen) {
		struct cursor o = cursor_sub(c, optlen);
		int g = dec_group(d, &f_options, c->off, optlen);

		geneve_options(d, &o);
		dec_close(d, g, 0);
		c->off += optlen;
		fmtbuf_str(&b, ", options [");
		fmtbuf_u64(&b, optlen);
		fmtbuf_str(&b, " bytes]");
	}
	fmtbuf_str(&b, ": ");
	dec_sum_end(d, &b);
	dec_close(d, idx, c->off);
	if (proto == 0x6558) {	/* decode_udp counted the tunnel */
		decode_eth(d, c);
	} else if (proto == 0x0800 || proto == 0x86dd || proto == 0x0806 || proto == 0x8847) {
		decode_ethertype(d, c, proto);
	} else {
		b = dec_sum_begin(d);
		fmtbuf_str(&b, "geneve-proto-0x");
		fmtbuf_hex(&b, proto, 0);
		dec_sum_end(d, &b);
		decode_data(d, c);
	}
}
