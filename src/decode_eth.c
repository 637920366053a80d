/* decode_eth.c — Ethernet II frames and IEEE 802.1Q / 802.1ad VLAN tags. */
/*
 * Ethernet II (DIX; IEEE 802.3 clause 3 with a Type field), IEEE 802.1Q-2018 clause 9.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                Destination MAC address (6 bytes)              |
 * +                               +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                               |                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+    Source MAC address (6)     +
 * |                                                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      EtherType (or TPID)      |  [VLAN tag: PCP|D|  VLAN ID   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *    then EtherType] ... payload, padded to 60 bytes on the wire
 *
 * A Type below 0x0600 is an IEEE 802.3 length (LLC follows): shown as data.
 */
#include "decode_priv.h"

static const struct tok ethertype_names[] = {
	{ 0x0800, "IPv4" }, { 0x0806, "ARP" }, { 0x86dd, "IPv6" }, { 0x8100, "802.1Q Virtual LAN" },
	{ 0x88a8, "802.1ad Provider Bridge (Q-in-Q)" }, { 0x8035, "RARP" }, { 0x88cc, "LLDP" },
	{ 0x8847, "MPLS label switched packet" }, { 0x8848, "MPLS multicast label switched packet" },
	{ 0x6558, "Transparent Ethernet bridging" }, { 0x88be, "ERSPAN" }, { 0x22eb, "ERSPAN type III" },
	{ 0x888e, "802.1X Authentication" }, { 0x88e5, "802.1AE (MACsec)" }, { 0x8863, "PPPoE Discovery" },
	{ 0x8864, "PPPoE Session" }, { 0, NULL }
};

static const struct field_def f_eth FIELD_REG = {
	"eth", "Ethernet II", FT_PROTO, NULL, NULL,
	"Ethernet II: the link-layer envelope that carries a packet between two neighbouring machines.",
};
static const struct field_def f_dst FIELD_REG = {
	"eth.dst", "Destination", FT_MAC, NULL, NULL,
	"Destination MAC: the hardware address of the machine this frame is for (ff:ff:ff:ff:ff:ff is everyone).",
};
static const struct field_def f_src FIELD_REG = {
	"eth.src", "Source", FT_MAC, NULL, NULL,
	"Source MAC: the hardware address of the machine that sent this frame.",
};
static const struct field_def f_type FIELD_REG = {
	"eth.type", "Type", FT_HEX, ethertype_names, NULL,
	"EtherType: which protocol the payload holds (0x0800 IPv4, 0x0806 ARP, 0x86dd IPv6).",
};
static const struct field_def f_len FIELD_REG = {
	"eth.len", "Length", FT_UINT, NULL, NULL,
	"IEEE 802.3 length: values below 1536 give the payload length instead of a type.",
};
static const struct field_def f_padding FIELD_REG = {
	"eth.padding", "Padding", FT_BYTES, NULL, NULL,
	"Padding: filler bytes that bring a short frame up to Ethernet's 60-byte minimum.",
};
static const struct field_def f_trailer FIELD_REG = {
	"eth.trailer", "Trailer", FT_BYTES, NULL, NULL,
	"Trailer: bytes after the packet's own end that belong to no layer.",
};

static const struct field_def f_vlan FIELD_REG = {
	"vlan", "802.1Q Virtual LAN", FT_PROTO, NULL, NULL,
	"802.1Q VLAN tag: puts the frame on one of several virtual networks sharing a cable.",
};
static const struct field_def f_vlan_pri FIELD_REG = {
	"vlan.priority", "Priority", FT_UINT, NULL, NULL,
	"Priority code point: 0-7, how urgently switches should forward this frame.",
};
static const struct field_def f_vlan_dei FIELD_REG = {
	"vlan.dei", "DEI", FT_BOOL, NULL, NULL,
	"Drop eligible: a congested switch may drop this frame first.",
};
static const struct field_def f_vlan_id FIELD_REG = {
	"vlan.id", "ID", FT_UINT, NULL, NULL,
	"VLAN ID: the number of the virtual LAN this frame belongs to.",
};
static const struct field_def f_vlan_etype FIELD_REG = {
	"vlan.etype", "Type", FT_HEX, ethertype_names, NULL,
	"EtherType after the tag: which protocol the payload holds.",
};

static int is_padding(const struct cursor *c)
{
	if (c->end > 60)
		return 0;
	for (uint32_t i = c->off; i < c->end; i++)
		if (c->buf[i])
			return 0;
	return 1;
}

/* tcpdump (without -e) leaves the MACs out of the line for the types it decodes, as tapscope does */
static int summary_without_macs(unsigned type)
{
	switch (type) {
	case 0x0800: case 0x0806: case 0x86dd: case 0x8100: case 0x88a8: case 0x8847: case 0x8848: case 0x8035:
	case 0x8863: case 0x8864:
		return 1;
	}
	return 0;
}

/* For frames no decoder here reads, the summary starts with the MACs (as tcpdump's does). */
static void mac_summary(struct decoded *d, const uint8_t *h)
{
	struct fmtbuf b = dec_sum_begin(d);

	fmtbuf_mac(&b, h + 6);
	fmtbuf_str(&b, " > ");
	fmtbuf_mac(&b, h);
	fmtbuf_str(&b, ", ");
	dec_sum_end(d, &b);
}

static unsigned decode_vlan(struct decoded *d, struct cursor *c)
{
	uint32_t off = c->off;
	unsigned tci, type;
	int idx;

	idx = dec_open(d, PROTO_VLAN, &f_vlan, off, 4);
	if (!cursor_has(c, 4)) {
		dec_short(d, c, PROTO_VLAN);
		dec_close(d, idx, 0);
		return 0;
	}
	tci = cursor_be16(c);
	dec_add(d, &f_vlan_pri, off, 2, tci >> 13);
	dec_add(d, &f_vlan_dei, off, 2, (tci >> 12) & 1);
	dec_add(d, &f_vlan_id, off, 2, tci & 0xfff);
	type = dec_be16(d, c, &f_vlan_etype);
	dec_close(d, idx, 0);
	return type;	/* like tcpdump without -e, the summary shows only what the tag carries */
}

void decode_eth(struct decoded *d, struct cursor *c)
{
	uint32_t start = c->off;
	unsigned type;
	int idx, tags = 0;

	idx = dec_open(d, PROTO_ETH, &f_eth, start, 14);
	if (!cursor_has(c, 14)) {
		dec_short(d, c, PROTO_ETH);	/* like Wireshark: no half header */
		dec_close(d, idx, 0);
		return;
	}
	dec_bytes(d, c, &f_dst, 6);
	dec_bytes(d, c, &f_src, 6);
	type = cursor_be16(c);
	if (type < 0x0600 && type != 0) {	/* Wireshark takes 0 as an (unknown) EtherType, not a length */
		struct fmtbuf b;
		struct cursor payload;

		dec_add(d, &f_len, c->off - 2, 2, type);
		dec_close(d, idx, 0);
		mac_summary(d, c->buf + start);
		b = dec_sum_begin(d);
		fmtbuf_str(&b, "802.3, length ");
		fmtbuf_u64(&b, type);
		dec_sum_end(d, &b);
		payload = cursor_sub(c, type);
		decode_data(d, &payload);
		c->off = payload.off;
	} else {
		dec_add(d, &f_type, c->off - 2, 2, type);
		dec_close(d, idx, 0);
		if (!summary_without_macs(type))
			mac_summary(d, c->buf + start);
		while ((type == 0x8100 || type == 0x88a8) && tags++ < 8 && cursor_has(c, 1))
			type = decode_vlan(d, c);
		if (d->trunc_proto < 0)
			decode_ethertype(d, c, type);
	}
	if (cursor_left(c) > 0 && d->trunc_proto < 0) {	/* after a cut, the rest belongs to the cut layer */
		/* bytes past the packet's own length: top-level, since the payload's nodes came between.
		 * Wireshark calls them padding only when they fill a short frame up to 60 with zeros. */
		if (dec_tree(d))	/* (the zeros are looked at only for the tree) */
			dec_add(d, is_padding(c) ? &f_padding : &f_trailer, c->off, cursor_left(c), 0);
		c->off = c->end;
	}
}
