/* decode_icmp_extecho.c — ICMP Extended Echo (RFC 8335, types 42/43): PROBE a remote interface, and the ICMP extension structure (RFC 4884) it carries. */
/*
 * RFC 8335 sections 2 and 3:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Identifier          |Sequence Number|  Reserved   |L|   request (42)
 * |           Identifier          |Sequence Number|State|Res|A|4|6|   reply (43)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Version=2 |       Reserved        |           Checksum        |   request: RFC 4884 header
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Length            |   Class-Num   |   C-Type      |   Interface Identification
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+   Object (class 3): by name (1),
 * |                     object payload ...                        |   index (2) or address (3)
 */
#include "bytes.h"
#include "checksum.h"
#include "decode_priv.h"

static const struct tok state_names[] = {
	{ 0, "No Error" }, { 1, "Incomplete" }, { 2, "Reachable" }, { 3, "Stale" }, { 4, "Delay" },
	{ 5, "Probe" }, { 6, "Failed" }, { 0, NULL }
};
static const struct tok class_names[] = {
	{ 1, "MPLS Label Stack Class" }, { 2, "Interface Information Object" },
	{ 3, "Interface Identification Object" }, { 0, NULL }
};
static const struct tok ctype_names[] = {
	{ 1, "Identifies Interface By Name" }, { 2, "Identifies Interface By Index" },
	{ 3, "Identifies Interface By Address" }, { 0, NULL }
};
static const struct tok afi_names[] = { { 1, "IPv4" }, { 2, "IPv6" }, { 0, NULL } };

static const struct field_def f_seq FIELD_REG = {
	"icmp.ext.echo.seq", "Sequence Number", FT_UINT, NULL, NULL, "Counts the probes; the reply copies it.",
};
static const struct field_def f_req_res FIELD_REG = {
	"icmp.ext.echo.req.res", "Reserved", FT_HEX, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_req_local FIELD_REG = {
	"icmp.ext.echo.req.local", "Local bit", FT_BOOL, NULL, NULL,
	"Set: the probed interface is on the node that receives this request.",
};
static const struct field_def f_rsp_state FIELD_REG = {
	"icmp.ext.echo.rsp.state", "State", FT_UINT, state_names, NULL,
	"Neighbour state of a probed remote interface (Reachable, Stale...).",
};
static const struct field_def f_rsp_res FIELD_REG = {
	"icmp.ext.echo.rsp.res", "Reserved", FT_HEX, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_rsp_active FIELD_REG = {
	"icmp.ext.echo.rsp.active", "Active bit", FT_BOOL, NULL, NULL, "The probed interface is up.",
};
static const struct field_def f_rsp_ipv4 FIELD_REG = {
	"icmp.ext.echo.rsp.ipv4", "IPv4 bit", FT_BOOL, NULL, NULL, "The interface runs IPv4.",
};
static const struct field_def f_rsp_ipv6 FIELD_REG = {
	"icmp.ext.echo.rsp.ipv6", "IPv6 bit", FT_BOOL, NULL, NULL, "The interface runs IPv6.",
};
static const struct field_def f_ext FIELD_REG = {
	"icmp.ext", "ICMP Multi-Part Extensions", FT_GROUP, NULL, NULL,
	"ICMP extension structure (RFC 4884): typed objects after the message.",
};
static const struct field_def f_ext_version FIELD_REG = {
	"icmp.ext.version", "Version", FT_UINT, NULL, NULL, "Extension structure version: 2.",
};
static const struct field_def f_ext_res FIELD_REG = {
	"icmp.ext.res", "Reserved", FT_HEX, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_ext_checksum FIELD_REG = {
	"icmp.ext.checksum", "Checksum", FT_HEX, NULL, NULL, "Checksum over the extension structure.",
};
static const struct field_def f_ext_checksum_status FIELD_REG = {
	"icmp.ext.checksum.status", "Checksum Status", FT_CSUM, NULL, NULL,
	"Whether the extension checksum matches its bytes.",
};
static const struct field_def f_obj FIELD_REG = {
	"icmp.ext.object", "Object", FT_GROUP, class_names, NULL, "One extension object: length, class, type, payload.",
};
static const struct field_def f_obj_len FIELD_REG = {
	"icmp.ext.length", "Length", FT_UINT, NULL, NULL, "Bytes in this object, its 4-byte header included.",
};
static const struct field_def f_obj_class FIELD_REG = {
	"icmp.ext.class", "Class", FT_UINT, class_names, NULL, "What the object describes (3: the interface probed).",
};
static const struct field_def f_obj_ctype FIELD_REG = {
	"icmp.ext.ctype", "C-Type", FT_UINT, ctype_names, NULL, "How the interface is named: 1 name, 2 index, 3 address.",
};
static const struct field_def f_id_name FIELD_REG = {
	"icmp.int_ident.name", "Name", FT_STRING, NULL, NULL, "The probed interface's name.",
};
static const struct field_def f_id_index FIELD_REG = {
	"icmp.int_ident.index", "Interface Index", FT_UINT, NULL, NULL, "The probed interface's ifIndex.",
};
static const struct field_def f_id_afi FIELD_REG = {
	"icmp.int_ident.afi", "Address Family Identifier", FT_UINT, afi_names, NULL, "1 IPv4, 2 IPv6.",
};
static const struct field_def f_id_alen FIELD_REG = {
	"icmp.int_ident.addr_length", "Address Length", FT_UINT, NULL, NULL, "Bytes of the address.",
};
static const struct field_def f_id_res FIELD_REG = {
	"icmp.int_ident.reserved", "Reserved", FT_BYTES, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_id_ipv4 FIELD_REG = {
	"icmp.int_ident.ipv4", "Address", FT_IPV4, NULL, NULL, "An address of the probed interface.",
};
static const struct field_def f_id_ipv6 FIELD_REG = {
	"icmp.int_ident.ipv6", "Address", FT_IPV6, NULL, NULL, "An address of the probed interface.",
};
static const struct field_def f_obj_data FIELD_REG = {
	"icmp.ext.data", "Data", FT_BYTES, NULL, NULL, "The object's payload, not decoded here.",
};

static void ident_object(struct decoded *d, struct cursor *o, unsigned ctype)
{
	switch (ctype) {
	case 1:
		if (cursor_left(o))
			dec_bytes(d, o, &f_id_name, cursor_left(o));
		break;
	case 2:
		dec_be32(d, o, &f_id_index);
		break;
	case 3: {
		unsigned afi = dec_be16(d, o, &f_id_afi), alen = dec_u8(d, o, &f_id_alen);

		dec_bytes(d, o, &f_id_res, 1);
		if (afi == 1 && alen == 4)
			dec_bytes(d, o, &f_id_ipv4, 4);
		else if (afi == 2 && alen == 16)
			dec_bytes(d, o, &f_id_ipv6, 16);
		break;
	}
	}
	if (cursor_left(o))
		dec_bytes(d, o, &f_obj_data, cursor_left(o));
}

/* The RFC 4884 extension structure after a request: a header, then objects. */
static void ext_structure(struct decoded *d, struct cursor *c)
{
	uint32_t start = c->off, n = cursor_left(c);
	uint16_t correct = 0;
	unsigned h;
	int g;

	if (!dec_tree(d)) {
		c->off = c->end;
		return;
	}
	if (!cursor_has(c, 4))
		return;
	g = dec_group(d, &f_ext, start, n);
	h = get_be16(c->buf + start);
	dec_add(d, &f_ext_version, start, 1, h >> 12);
	dec_add(d, &f_ext_res, start, 2, h & 0xfff);
	c->off += 2;
	dec_be16(d, c, &f_ext_checksum);
	dec_csum(d, &f_ext_checksum_status, start + 2,
		 csum_verify(0, c->buf + start, n, 2, &correct) ? CSUM_GOOD : CSUM_BAD, correct);
	while (cursor_has(c, 4)) {
		uint32_t off = c->off;
		unsigned len = get_be16(c->buf + off), class = c->buf[off + 2], ctype = c->buf[off + 3];
		struct cursor o;
		int og;

		if (len < 4 || len > cursor_left(c)) {
			dec_malformed(d, off, cursor_left(c), "ICMP extension object length runs past the message");
			c->off = c->end;
			break;
		}
		og = dec_group(d, &f_obj, off, len);
		if (og >= 0)
			d->fields[og].value = class;
		dec_be16(d, c, &f_obj_len);
		dec_u8(d, c, &f_obj_class);
		dec_u8(d, c, &f_obj_ctype);
		o = cursor_sub(c, len - 4);
		if (class == 3)
			ident_object(d, &o, ctype);
		else if (cursor_left(&o))
			dec_bytes(d, &o, &f_obj_data, cursor_left(&o));
		c->off = off + len;
		dec_close(d, og, 0);
	}
	dec_close(d, g, 0);
}

void decode_icmp_extecho(struct decoded *d, struct cursor *c, unsigned type)
{
	uint32_t off;
	unsigned b;

	dec_be16(d, c, &dec_icmp_ident);
	dec_u8(d, c, &f_seq);
	if (!cursor_has(c, 1)) {
		c->truncated = 1;
		return;
	}
	off = c->off;
	b = c->buf[off];
	if (type == 42) {
		dec_add(d, &f_req_res, off, 1, b >> 1);
		dec_add(d, &f_req_local, off, 1, b & 1);
	} else {
		dec_add(d, &f_rsp_state, off, 1, b >> 5);
		dec_add(d, &f_rsp_res, off, 1, (b >> 3) & 3);
		dec_add(d, &f_rsp_active, off, 1, (b >> 2) & 1);
		dec_add(d, &f_rsp_ipv4, off, 1, (b >> 1) & 1);
		dec_add(d, &f_rsp_ipv6, off, 1, b & 1);
	}
	c->off++;
	if (type == 42 && !d->inner)
		ext_structure(d, c);
}
