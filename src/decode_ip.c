/* decode_ip.c — IPv4 (RFC 791): header, options, fragments and the header checksum. */
/*
 * RFC 791; DSCP/ECN from RFC 2474 and RFC 3168; Router Alert from RFC 2113.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version|  IHL  |   DSCP    |ECN|          Total Length         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Identification        |Flags|      Fragment Offset    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Time to Live |    Protocol   |         Header Checksum       |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                       Source Address                          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Destination Address                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (IHL > 5)          |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 */
#include "bytes.h"
#include "checksum.h"
#include "decode_priv.h"

static const struct tok ecn_names[] = {
	{ 0, "Not-ECT" }, { 1, "ECT(1)" }, { 2, "ECT(0)" }, { 3, "CE" }, { 0, NULL }
};
static const struct tok dscp_names[] = {
	{ 0, "Default" }, { 8, "CS1" }, { 10, "AF11" }, { 16, "CS2" }, { 18, "AF21" }, { 24, "CS3" },
	{ 26, "AF31" }, { 32, "CS4" }, { 34, "AF41" }, { 40, "CS5" }, { 46, "EF" }, { 48, "CS6" },
	{ 56, "CS7" }, { 0, NULL }
};
static const struct tok ipproto_long[] = {
	{ 0, "IPv6 Hop-by-Hop Option" }, { 1, "ICMP" }, { 2, "IGMP" }, { 4, "IPIP" }, { 6, "TCP" },
	{ 17, "UDP" }, { 41, "IPv6" }, { 43, "IPv6 Routing" }, { 44, "IPv6 Fragment" }, { 47, "GRE" },
	{ 50, "ESP" }, { 51, "AH" }, { 58, "ICMPv6" }, { 59, "IPv6 No Next Header" },
	{ 60, "IPv6 Destination Options" }, { 89, "OSPF" }, { 132, "SCTP" }, { 0, NULL }
};
static const struct tok opt_names[] = {
	{ 0, "End of Options List (EOL)" }, { 1, "No-Operation (NOP)" }, { 7, "Record Route (RR)" },
	{ 68, "Time Stamp (TS)" }, { 130, "Security" }, { 131, "Loose Source Route (LSRR)" },
	{ 137, "Strict Source Route (SSRR)" }, { 148, "Router Alert" }, { 0, NULL }
};

static const struct field_def f_ip FIELD_REG = {
	"ip", "Internet Protocol Version 4", FT_PROTO, NULL, NULL,
	"IPv4: carries a packet from one address to another, across routers if needed.",
};
/* shared with decode_ipv6.c: Wireshark's IPv6 tree carries ip.version too */
const struct field_def dec_ip_version FIELD_REG = {
	"ip.version", "Version", FT_UINT, NULL, NULL, "Version: 4 for IPv4, 6 for IPv6.",
};
#define f_version dec_ip_version
static const struct field_def f_hdr_len FIELD_REG = {
	"ip.hdr_len", "Header Length", FT_UINT, NULL, " bytes",
	"Header length: 20 bytes, plus any options (the field counts 4-byte words).",
};
static const struct field_def f_dsfield FIELD_REG = {
	"ip.dsfield", "Differentiated Services Field", FT_HEX, NULL, NULL,
	"Traffic class byte: a priority mark (DSCP) and congestion signal (ECN).",
};
static const struct field_def f_dscp FIELD_REG = {
	"ip.dsfield.dscp", "Differentiated Services Codepoint", FT_UINT, dscp_names, NULL,
	"DSCP: how routers should prioritise this packet (0 is ordinary best effort).",
};
static const struct field_def f_ecn FIELD_REG = {
	"ip.dsfield.ecn", "Explicit Congestion Notification", FT_UINT, ecn_names, NULL,
	"ECN: lets a congested router mark the packet instead of dropping it.",
};
static const struct field_def f_len FIELD_REG = {
	"ip.len", "Total Length", FT_UINT, NULL, NULL,
	"Total length: bytes in the whole IP packet, header included.",
};
static const struct field_def f_id FIELD_REG = {
	"ip.id", "Identification", FT_HEX, NULL, NULL,
	"Identification: a number shared by all fragments of one original packet.",
};
static const struct field_def f_flags FIELD_REG = {
	"ip.flags", "Flags", FT_HEX, NULL, NULL,
	"Flags: whether the packet may be fragmented, and whether more fragments follow.",
};
static const struct field_def f_rb FIELD_REG = {
	"ip.flags.rb", "Reserved bit", FT_BOOL, NULL, NULL, "Reserved: must be zero.",
};
static const struct field_def f_df FIELD_REG = {
	"ip.flags.df", "Don't fragment", FT_BOOL, NULL, NULL,
	"Don't fragment: routers must drop (and report) the packet rather than split it.",
};
static const struct field_def f_mf FIELD_REG = {
	"ip.flags.mf", "More fragments", FT_BOOL, NULL, NULL,
	"More fragments: this is not the last piece of a fragmented packet.",
};
static const struct field_def f_frag FIELD_REG = {
	"ip.frag_offset", "Fragment Offset", FT_UINT, NULL, NULL,
	"Fragment offset, in 8-byte units: where this piece's data goes in the original packet.",
};
static const struct field_def f_ttl FIELD_REG = {
	"ip.ttl", "Time to Live", FT_UINT, NULL, NULL,
	"TTL: hops left before a router discards the packet.",
};
static const struct field_def f_proto FIELD_REG = {
	"ip.proto", "Protocol", FT_UINT, ipproto_long, NULL,
	"Protocol: what the payload is (1 ICMP, 6 TCP, 17 UDP).",
};
static const struct field_def f_checksum FIELD_REG = {
	"ip.checksum", "Header Checksum", FT_HEX, NULL, NULL,
	"Header checksum: lets a receiver detect a damaged header (it covers the header only).",
};
static const struct field_def f_checksum_status FIELD_REG = {
	"ip.checksum.status", "Header checksum status", FT_CSUM, NULL, NULL,
	"Whether the header checksum matches the header's bytes.",
};
static const struct field_def f_src FIELD_REG = {
	"ip.src", "Source Address", FT_IPV4, NULL, NULL,
	"Source address: the IPv4 address of the sender.",
};
static const struct field_def f_dst FIELD_REG = {
	"ip.dst", "Destination Address", FT_IPV4, NULL, NULL,
	"Destination address: the IPv4 address the packet is for.",
};
static const struct field_def f_options FIELD_REG = {
	"ip.options", "Options", FT_GROUP, NULL, NULL,
	"Options: rarely used extras between the fixed header and the payload.",
};
static const struct field_def f_option FIELD_REG = {
	"ip.option", "Option", FT_GROUP, opt_names, NULL, "One IP option: a type, a length and its data.",
};
static const struct field_def f_opt_type FIELD_REG = {
	"ip.opt.type", "Type", FT_UINT, opt_names, NULL,
	"Option type: which option this is (its top bit asks routers to copy it into fragments).",
};
static const struct field_def f_opt_len FIELD_REG = {
	"ip.opt.len", "Length", FT_UINT, NULL, NULL, "Option length, type and length bytes included.",
};
static const struct field_def f_opt_ptr FIELD_REG = {
	"ip.opt.ptr", "Pointer", FT_UINT, NULL, NULL,
	"Pointer: where in this option the next router writes its entry.",
};
static const struct field_def f_opt_addr FIELD_REG = {
	"ip.opt.addr", "IP Address", FT_IPV4, NULL, NULL, "A router address recorded or requested by the option.",
};
static const struct field_def f_rec_rt FIELD_REG = {
	"ip.rec_rt", "Recorded Route", FT_IPV4, NULL, NULL, "A router the packet already passed, as it recorded itself.",
};
static const struct field_def f_empty_rt FIELD_REG = {
	"ip.empty_rt", "Empty Route", FT_IPV4, NULL, NULL, "A slot for a router still to record itself (record route).",
};
static const struct field_def f_src_rt FIELD_REG = {
	"ip.src_rt", "Source Route", FT_IPV4, NULL, NULL, "A router the packet must still pass (source route).",
};
static const struct field_def f_opt_ra FIELD_REG = {
	"ip.opt.ra", "Router Alert", FT_UINT, NULL, NULL,
	"Router alert: asks every router on the path to look inside this packet (0: examine it).",
};
static const struct field_def f_opt_ts FIELD_REG = {
	"ip.opt.time_stamp", "Timestamp", FT_UINT, NULL, NULL,
	"A router's timestamp: milliseconds since midnight UT.",
};
static const struct field_def f_opt_data FIELD_REG = {
	"ip.opt.data", "Data", FT_BYTES, NULL, NULL, "The option's bytes, not decoded further.",
};

static void ip_option(struct decoded *d, struct cursor *o)
{
	uint32_t off = o->off;
	unsigned type = cursor_peek(o, 0), len, i;
	struct cursor body;
	int g;

	if (type == 0 || type == 1) {
		g = dec_group(d, &f_option, off, 1);
		if (g >= 0)
			d->fields[g].value = type;
		dec_u8(d, o, &f_opt_type);
		dec_close(d, g, 0);
		if (type == 0)
			o->off = o->end;	/* EOL: the rest is padding */
		return;
	}
	len = cursor_peek(o, 1);
	if (o->truncated || len < 2 || len > cursor_left(o)) {
		dec_malformed(d, off, cursor_left(o), "IP option length runs past the header");
		o->off = o->end;
		return;
	}
	g = dec_group(d, &f_option, off, len);
	if (g >= 0)
		d->fields[g].value = type;
	dec_u8(d, o, &f_opt_type);
	dec_u8(d, o, &f_opt_len);
	body = cursor_sub(o, len - 2);
	switch (type) {
	case 7:
	case 131:
	case 137: {
		/* Wireshark's names: addresses before the pointer were recorded on the way; from the
		 * pointer on they are empty slots (record route) or the route still ahead (source route) */
		unsigned ptr = dec_u8(d, &body, &f_opt_ptr), at = 4;

		for (; cursor_has(&body, 4); at += 4)
			dec_bytes(d, &body, at < ptr ? &f_rec_rt : type == 7 ? &f_empty_rt : &f_src_rt, 4);
		break;
	}
	case 148:
		dec_be16(d, &body, &f_opt_ra);
		break;
	case 68:
		dec_u8(d, &body, &f_opt_ptr);
		i = cursor_u8(&body) & 0xf;	/* overflow/flags: 0 stamps only, 1 or 3 address+stamp */
		while (cursor_has(&body, i ? 8 : 4)) {
			if (i)
				dec_bytes(d, &body, &f_opt_addr, 4);
			dec_be32(d, &body, &f_opt_ts);
		}
		break;
	}
	if (cursor_left(&body))
		dec_bytes(d, &body, &f_opt_data, cursor_left(&body));
	o->off = off + len;
	dec_close(d, g, 0);
}

static void ip_summary_head(struct decoded *d, const struct l3info *l3, unsigned proto, unsigned frag,
			    uint32_t missing)
{
	dec_sum_str(d, "IP ");
	if (missing) {
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "truncated-ip - ");
		fmtbuf_u64(&b, missing);
		fmtbuf_str(&b, " bytes missing! ");
		dec_sum_end(d, &b);
	}
	if (frag) {
		struct fmtbuf b;

		dec_sum_addrs(d, l3, -1, -1);
		b = dec_sum_begin(d);
		fmtbuf_str(&b, "ip-proto-");
		fmtbuf_u64(&b, proto);
		dec_sum_end(d, &b);
	}
}

/* A total length shorter than the header: tcpdump's "IP bad-len N", Wireshark's malformed note. */
static void ip_bad_len(struct decoded *d, int idx, uint32_t start, unsigned totlen)
{
	struct fmtbuf b;

	dec_malformed(d, start + 2, 2, "IP total length shorter than its header");
	dec_close(d, idx, 0);
	b = dec_sum_begin(d);
	fmtbuf_str(&b, "IP bad-len ");
	fmtbuf_u64(&b, totlen);
	dec_sum_end(d, &b);
}

void decode_ip(struct decoded *d, struct cursor *c)
{
	uint32_t start = c->off, hl, totlen, wire_left, missing, have;
	const uint8_t *h;
	unsigned vhl, tos, flags, frag, proto;
	struct l3info l3 = { 0 };
	struct cursor payload;
	int idx, ok;

	idx = dec_open(d, PROTO_IP, &f_ip, start, 20);
	vhl = cursor_peek(c, 0);
	hl = (vhl & 0xf) * 4u;
	h = c->buf + start;
	have = cursor_left(c);
	if (have >= 1) {
		dec_add(d, &f_version, start, 1, vhl >> 4);
		dec_add(d, &f_hdr_len, start, 1, hl);
	}
	if (have >= 1 && (hl < 20 || (vhl >> 4) != 4)) {
		/* as Wireshark does, nothing past a header that cannot be is decoded */
		dec_malformed(d, start, 1, (vhl >> 4) != 4 ? "IP version is not 4" : "IP header length below 20 bytes");
		if ((vhl >> 4) != 4) {
			dec_sum_str(d, "IP bad version");
		} else {
			struct fmtbuf b = dec_sum_begin(d);

			fmtbuf_str(&b, "IP bad-hlen ");
			fmtbuf_u64(&b, hl);
			dec_sum_end(d, &b);
		}
		c->off = c->end;
		dec_close(d, idx, c->off);
		return;
	}
	if (have >= 2) {
		tos = h[1];
		dec_add(d, &f_dsfield, start + 1, 1, tos);
		dec_add(d, &f_dscp, start + 1, 1, tos >> 2);
		dec_add(d, &f_ecn, start + 1, 1, tos & 3);
	}
	totlen = have >= 4 ? get_be16(h + 2) : 0;
	if (have >= 4)
		dec_add(d, &f_len, start + 2, 2, totlen);
	if (have >= 4 && totlen < hl) {	/* Wireshark and tcpdump stop here: nothing after is to be trusted */
		ip_bad_len(d, idx, start, totlen);
		c->off = c->end;
		return;
	}
	if (have >= 6)
		dec_add(d, &f_id, start + 4, 2, get_be16(h + 4));
	flags = have >= 7 ? h[6] & 0xe0 : 0;
	frag = have >= 8 ? get_be16(h + 6) & 0x1fff : 0;
	if (have >= 8) {
		dec_add(d, &f_flags, start + 6, 1, flags >> 5);	/* Wireshark: the 3 bits, shifted */
		dec_add(d, &f_rb, start + 6, 1, !!(flags & 0x80));
		dec_add(d, &f_df, start + 6, 1, !!(flags & 0x40));
		dec_add(d, &f_mf, start + 6, 1, !!(flags & 0x20));
		dec_add(d, &f_frag, start + 6, 2, frag);	/* Wireshark: in 8-byte units */
	}
	if (have >= 9)
		dec_add(d, &f_ttl, start + 8, 1, h[8]);
	proto = have >= 10 ? h[9] : 0;
	if (have >= 10)
		dec_add(d, &f_proto, start + 9, 1, proto);
	if (have >= 12)
		dec_add(d, &f_checksum, start + 10, 2, get_be16(h + 10));
	ok = have >= 20 && cursor_has(c, hl);
	if (ok && dec_tree(d)) {
		uint16_t correct;
		int good = csum_verify(0, h, hl, 10, &correct);

		dec_csum(d, &f_checksum_status, start + 10, good ? CSUM_GOOD : CSUM_BAD, correct);
	} else if (have >= 12 && !ok) {
		dec_csum(d, &f_checksum_status, start + 10, CSUM_UNVERIFIED, 0);
	}
	if (have >= 16)
		dec_add(d, &f_src, start + 12, 4, 0);
	if (have >= 20)
		dec_add(d, &f_dst, start + 16, 4, 0);
	if (have < 20) {
		dec_sum_str(d, "IP ");	/* tcpdump: "IP  [|ip]" */
		dec_short(d, c, PROTO_IP);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	l3.af = 4;
	l3.src = h + 12;
	l3.dst = h + 16;
	l3.src_off = start + 12;
	l3.dst_off = start + 16;
	if (!cursor_has(c, hl)) {
		dec_sum_str(d, "IP ");
		dec_short(d, c, PROTO_IP);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	if (hl > 20) {
		struct cursor o;
		int g = dec_group(d, &f_options, start + 20, hl - 20);

		cursor_init(&o, c->buf, start + 20, start + hl);
		while (cursor_left(&o) > 0 && !o.truncated)
			ip_option(d, &o);
		dec_close(d, g, 0);
	}
	c->off = start + hl;
	wire_left = d->len - start;
	if (totlen > wire_left && !d->inner)
		dec_malformed(d, start + 2, 2, "IP total length exceeds the frame length");
	missing = totlen > wire_left && !d->inner ? totlen - wire_left : 0;
	dec_close(d, idx, start + hl);
	l3.claimed = totlen - hl;
	l3.plen = totlen <= wire_left ? totlen - hl : wire_left - hl;
	l3.fragment = frag != 0 || (flags & 0x20);
	l3.summary_open = 1;
	payload = cursor_sub(c, totlen - hl);
	ip_summary_head(d, &l3, proto, frag, missing);
	if (frag != 0) {
		decode_data(d, &payload);	/* only the first fragment holds the upper header */
	} else {
		decode_ipproto(d, &payload, proto, &l3);
	}
	c->off = payload.off > c->off ? payload.off : c->off;
	if (c->off < start + totlen && start + totlen <= c->end)
		c->off = start + totlen;
}
