/* decode_sll.c — Linux cooked capture headers (SLL and SLL2), as "tcpdump -i any" writes them. */
/*
 * https://www.tcpdump.org/linktypes/LINKTYPE_LINUX_SLL.html (16 bytes) and LINKTYPE_LINUX_SLL2 (20 bytes).
 *
 * SLL:  +---------------+---------------+---------------+-------------------------------+---------------+
 *       | packet type 2 | ARPHRD type 2 | addr length 2 | link-layer address (8, padded)| protocol 2    |
 *       +---------------+---------------+---------------+-------------------------------+---------------+
 * SLL2: +---------------+---------------+---------------+---------------+--------+--------+-------------+
 *       | protocol 2    | reserved 2    | ifindex 4                     | ARPHRD 2 | type 1 | alen 1 | addr 8 |
 *       +---------------+---------------+-------------------------------+--------+--------+-------------+
 *
 * The protocol is an EtherType (or, for a few ARPHRD types, something else: shown as data).
 */
#include "decode_priv.h"

static const struct tok pkttype_names[] = {
	{ 0, "Unicast to us" }, { 1, "Broadcast" }, { 2, "Multicast" },
	{ 3, "Unicast to another host" }, { 4, "Sent by us" }, { 0, NULL }
};
static const struct tok hatype_names[] = {
	{ 1, "Ethernet" }, { 772, "Loopback" }, { 65534, "None" }, { 776, "IPv6-in-IPv4" },
	{ 778, "IP GRE" }, { 0, NULL }
};
static const struct tok sll_etype_names[] = {
	{ 0x0800, "IPv4" }, { 0x0806, "ARP" }, { 0x86dd, "IPv6" }, { 0x8100, "802.1Q Virtual LAN" },
	{ 0, NULL }
};

static const struct field_def f_sll FIELD_REG = {
	"sll", "Linux cooked capture", FT_PROTO, NULL, NULL,
	"Linux cooked capture: a pseudo-header the kernel writes when capturing on any interface.",
};
static const struct field_def f_pkttype FIELD_REG = {
	"sll.pkttype", "Packet type", FT_UINT, pkttype_names, NULL,
	"Packet type: whether the frame came in to this host, was broadcast, or was sent by it.",
};
static const struct field_def f_hatype FIELD_REG = {
	"sll.hatype", "Link-layer address type", FT_UINT, hatype_names, NULL,
	"ARPHRD type: the kind of link the frame was captured on (1 is Ethernet).",
};
static const struct field_def f_halen FIELD_REG = {
	"sll.halen", "Link-layer address length", FT_UINT, NULL, NULL,
	"How many bytes of the address field hold the link-layer source address.",
};
static const struct field_def f_src_eth FIELD_REG = {
	"sll.src.eth", "Source", FT_MAC, NULL, NULL,
	"Source MAC: the hardware address of the sender.",
};
static const struct field_def f_src_other FIELD_REG = {
	"sll.src.other", "Source", FT_BYTES, NULL, NULL,
	"The sender's link-layer address, on a link that is not Ethernet.",
};
static const struct field_def f_unused FIELD_REG = {
	"sll.unused", "Unused", FT_BYTES, NULL, NULL,
	"Padding of the 8-byte address field past the address itself.",
};
static const struct field_def f_etype FIELD_REG = {
	"sll.etype", "Protocol", FT_HEX, sll_etype_names, NULL,
	"EtherType: which protocol the payload holds.",
};
static const struct field_def f_ltype FIELD_REG = {
	"sll.ltype", "Protocol", FT_HEX, NULL, NULL,
	"A Linux protocol number (not an EtherType) for the payload.",
};
static const struct field_def f_reserved FIELD_REG = {
	"sll.reserved", "Reserved", FT_HEX, NULL, NULL, "Reserved: always zero.",
};
static const struct field_def f_ifindex FIELD_REG = {
	"sll.ifindex", "Interface index", FT_UINT, NULL, NULL,
	"The index of the network interface the frame was captured on.",
};

static void sll_addr(struct decoded *d, struct cursor *c, unsigned hatype, unsigned halen)
{
	if (hatype == 1 && halen == 6) {
		dec_bytes(d, c, &f_src_eth, 6);
		dec_bytes(d, c, &f_unused, 2);
	} else if (halen > 0 && halen <= 8) {
		dec_bytes(d, c, &f_src_other, halen);
		if (halen < 8)
			dec_bytes(d, c, &f_unused, 8 - halen);
	} else {
		dec_bytes(d, c, &f_unused, 8);
	}
}

static void sll_payload(struct decoded *d, struct cursor *c, unsigned proto)
{
	if (proto >= 0x0600) {
		decode_ethertype(d, c, proto);
		return;
	}
	dec_sum_str(d, "Linux cooked capture, protocol ");
	{
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_u64(&b, proto);
		dec_sum_end(d, &b);
	}
	decode_data(d, c);
}

void decode_sll(struct decoded *d, struct cursor *c)
{
	unsigned hatype, halen, proto;
	int idx = dec_open(d, PROTO_SLL, &f_sll, c->off, 16);

	if (!cursor_has(c, 16)) {
		dec_short(d, c, PROTO_SLL);
		dec_close(d, idx, 0);
		return;
	}
	dec_be16(d, c, &f_pkttype);
	hatype = dec_be16(d, c, &f_hatype);
	halen = dec_be16(d, c, &f_halen);
	sll_addr(d, c, hatype, halen);
	proto = cursor_be16(c);
	dec_add(d, proto >= 0x0600 ? &f_etype : &f_ltype, c->off - 2, 2, proto);
	dec_close(d, idx, 0);
	sll_payload(d, c, proto);
}

void decode_sll2(struct decoded *d, struct cursor *c)
{
	unsigned hatype, halen, proto;
	int idx = dec_open(d, PROTO_SLL, &f_sll, c->off, 20);

	if (!cursor_has(c, 20)) {
		dec_short(d, c, PROTO_SLL);
		dec_close(d, idx, 0);
		return;
	}
	proto = cursor_be16(c);
	dec_add(d, proto >= 0x0600 ? &f_etype : &f_ltype, c->off - 2, 2, proto);
	dec_be16(d, c, &f_reserved);
	dec_be32(d, c, &f_ifindex);
	hatype = dec_be16(d, c, &f_hatype);
	dec_u8(d, c, &f_pkttype);
	halen = dec_u8(d, c, &f_halen);
	sll_addr(d, c, hatype, halen);
	dec_close(d, idx, 0);
	sll_payload(d, c, proto);
}
