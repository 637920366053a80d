/* decode_erspan.c — Cisco ERSPAN type I and II (draft-foschiano-erspan), the mirrored Ethernet frame inside GRE. */
/*
 * draft-foschiano-erspan-03 sections 4.1 and 4.2. Type I has no header of its own: the GRE header
 * (protocol 0x88be, no sequence number) is followed by the mirrored frame. Type II (GRE with a
 * sequence number) adds 8 bytes:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Ver  |          VLAN         | COS | En|T|    Session ID     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Reserved         |                  Index                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 the mirrored Ethernet frame ...               |
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok encap_names[] = {
	{ 0, "Originally without VLAN tag" }, { 1, "Originally ISL encapsulated" },
	{ 2, "Originally 802.1Q encapsulated" }, { 3, "VLAN tag preserved in frame" }, { 0, NULL }
};

static const struct field_def f_erspan FIELD_REG = {
	"erspan", "Encapsulated Remote Switch Packet ANalysis", FT_PROTO, NULL, NULL,
	"ERSPAN: a switch mirrors a port's frames to a remote analyser, wrapped in GRE.",
};
static const struct field_def f_version FIELD_REG = {
	"erspan.version", "Version", FT_UINT, NULL, NULL, "ERSPAN version: 1 is type II.",
};
static const struct field_def f_vlan FIELD_REG = {
	"erspan.vlan", "Vlan", FT_UINT, NULL, NULL, "The VLAN the mirrored frame was on.",
};
static const struct field_def f_cos FIELD_REG = {
	"erspan.cos", "COS", FT_UINT, NULL, NULL, "Class of service of the mirrored frame.",
};
static const struct field_def f_encap FIELD_REG = {
	"erspan.encap", "Encap", FT_UINT, encap_names, NULL, "How the original frame was VLAN-tagged.",
};
static const struct field_def f_truncated FIELD_REG = {
	"erspan.truncated", "Truncated", FT_UINT, NULL, NULL,
	"1: the mirrored frame was cut to fit the tunnel.",
};
static const struct field_def f_spanid FIELD_REG = {
	"erspan.spanid", "SpanID", FT_UINT, NULL, NULL, "The mirroring session this frame belongs to.",
};
static const struct field_def f_reserved FIELD_REG = {
	"erspan.reserved", "Reserved", FT_UINT, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_index FIELD_REG = {
	"erspan.index", "Index", FT_UINT, NULL, NULL, "The port the frame was mirrored from.",
};

void decode_erspan(struct decoded *d, struct cursor *c, int type2)
{
	uint32_t off = c->off;
	unsigned a, id;
	uint32_t b;
	struct fmtbuf s;
	int idx = dec_open(d, PROTO_ERSPAN, &f_erspan, off, type2 ? 8 : 0);

	if (!type2) {
		dec_close(d, idx, 0);
		dec_sum_str(d, "ERSPAN I: ");
		decode_eth(d, c);
		return;
	}
	if (!cursor_has(c, 8)) {
		dec_sum_str(d, "ERSPAN");
		dec_short(d, c, PROTO_ERSPAN);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	a = get_be16(c->buf + off);
	id = get_be16(c->buf + off + 2);
	b = get_be32(c->buf + off + 4);
	dec_add(d, &f_version, off, 2, a >> 12);
	dec_add(d, &f_vlan, off, 2, a & 0xfff);
	dec_add(d, &f_cos, off + 2, 2, id >> 13);
	dec_add(d, &f_encap, off + 2, 2, (id >> 11) & 3);
	dec_add(d, &f_truncated, off + 2, 2, (id >> 10) & 1);
	dec_add(d, &f_spanid, off + 2, 2, id & 0x3ff);
	dec_add(d, &f_reserved, off + 4, 4, b >> 20);
	dec_add(d, &f_index, off + 4, 4, b & 0xfffff);
	c->off += 8;
	dec_close(d, idx, 0);
	s = dec_sum_begin(d);
	fmtbuf_str(&s, "ERSPAN II, session ");
	fmtbuf_u64(&s, id & 0x3ff);
	fmtbuf_str(&s, ": ");
	dec_sum_end(d, &s);
	decode_eth(d, c);
}
