/* decode_arp.c — the Address Resolution Protocol (RFC 826) and RARP: Ethernet/IPv4 addresses decoded, others as bytes. */
/*
 * RFC 826; opcodes from RFC 903 (RARP, EtherType 0x8035, decoded here too) and RFC 2390 (InARP).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |        Hardware type          |         Protocol type         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  HW addr len  | Proto addr len|            Opcode             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Sender hardware address (hlen) | Sender protocol address (plen)|
 * | Target hardware address (hlen) | Target protocol address (plen)|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include "decode_priv.h"

static const struct tok op_names[] = {
	{ 1, "request" }, { 2, "reply" }, { 3, "reverse request" }, { 4, "reverse reply" },
	{ 8, "inverse request" }, { 9, "inverse reply" }, { 10, "NAK" }, { 0, NULL }
};
static const struct tok op_summary[] = {
	{ 1, "Request" }, { 2, "Reply" }, { 3, "Reverse Request" }, { 4, "Reverse Reply" },
	{ 8, "Inverse Request" }, { 9, "Inverse Reply" }, { 10, "NACK Reply" }, { 0, NULL }
};
static const struct tok hw_names[] = {
	{ 1, "Ethernet" }, { 6, "IEEE 802" }, { 15, "Frame Relay" }, { 19, "ATM" },
	{ 24, "IEEE 1394" }, { 32, "InfiniBand" }, { 0, NULL }
};
static const struct tok proto_names[] = { { 0x0800, "IPv4" }, { 0x86dd, "IPv6" }, { 0, NULL } };

static const struct field_def f_arp FIELD_REG = {
	"arp", "Address Resolution Protocol", FT_PROTO, NULL, NULL,
	"ARP: how a machine asks which hardware (MAC) address owns an IPv4 address on its link.",
};
static const struct field_def f_hwtype FIELD_REG = {
	"arp.hw.type", "Hardware type", FT_UINT, hw_names, NULL,
	"Hardware type: the kind of link addresses being resolved (1 is Ethernet).",
};
static const struct field_def f_ptype FIELD_REG = {
	"arp.proto.type", "Protocol type", FT_HEX, proto_names, NULL,
	"Protocol type: the kind of network address being resolved (0x0800 is IPv4).",
};
static const struct field_def f_hwsize FIELD_REG = {
	"arp.hw.size", "Hardware size", FT_UINT, NULL, NULL,
	"Hardware size: bytes in each hardware address (6 for a MAC).",
};
static const struct field_def f_psize FIELD_REG = {
	"arp.proto.size", "Protocol size", FT_UINT, NULL, NULL,
	"Protocol size: bytes in each network address (4 for IPv4).",
};
static const struct field_def f_opcode FIELD_REG = {
	"arp.opcode", "Opcode", FT_UINT, op_names, NULL,
	"Opcode: 1 asks \"who has this IP?\", 2 answers \"it is at this MAC\".",
};
static const struct field_def f_src_mac FIELD_REG = {
	"arp.src.hw_mac", "Sender MAC address", FT_MAC, NULL, NULL,
	"Sender MAC: the hardware address of the machine sending this ARP message.",
};
static const struct field_def f_src_ip FIELD_REG = {
	"arp.src.proto_ipv4", "Sender IP address", FT_IPV4, NULL, NULL,
	"Sender IP: the IPv4 address of the machine sending this ARP message.",
};
static const struct field_def f_dst_mac FIELD_REG = {
	"arp.dst.hw_mac", "Target MAC address", FT_MAC, NULL, NULL,
	"Target MAC: the hardware address asked about (all zeros in a request, which is why it asks).",
};
static const struct field_def f_dst_ip FIELD_REG = {
	"arp.dst.proto_ipv4", "Target IP address", FT_IPV4, NULL, NULL,
	"Target IP: the IPv4 address whose owner is wanted (or answered to).",
};
static const struct field_def f_src_hw FIELD_REG = {
	"arp.src.hw", "Sender hardware address", FT_BYTES, NULL, NULL,
	"The sender's hardware address, on a link that is not Ethernet.",
};
static const struct field_def f_src_proto FIELD_REG = {
	"arp.src.proto", "Sender protocol address", FT_BYTES, NULL, NULL,
	"The sender's network address, for a protocol other than IPv4.",
};
static const struct field_def f_dst_hw FIELD_REG = {
	"arp.dst.hw", "Target hardware address", FT_BYTES, NULL, NULL,
	"The target's hardware address, on a link that is not Ethernet.",
};
static const struct field_def f_dst_proto FIELD_REG = {
	"arp.dst.proto", "Target protocol address", FT_BYTES, NULL, NULL,
	"The target's network address, for a protocol other than IPv4.",
};

static int all_zero(const uint8_t *p, unsigned n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/* tcpdump's words for the summary (its arphrd_values and ethertype names) */
static const struct tok hw_words[] = {
	{ 1, "Ethernet" }, { 6, "TokenRing" }, { 7, "ArcNet" }, { 15, "FrameRelay" }, { 19, "ATM (RFC 2225)" },
	{ 23, "Strip" }, { 24, "IEEE 1394" }, { 0, NULL }
};
static const struct tok pro_words[] = {
	{ 0x0800, "IPv4" }, { 0x86dd, "IPv6" }, { 0x0806, "ARP" }, { 0, NULL }
};

/* Wireshark's tests (packet-arp.c): which address fields get the MAC and IPv4 names */
static int hw_is_ether(unsigned hw, unsigned hl) { return (hw == 1 || hw == 6) && hl == 6; }
static int pro_is_ipv4(unsigned pro, unsigned pl) { return (pro == 0x0800 || pro == 0xcc) && pl == 4; }

/* a link address as tcpdump writes it: a MAC, or bytes with colons */
static void sum_linkaddr(struct fmtbuf *b, const uint8_t *p, unsigned n)
{
	if (n == 6) {
		fmtbuf_mac(b, p);
		return;
	}
	fmtbuf_hexbytes(b, p, n, ':');
}

/* tcpdump's spaddr_print_ip / tpaddr_print_ip */
static void sum_paddr(struct fmtbuf *b, const uint8_t *p, unsigned pro, unsigned pl)
{
	if (pro != 0x0800 && pro != 0x1000)
		fmtbuf_str(b, "<wrong proto type>");
	else if (pl != 4)
		fmtbuf_str(b, "<wrong len>");
	else
		fmtbuf_ip4(b, p);
}

static void arp_summary(struct decoded *d, const struct cursor *c, uint32_t start,
			unsigned hw, unsigned pro, unsigned hl, unsigned pl, unsigned op)
{
	const uint8_t *sha = c->buf + start + 8, *spa = sha + hl, *tha = spa + pl, *tpa = tha + hl;
	struct fmtbuf b = dec_sum_begin(d);

	fmtbuf_str(&b, "ARP, ");
	if ((pro != 0x0800 && pro != 0x1000) || pl != 4 || hl == 0) {
		const char *w = tok_name(hw_words, hw);

		if (w) {
			fmtbuf_str(&b, w);
		} else {
			fmtbuf_str(&b, "Unknown Hardware (");
			fmtbuf_u64(&b, hw);
			fmtbuf_char(&b, ')');
		}
		fmtbuf_str(&b, " (len ");
		fmtbuf_u64(&b, hl);
		fmtbuf_str(&b, "), ");
		w = tok_name(pro_words, pro);
		if (w) {
			fmtbuf_str(&b, w);
		} else {
			fmtbuf_str(&b, "Unknown Protocol (0x");
			fmtbuf_hex(&b, pro, 4);
			fmtbuf_char(&b, ')');
		}
		fmtbuf_str(&b, " (len ");
		fmtbuf_u64(&b, pl);
		fmtbuf_char(&b, ')');
	} else {
		const char *w = tok_name(op_summary, op);

		if (w) {
			fmtbuf_str(&b, w);
		} else {	/* tcpdump: "Unknown (N)", then a hex dump in place of the rest */
			fmtbuf_str(&b, "Unknown (");
			fmtbuf_u64(&b, op);
			fmtbuf_char(&b, ')');
			dec_sum_end(d, &b);
			return;
		}
		fmtbuf_char(&b, ' ');
		switch (op) {
		case 1:
			fmtbuf_str(&b, "who-has ");
			sum_paddr(&b, tpa, pro, pl);
			if (!all_zero(tha, hl)) {
				fmtbuf_str(&b, " (");
				sum_linkaddr(&b, tha, hl);
				fmtbuf_char(&b, ')');
			}
			fmtbuf_str(&b, " tell ");
			sum_paddr(&b, spa, pro, pl);
			break;
		case 2:
			sum_paddr(&b, spa, pro, pl);
			fmtbuf_str(&b, " is-at ");
			sum_linkaddr(&b, sha, hl);
			break;
		case 3:
		case 8:
			fmtbuf_str(&b, "who-is ");
			sum_linkaddr(&b, tha, hl);
			fmtbuf_str(&b, " tell ");
			sum_linkaddr(&b, sha, hl);
			break;
		case 4:
			sum_linkaddr(&b, tha, hl);
			fmtbuf_str(&b, " at ");
			sum_paddr(&b, tpa, pro, pl);
			break;
		case 9:
			sum_linkaddr(&b, sha, hl);
			fmtbuf_str(&b, " at ");
			sum_paddr(&b, spa, pro, pl);
			break;
		default:	/* 10, NACK: tcpdump dumps the rest in hex */
			dec_sum_end(d, &b);
			return;
		}
	}
	fmtbuf_str(&b, ", length ");
	fmtbuf_u64(&b, d->len - start);
	dec_sum_end(d, &b);
}

void decode_arp(struct decoded *d, struct cursor *c)
{
	uint32_t start = c->off;
	unsigned hw, pro, hl, pl, op;
	int idx = dec_open(d, PROTO_ARP, &f_arp, start, cursor_left(c));
	int ether, ipv4;

	if (!cursor_has(c, 8)) {
		if (cursor_has(c, 2))
			dec_be16(d, c, &f_hwtype);
		if (cursor_has(c, 2))
			dec_be16(d, c, &f_ptype);
		if (cursor_has(c, 1))
			dec_u8(d, c, &f_hwsize);
		if (cursor_has(c, 1))
			dec_u8(d, c, &f_psize);
		dec_short(d, c, PROTO_ARP);
		dec_close(d, idx, 0);
		return;
	}
	hw = dec_be16(d, c, &f_hwtype);
	pro = dec_be16(d, c, &f_ptype);
	hl = dec_u8(d, c, &f_hwsize);
	pl = dec_u8(d, c, &f_psize);
	op = dec_be16(d, c, &f_opcode);
	ether = hw_is_ether(hw, hl);
	ipv4 = pro_is_ipv4(pro, pl);
	if (!cursor_has(c, 2 * hl + 2 * pl)) {
		if (hl && cursor_has(c, hl))
			dec_bytes(d, c, ether ? &f_src_mac : &f_src_hw, hl);
		if (pl && cursor_has(c, pl))
			dec_bytes(d, c, ipv4 ? &f_src_ip : &f_src_proto, pl);
		if (hl && cursor_has(c, hl))
			dec_bytes(d, c, ether ? &f_dst_mac : &f_dst_hw, hl);
		dec_short(d, c, PROTO_ARP);
		dec_close(d, idx, c->off);
		return;
	}
	if (hl)
		dec_bytes(d, c, ether ? &f_src_mac : &f_src_hw, hl);
	if (pl)
		dec_bytes(d, c, ipv4 ? &f_src_ip : &f_src_proto, pl);
	if (hl)
		dec_bytes(d, c, ether ? &f_dst_mac : &f_dst_hw, hl);
	if (pl)
		dec_bytes(d, c, ipv4 ? &f_dst_ip : &f_dst_proto, pl);
	dec_close(d, idx, c->off);
	arp_summary(d, c, start, hw, pro, hl, pl, op);
}
