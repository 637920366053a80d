/* decode_gre.c — Generic Routing Encapsulation (RFC 2784, RFC 2890 keys and sequence numbers, RFC 2637 v1). */
/*
 * RFC 2784 section 2, RFC 2890 section 2, RFC 1701 (routing), RFC 2637 4.1 (enhanced GRE, version 1).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |C|R|K|S|s|Recur|A| Flags | Ver |         Protocol Type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Checksum (optional)      |       Offset (optional)       |  C or R
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                         Key (optional)                        |  K (v1: payload length, call id)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                 Sequence Number (optional)                    |  S
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |               Acknowledgment Number (optional, v1)            |  A
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Routing (optional): SREs until one of length 0         |  R
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * The checksum covers the GRE header and payload. The payload is the Protocol Type's EtherType:
 * IPv4, IPv6, MPLS, Ethernet (0x6558), ERSPAN (0x88be), PPP (0x880b, version 1).
 */
#include "checksum.h"
#include "decode_priv.h"
#include "proto.h"

static const struct tok proto_names[] = {
	{ 0x0800, "IP" }, { 0x86dd, "IPv6" }, { 0x0806, "ARP" }, { 0x8847, "MPLS label switched packet" },
	{ 0x6558, "Transparent Ethernet bridging" }, { 0x88be, "ERSPAN" }, { 0x22eb, "ERSPAN" },
	{ 0x880b, "PPP" }, { 0x883e, "WCCP" }, { 0, NULL }
};
static const struct tok version_names[] = {
	{ 0, "GRE" }, { 1, "Enhanced GRE" }, { 0, NULL }
};

static const struct field_def f_gre FIELD_REG = {
	"gre", "Generic Routing Encapsulation", FT_PROTO, NULL, NULL,
	"GRE: wraps one packet inside another so it can cross a network as if on a direct link (a tunnel).",
};
static const struct field_def f_fv FIELD_REG = {
	"gre.flags_and_version", "Flags and Version", FT_HEX, NULL, NULL,
	"Which optional fields follow (checksum, key, sequence number) and the GRE version.",
};
static const struct field_def f_fl_c FIELD_REG = {
	"gre.flags.checksum", "Checksum Bit", FT_BOOL, NULL, NULL, "A checksum over the GRE packet follows.",
};
static const struct field_def f_fl_r FIELD_REG = {
	"gre.flags.routing", "Routing Bit", FT_BOOL, NULL, NULL, "Source routing entries follow (RFC 1701, obsolete).",
};
static const struct field_def f_fl_k FIELD_REG = {
	"gre.flags.key", "Key Bit", FT_BOOL, NULL, NULL, "A key follows: it tells tunnels between the same hosts apart.",
};
static const struct field_def f_fl_s FIELD_REG = {
	"gre.flags.sequence_number", "Sequence Number Bit", FT_BOOL, NULL, NULL,
	"A sequence number follows, so the receiver can keep packets in order.",
};
static const struct field_def f_fl_ssr FIELD_REG = {
	"gre.flags.strict_source_route", "Strict Source Route Bit", FT_BOOL, NULL, NULL,
	"Strict source route (RFC 1701): obsolete, zero.",
};
static const struct field_def f_fl_recur FIELD_REG = {
	"gre.flags.recursion_control", "Recursion control", FT_UINT, NULL, NULL,
	"Recursion control (RFC 1701): obsolete, zero.",
};
static const struct field_def f_fl_ack FIELD_REG = {
	"gre.flags.ack", "Acknowledgment", FT_BOOL, NULL, NULL,
	"Version 1 (PPTP): an acknowledgment number follows.",
};
static const struct field_def f_fl_res FIELD_REG = {
	"gre.flags.reserved", "Flags (Reserved)", FT_UINT, NULL, NULL, "Reserved flag bits: zero.",
};
static const struct field_def f_fl_ver FIELD_REG = {
	"gre.flags.version", "Version", FT_UINT, version_names, NULL,
	"GRE version: 0 for GRE, 1 for the enhanced GRE that PPTP uses.",
};
static const struct field_def f_proto FIELD_REG = {
	"gre.proto", "Protocol Type", FT_HEX, proto_names, NULL,
	"The EtherType of the packet inside (0x0800 IPv4, 0x6558 Ethernet, 0x88be ERSPAN).",
};
static const struct field_def f_checksum FIELD_REG = {
	"gre.checksum", "Checksum", FT_HEX, NULL, NULL, "Checksum over the GRE header and its payload.",
};
static const struct field_def f_checksum_status FIELD_REG = {
	"gre.checksum.status", "Checksum Status", FT_CSUM, NULL, NULL, "Whether the checksum matches the bytes.",
};
static const struct field_def f_offset FIELD_REG = {
	"gre.offset", "Offset", FT_UINT, NULL, NULL, "Offset of the active routing entry (RFC 1701).",
};
static const struct field_def f_key FIELD_REG = {
	"gre.key", "Key", FT_HEX, NULL, NULL, "Key: a number naming this tunnel among several between the same hosts.",
};
static const struct field_def f_key_plen FIELD_REG = {
	"gre.key.payload_length", "Payload Length", FT_UINT, NULL, NULL, "Version 1: bytes of payload after the header.",
};
static const struct field_def f_key_call FIELD_REG = {
	"gre.key.call_id", "Call ID", FT_UINT, NULL, NULL, "Version 1: the PPTP call this packet belongs to.",
};
static const struct field_def f_seq FIELD_REG = {
	"gre.sequence_number", "Sequence Number", FT_UINT, NULL, NULL,
	"Sequence number: counts the packets of this tunnel.",
};
static const struct field_def f_ack FIELD_REG = {
	"gre.ack_number", "Acknowledgment Number", FT_UINT, NULL, NULL,
	"Version 1: the highest sequence number received from the peer.",
};
static const struct field_def f_routing FIELD_REG = {
	"gre.routing", "Routing", FT_GROUP, NULL, NULL, "One source route entry (RFC 1701).",
};
static const struct field_def f_rt_af FIELD_REG = {
	"gre.routing.address_family", "Address Family", FT_UINT, NULL, NULL, "Address family of the entry.",
};
static const struct field_def f_rt_off FIELD_REG = {
	"gre.routing.sre_offset", "SRE Offset", FT_UINT, NULL, NULL, "Offset of the active address in the entry.",
};
static const struct field_def f_rt_len FIELD_REG = {
	"gre.routing.src_length", "SRE Length", FT_UINT, NULL, NULL, "Bytes of routing information.",
};
static const struct field_def f_rt_info FIELD_REG = {
	"gre.routing.information", "Routing Information", FT_BYTES, NULL, NULL, "The route's addresses.",
};

#define GRE_C 0x8000
#define GRE_R 0x4000
#define GRE_K 0x2000
#define GRE_S 0x1000
#define GRE_A 0x0080

static void gre_flags(struct decoded *d, uint32_t off, unsigned fv)
{
	dec_add(d, &f_fv, off, 2, fv);
	dec_add(d, &f_fl_c, off, 2, !!(fv & GRE_C));
	dec_add(d, &f_fl_r, off, 2, !!(fv & GRE_R));
	dec_add(d, &f_fl_k, off, 2, !!(fv & GRE_K));
	dec_add(d, &f_fl_s, off, 2, !!(fv & GRE_S));
	dec_add(d, &f_fl_ssr, off, 2, !!(fv & 0x0800));
	dec_add(d, &f_fl_recur, off, 2, (fv >> 8) & 7);
	if ((fv & 7) == 1)
		dec_add(d, &f_fl_ack, off, 2, !!(fv & GRE_A));
	/* in version 1 the A bit is not reserved (Wireshark's masks: 0xf8 for 0, 0x78 for 1) */
	dec_add(d, &f_fl_res, off, 2, (fv & ((fv & 7) == 1 ? 0x78 : 0xf8)) >> 3);
	dec_add(d, &f_fl_ver, off, 2, fv & 7);
}

static void gre_checksum(struct decoded *d, const struct cursor *c, uint32_t start, const struct l3info *l3)
{
	uint32_t want = l3->claimed, have = c->end - start;
	uint16_t correct;

	if (!dec_tree(d))
		return;
	if (want > have || l3->fragment || want < 4) {
		dec_csum(d, &f_checksum_status, start + 4, CSUM_UNVERIFIED, 0);
		return;
	}
	if (csum_verify(0, c->buf + start, want, 4, &correct))
		dec_csum(d, &f_checksum_status, start + 4, CSUM_GOOD, correct);
	else
		dec_csum(d, &f_checksum_status, start + 4, CSUM_BAD, correct);
}

/* Source route entries until the empty one; 0 when they run past the packet. */
static int gre_routing(struct decoded *d, struct cursor *c)
{
	for (int n = 0; n < 16; n++) {
		uint32_t off = c->off;
		unsigned af, len;
		int g;

		if (!cursor_has(c, 4))
			return 0;
		af = c->buf[off] << 8 | c->buf[off + 1];
		len = c->buf[off + 3];
		g = dec_group(d, &f_routing, off, 4 + len);
		dec_be16(d, c, &f_rt_af);
		dec_u8(d, c, &f_rt_off);
		dec_u8(d, c, &f_rt_len);
		if (len && !dec_bytes(d, c, &f_rt_info, len)) {
			dec_close(d, g, 0);
			return 0;
		}
		dec_close(d, g, 0);
		if (af == 0 && len == 0)
			return 1;
	}
	return 1;
}

static void gre_payload(struct decoded *d, struct cursor *c, unsigned proto, unsigned fv)
{
	switch (proto) {
	case ETHERTYPE_TEB:
		decode_eth(d, c);
		return;
	case ETHERTYPE_ERSPAN:
		decode_erspan(d, c, !!(fv & GRE_S));
		return;
	case ETHERTYPE_PPP:
		decode_ppp(d, c, 0);
		return;
	case ETHERTYPE_IPV4:
	case ETHERTYPE_IPV6:
	case ETHERTYPE_ARP:
	case ETHERTYPE_MPLS:
		decode_ethertype(d, c, proto);
		return;
	}
	{
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "gre-proto-0x");
		fmtbuf_hex(&b, proto, 0);
		dec_sum_end(d, &b);
	}
	decode_data(d, c);
}

void decode_gre(struct decoded *d, struct cursor *c, struct l3info *l3)
{
	uint32_t start = c->off;
	unsigned fv, proto, ver;
	struct fmtbuf b;
	int idx = dec_open(d, PROTO_GRE, &f_gre, start, 4);

	if (!cursor_has(c, 4)) {
		dec_sum_str(d, "GRE");
		dec_short(d, c, PROTO_GRE);
		dec_close(d, idx, c->end);
		c->off = c->end;
		return;
	}
	fv = cursor_be16(c);
	ver = fv & 7;
	gre_flags(d, start, fv);
	proto = dec_be16(d, c, &f_proto);
	b = dec_sum_begin(d);
	fmtbuf_str(&b, "GREv");
	fmtbuf_u64(&b, ver);
	if (ver > 1) {
		fmtbuf_str(&b, " ERROR: unknown-version");
		dec_sum_end(d, &b);
		dec_close(d, idx, c->off);
		decode_data(d, c);
		return;
	}
	if (fv & (GRE_C | GRE_R)) {
		unsigned off;

		dec_be16(d, c, &f_checksum);
		if (fv & GRE_C && cursor_has(c, 2))
			gre_checksum(d, c, start, l3);
		off = dec_be16(d, c, &f_offset);
		if (ver == 0 && !c->truncated) {
			fmtbuf_str(&b, ", off 0x");
			fmtbuf_hex(&b, off, 0);
		}
	}
	if (fv & GRE_K) {
		if (ver == 1) {
			unsigned call;

			dec_be16(d, c, &f_key_plen);
			call = dec_be16(d, c, &f_key_call);
			fmtbuf_str(&b, ", call ");
			fmtbuf_u64(&b, call);
		} else if (cursor_has(c, 4)) {
			fmtbuf_str(&b, ", key=0x");
			fmtbuf_hex(&b, dec_be32(d, c, &f_key), 0);
		} else {
			c->truncated = 1;
		}
	}
	if ((fv & GRE_S) && cursor_has(c, 4)) {
		fmtbuf_str(&b, ", seq ");
		fmtbuf_u64(&b, dec_be32(d, c, &f_seq));
	} else if (fv & GRE_S) {
		c->truncated = 1;
	}
	if (ver == 1 && (fv & GRE_A) && cursor_has(c, 4)) {
		fmtbuf_str(&b, ", ack ");
		fmtbuf_u64(&b, dec_be32(d, c, &f_ack));
	} else if (ver == 1 && (fv & GRE_A)) {
		c->truncated = 1;
	}
	if (!c->truncated && (fv & GRE_R) && !gre_routing(d, c))
		c->truncated = 1;
	if (c->truncated) {
		dec_sum_end(d, &b);
		dec_short(d, c, PROTO_GRE);
		dec_close(d, idx, c->off);
		c->off = c->end;
		return;
	}
	if (ver == 1 && !cursor_left(c) && start + l3->claimed <= c->off) {
		/* an acknowledgment alone (PPTP): nothing follows, and Wireshark adds no layer */
		fmtbuf_str(&b, ", no-payload, length ");
		fmtbuf_u64(&b, l3->claimed);
		dec_sum_end(d, &b);
		dec_close(d, idx, c->off);
		return;
	}
	fmtbuf_str(&b, ", length ");
	fmtbuf_u64(&b, l3->claimed);
	fmtbuf_str(&b, ": ");
	dec_sum_end(d, &b);
	dec_close(d, idx, c->off);
	gre_payload(d, c, proto, fv);
}
