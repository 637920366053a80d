/* decode_ipv6.c — IPv6 (RFC 8200): the fixed header and the hop-by-hop, routing, fragment and destination-options headers. */
/*
 * RFC 8200 sections 3 and 4; Router Alert option from RFC 2711.
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |Version| Traffic Class |           Flow Label                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |         Payload Length        |  Next Header  |   Hop Limit   |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                  Source Address (16 bytes)                    |
 * |               Destination Address (16 bytes)                  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Extension headers (hop-by-hop 0, routing 43, destination options 60) start with
 * | Next Header | Hdr Ext Len (8-byte units, not counting the first 8) | ... |;
 * the fragment header (44) is 8 bytes: | Next | Reserved | Offset(13)|Res(2)|M | Identification(32) |.
 * Options inside hop-by-hop and destination headers are TLVs: | Type | Len | Data... | (Pad1 is one 0 byte).
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok nxt_names[] = {
	{ 0, "IPv6 Hop-by-Hop Option" }, { 6, "TCP" }, { 17, "UDP" }, { 43, "Routing Header for IPv6" },
	{ 44, "Fragment Header for IPv6" }, { 50, "ESP" }, { 51, "AH" }, { 58, "ICMPv6" },
	{ 59, "No Next Header for IPv6" }, { 60, "Destination Options for IPv6" }, { 4, "IPIP" },
	{ 41, "IPv6" }, { 132, "SCTP" }, { 0, NULL }
};
static const struct tok ecn_names[] = {
	{ 0, "Not-ECT" }, { 1, "ECT(1)" }, { 2, "ECT(0)" }, { 3, "CE" }, { 0, NULL }
};
static const struct tok opt_names[] = {
	{ 0x00, "Pad1" }, { 0x01, "PadN" }, { 0x05, "Router Alert" }, { 0xc2, "Jumbo Payload" },
	{ 0xc9, "Home Address" }, { 0, NULL }
};
static const struct tok ra_names[] = {
	{ 0, "MLD" }, { 1, "RSVP" }, { 2, "Active Networks" }, { 0, NULL }
};
static const struct tok rt_names[] = {
	{ 0, "Source Route" }, { 2, "Type 2 Routing" }, { 3, "RPL Source Route" }, { 4, "Segment Routing" },
	{ 0, NULL }
};

static const struct field_def f_ipv6 FIELD_REG = {
	"ipv6", "Internet Protocol Version 6", FT_PROTO, NULL, NULL,
	"IPv6: carries a packet from one 128-bit address to another, across routers if needed.",
};
static const struct field_def f_version FIELD_REG = {
	"ipv6.version", "Version", FT_UINT, NULL, NULL, "Version: 6 for IPv6.",
};
static const struct field_def f_tclass FIELD_REG = {
	"ipv6.tclass", "Traffic Class", FT_HEX, NULL, NULL,
	"Traffic class: a priority mark (DSCP) and congestion signal (ECN), as in IPv4.",
};
static const struct field_def f_dscp FIELD_REG = {
	"ipv6.tclass.dscp", "Differentiated Services Codepoint", FT_UINT, NULL, NULL,
	"DSCP: how routers should prioritise this packet (0 is ordinary best effort).",
};
static const struct field_def f_ecn FIELD_REG = {
	"ipv6.tclass.ecn", "Explicit Congestion Notification", FT_UINT, ecn_names, NULL,
	"ECN: lets a congested router mark the packet instead of dropping it.",
};
static const struct field_def f_flow FIELD_REG = {
	"ipv6.flow", "Flow Label", FT_HEX, NULL, NULL,
	"Flow label: a number the sender may use to keep packets of one flow on one path.",
};
static const struct field_def f_plen FIELD_REG = {
	"ipv6.plen", "Payload Length", FT_UINT, NULL, NULL,
	"Payload length: bytes after the 40-byte header, extension headers included.",
};
static const struct field_def f_nxt FIELD_REG = {
	"ipv6.nxt", "Next Header", FT_UINT, nxt_names, NULL,
	"Next header: what follows this header (58 ICMPv6, 6 TCP, 17 UDP, or an extension header).",
};
static const struct field_def f_hlim FIELD_REG = {
	"ipv6.hlim", "Hop Limit", FT_UINT, NULL, NULL,
	"Hop limit: hops left before a router discards the packet (IPv6's TTL).",
};
static const struct field_def f_src FIELD_REG = {
	"ipv6.src", "Source Address", FT_IPV6, NULL, NULL, "Source address: the IPv6 address of the sender.",
};
static const struct field_def f_dst FIELD_REG = {
	"ipv6.dst", "Destination Address", FT_IPV6, NULL, NULL,
	"Destination address: the IPv6 address the packet is for.",
};
static const struct field_def f_hbh FIELD_REG = {
	"ipv6.hopopts", "IPv6 Hop-by-Hop Option", FT_GROUP, NULL, NULL,
	"Hop-by-hop options: instructions every router on the path must read.",
};
static const struct field_def f_hbh_nxt FIELD_REG = {
	"ipv6.hopopts.nxt", "Next Header", FT_UINT, nxt_names, NULL, "What follows this extension header.",
};
static const struct field_def f_hbh_len FIELD_REG = {
	"ipv6.hopopts.len", "Length", FT_UINT, NULL, NULL,
	"Header length in 8-byte units, not counting the first 8 bytes.",
};
static const struct field_def f_dst_opts FIELD_REG = {
	"ipv6.dstopts", "Destination Options for IPv6", FT_GROUP, NULL, NULL,
	"Destination options: instructions for the receiver only.",
};
static const struct field_def f_dst_nxt FIELD_REG = {
	"ipv6.dstopts.nxt", "Next Header", FT_UINT, nxt_names, NULL, "What follows this extension header.",
};
static const struct field_def f_dst_len FIELD_REG = {
	"ipv6.dstopts.len", "Length", FT_UINT, NULL, NULL,
	"Header length in 8-byte units, not counting the first 8 bytes.",
};
static const struct field_def f_opt FIELD_REG = {
	"ipv6.opt", "IPv6 Option", FT_GROUP, opt_names, NULL, "One option: a type, a length and its data.",
};
static const struct field_def f_opt_type FIELD_REG = {
	"ipv6.opt.type", "Type", FT_HEX, opt_names, NULL,
	"Option type; its top two bits say what a node that does not know it must do.",
};
static const struct field_def f_opt_len FIELD_REG = {
	"ipv6.opt.length", "Length", FT_UINT, NULL, NULL, "Bytes of option data that follow.",
};
static const struct field_def f_opt_padn FIELD_REG = {
	"ipv6.opt.padn", "PadN", FT_BYTES, NULL, NULL, "Padding that aligns the next option.",
};
static const struct field_def f_opt_ra FIELD_REG = {
	"ipv6.opt.router_alert", "Router Alert", FT_UINT, ra_names, NULL,
	"Router alert: asks routers to look inside this packet (0: it is MLD).",
};
static const struct field_def f_opt_jumbo FIELD_REG = {
	"ipv6.opt.jumbo", "Payload Length", FT_UINT, NULL, NULL,
	"Jumbo payload: the real payload length of a packet over 65,535 bytes (the header's field is 0).",
};
static const struct field_def f_opt_unknown FIELD_REG = {
	"ipv6.opt_unknown_data", "Unknown Data", FT_BYTES, NULL, NULL, "Data of an option not decoded here.",
};
static const struct field_def f_rt FIELD_REG = {
	"ipv6.routing", "Routing Header for IPv6", FT_GROUP, NULL, NULL,
	"Routing header: a list of nodes the packet must visit on its way.",
};
static const struct field_def f_rt_nxt FIELD_REG = {
	"ipv6.routing.nxt", "Next Header", FT_UINT, nxt_names, NULL, "What follows this extension header.",
};
static const struct field_def f_rt_len FIELD_REG = {
	"ipv6.routing.len", "Length", FT_UINT, NULL, NULL,
	"Header length in 8-byte units, not counting the first 8 bytes.",
};
static const struct field_def f_rt_type FIELD_REG = {
	"ipv6.routing.type", "Type", FT_UINT, rt_names, NULL, "Routing type: which routing scheme this is.",
};
static const struct field_def f_rt_segleft FIELD_REG = {
	"ipv6.routing.segleft", "Segments Left", FT_UINT, NULL, NULL,
	"Segments left: how many listed nodes are still to be visited.",
};
static const struct field_def f_rt_addr FIELD_REG = {
	"ipv6.routing.src.addr", "Address", FT_IPV6, NULL, NULL, "A node the packet is routed through.",
};
static const struct field_def f_rt_data FIELD_REG = {
	"ipv6.routing.unknown_data", "Type-Specific Data", FT_BYTES, NULL, NULL,
	"Data for this routing type, not decoded here.",
};
static const struct field_def f_frag FIELD_REG = {
	"ipv6.fraghdr", "Fragment Header for IPv6", FT_GROUP, NULL, NULL,
	"Fragment header: this packet is one piece of a larger one the sender split.",
};
static const struct field_def f_frag_nxt FIELD_REG = {
	"ipv6.fraghdr.nxt", "Next header", FT_UINT, nxt_names, NULL, "What the reassembled payload starts with.",
};
static const struct field_def f_frag_res FIELD_REG = {
	"ipv6.fraghdr.reserved_octet", "Reserved octet", FT_HEX, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_frag_off FIELD_REG = {
	"ipv6.fraghdr.offset", "Offset", FT_UINT, NULL, NULL,
	"Fragment offset in 8-byte units: where this piece goes in the original payload.",
};
static const struct field_def f_frag_more FIELD_REG = {
	"ipv6.fraghdr.more", "More Fragments", FT_BOOL, NULL, NULL, "More fragments follow this one.",
};
static const struct field_def f_frag_id FIELD_REG = {
	"ipv6.fraghdr.ident", "Identification", FT_HEX, NULL, NULL,
	"Identification: a number shared by all fragments of one original packet.",
};

static void v6_options(struct decoded *d, struct cursor *o)
{
	while (cursor_left(o) > 0) {
		uint32_t off = o->off;
		unsigned type = cursor_peek(o, 0), len;
		int g;

		if (type == 0) {
			g = dec_group(d, &f_opt, off, 1);
			dec_u8(d, o, &f_opt_type);
			dec_close(d, g, 0);
			continue;
		}
		len = cursor_has(o, 2) ? o->buf[off + 1] : 0;
		if (!cursor_has(o, 2) || len > cursor_left(o) - 2) {
			dec_malformed(d, off, cursor_left(o), "IPv6 option runs past its header");
			o->off = o->end;
			return;
		}
		g = dec_group(d, &f_opt, off, len + 2);
		if (g >= 0)
			d->fields[g].value = type;
		dec_u8(d, o, &f_opt_type);
		dec_u8(d, o, &f_opt_len);
		if (type == 5 && len == 2)
			dec_be16(d, o, &f_opt_ra);
		else if (type == 0xc2 && len == 4)
			dec_be32(d, o, &f_opt_jumbo);
		else if (len)
			dec_bytes(d, o, type == 1 ? &f_opt_padn : &f_opt_unknown, len);
		dec_close(d, g, 0);
	}
}

static void sum_tag(struct decoded *d, const char *s)
{
	dec_sum_str(d, s);
}

/* One extension header at the cursor; returns the next header, -1 after a later fragment, -2 when cut. */
static int v6_ext(struct decoded *d, struct cursor *p, unsigned nh)
{
	uint32_t off = p->off, len;
	unsigned nxt, hlen;
	struct cursor body;
	int g;

	if (!cursor_has(p, nh == 44 ? 8 : 2)) {
		dec_short(d, p, PROTO_IPV6);
		return -2;
	}
	hlen = p->buf[off + 1];
	len = nh == 44 ? 8 : (hlen + 1) * 8u;
	if (!cursor_has(p, len)) {
		dec_short(d, p, PROTO_IPV6);
		return -2;
	}
	switch (nh) {
	case 0:
	case 60:
		g = dec_group(d, nh == 0 ? &f_hbh : &f_dst_opts, off, len);
		nxt = dec_u8(d, p, nh == 0 ? &f_hbh_nxt : &f_dst_nxt);
		dec_u8(d, p, nh == 0 ? &f_hbh_len : &f_dst_len);
		body = cursor_sub(p, len - 2);
		v6_options(d, &body);
		sum_tag(d, nh == 0 ? "HBH " : "DSTOPT ");
		break;
	case 43:
		g = dec_group(d, &f_rt, off, len);
		nxt = dec_u8(d, p, &f_rt_nxt);
		dec_u8(d, p, &f_rt_len);
		{
			unsigned type = dec_u8(d, p, &f_rt_type);
			unsigned left = dec_u8(d, p, &f_rt_segleft);
			struct fmtbuf b;

			body = cursor_sub(p, len - 4);
			if (type == 0) {
				cursor_skip(&body, 4);
				while (cursor_has(&body, 16))
					dec_bytes(d, &body, &f_rt_addr, 16);
			}
			if (cursor_left(&body))
				dec_bytes(d, &body, &f_rt_data, cursor_left(&body));
			b = dec_sum_begin(d);
			fmtbuf_str(&b, "RT6 (len=");
			fmtbuf_u64(&b, hlen);
			fmtbuf_str(&b, ", type=");
			fmtbuf_u64(&b, type);
			if (type == 0)
				fmtbuf_str(&b, " [Deprecated]");
			fmtbuf_str(&b, ", segleft=");
			fmtbuf_u64(&b, left);
			if (type == 0) {
				uint32_t a;
				unsigned i = 0;

				for (a = off + 8; a + 16 <= off + len; a += 16, i++) {
					fmtbuf_str(&b, ", [");
					fmtbuf_u64(&b, i);
					fmtbuf_char(&b, ']');
					fmtbuf_ip6(&b, p->buf + a);
				}
			}
			fmtbuf_str(&b, ") ");
			dec_sum_end(d, &b);
		}
		break;
	default: /* 44 */
	{
		unsigned offm;
		uint32_t id;
		struct fmtbuf b;

		g = dec_group(d, &f_frag, off, 8);
		nxt = dec_u8(d, p, &f_frag_nxt);
		dec_u8(d, p, &f_frag_res);
		offm = get_be16(p->buf + p->off);
		dec_add(d, &f_frag_off, p->off, 2, offm >> 3);
		dec_add(d, &f_frag_more, p->off, 2, offm & 1);
		p->off += 2;
		id = dec_be32(d, p, &f_frag_id);
		b = dec_sum_begin(d);
		(void)id;
		fmtbuf_str(&b, "frag (");
		fmtbuf_u64(&b, (offm >> 3) * 8u);
		fmtbuf_char(&b, '|');
		fmtbuf_u64(&b, cursor_left(p));
		fmtbuf_str(&b, ") ");
		dec_sum_end(d, &b);
		dec_close(d, g, off + 8);
		if (offm >> 3)
			return -1;	/* a later fragment: its payload is not an upper-layer header */
		return (int)nxt;
	}
	}
	p->off = off + len;
	dec_close(d, g, off + len);
	return (int)nxt;
}

/* ip.version, which Wireshark keeps hidden in an IPv6 header (beside ipv6.version) */
static void add_ip_version(struct decoded *d, uint32_t start, unsigned version)
{
	int i = dec_add(d, &dec_ip_version, start, 1, version);

	if (i >= 0)
		d->fields[i].flags |= FIELD_HIDDEN;
}

static int is_ext(unsigned nh) { return nh == 0 || nh == 43 || nh == 44 || nh == 60; }

/* A header cut by the capture: every field whose bytes are all there, as Wireshark shows them. */
static void v6_partial(struct decoded *d, const struct cursor *c, uint32_t start)
{
	const uint8_t *h = c->buf + start;
	uint32_t have = c->end - start;

	if (have >= 1) {
		add_ip_version(d, start, h[0] >> 4);
		dec_add(d, &f_version, start, 1, h[0] >> 4);
	}
	if (have >= 4) {
		uint32_t vtf = get_be32(h);

		dec_add(d, &f_tclass, start, 4, (vtf >> 20) & 0xff);
		dec_add(d, &f_dscp, start, 4, (vtf >> 22) & 0x3f);
		dec_add(d, &f_ecn, start, 4, (vtf >> 20) & 3);
		dec_add(d, &f_flow, start + 1, 3, vtf & 0xfffff);
	}
	if (have >= 6)
		dec_add(d, &f_plen, start + 4, 2, get_be16(h + 4));
	if (have >= 7)
		dec_add(d, &f_nxt, start + 6, 1, h[6]);
	if (have >= 8)
		dec_add(d, &f_hlim, start + 7, 1, h[7]);
	if (have >= 24)
		dec_add(d, &f_src, start + 8, 16, 0);
}

/* The Jumbo Payload option's length (RFC 2675), when the first extension header carries one. */
static uint32_t v6_jumbo(const struct cursor *c)
{
	uint32_t off = c->off + 2, end;

	if (!cursor_has(c, 8))
		return 0;
	end = c->off + (c->buf[c->off + 1] + 1u) * 8;
	if (end > c->end)
		end = c->end;
	while (off + 2 <= end) {
		unsigned type = c->buf[off];

		if (type == 0) {
			off++;
			continue;
		}
		if (type == 0xc2 && c->buf[off + 1] == 4 && off + 6 <= end)
			return get_be32(c->buf + off + 2);
		off += 2u + c->buf[off + 1];
	}
	return 0;
}

void decode_ipv6(struct decoded *d, struct cursor *c)
{
	uint32_t start = c->off, vtf, plen;
	const uint8_t *h;
	unsigned nh;
	struct l3info l3 = { 0 };
	struct cursor payload;
	int idx, exts = 0, next, frag = 0;

	h = c->buf + start;
	if (cursor_has(c, 1) && (h[0] >> 4) != 6) {
		/* Wireshark does not take it for IPv6 at all (data); tcpdump says so in its line */
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "IP6 version error: ");
		fmtbuf_u64(&b, h[0] >> 4);
		fmtbuf_str(&b, " != 6");
		dec_sum_end(d, &b);
		add_ip_version(d, start, h[0] >> 4);
		dec_add(d, &f_version, start, 1, h[0] >> 4);
		dec_malformed(d, start, 1, "IP version is not 6");
		decode_data(d, c);
		return;
	}
	idx = dec_open(d, PROTO_IPV6, &f_ipv6, start, 40);
	if (!cursor_has(c, 40)) {
		v6_partial(d, c, start);
		dec_short(d, c, PROTO_IPV6);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	vtf = get_be32(h);
	add_ip_version(d, start, vtf >> 28);
	dec_add(d, &f_version, start, 1, vtf >> 28);
	dec_add(d, &f_tclass, start, 4, (vtf >> 20) & 0xff);
	dec_add(d, &f_dscp, start, 4, (vtf >> 22) & 0x3f);
	dec_add(d, &f_ecn, start, 4, (vtf >> 20) & 3);
	dec_add(d, &f_flow, start + 1, 3, vtf & 0xfffff);
	plen = get_be16(h + 4);
	dec_add(d, &f_plen, start + 4, 2, plen);
	nh = h[6];
	dec_add(d, &f_nxt, start + 6, 1, nh);
	dec_add(d, &f_hlim, start + 7, 1, h[7]);
	dec_add(d, &f_src, start + 8, 16, 0);
	dec_add(d, &f_dst, start + 24, 16, 0);
	c->off = start + 40;
	l3.af = 6;
	l3.src = h + 8;
	l3.dst = h + 24;
	l3.src_off = start + 8;
	l3.dst_off = start + 24;
	if (plen == 0 && nh == 0 && (plen = v6_jumbo(c)) != 0)
		l3.jumbo = 1;	/* a jumbogram: the option says how long the payload is */
	payload = cursor_sub(c, plen);
	dec_sum_str(d, "IP6 ");
	if (plen > d->len - c->off && !d->inner) {
		struct fmtbuf b = dec_sum_begin(d);

		dec_malformed(d, start + 4, 2, "IPv6 payload length exceeds the frame length");
		fmtbuf_str(&b, "truncated-ip6 - ");
		fmtbuf_u64(&b, plen - (d->len - c->off));
		fmtbuf_str(&b, " bytes missing! ");
		dec_sum_end(d, &b);
	}
	if (is_ext(nh) || (nh != 6 && nh != 17))
		dec_sum_addrs(d, &l3, -1, -1);
	else
		l3.summary_open = 1;
	l3.ports_only = is_ext(nh);
	while (is_ext(nh) && exts++ < 16) {
		if (nh == 44)
			frag = 1;
		next = v6_ext(d, &payload, nh);
		if (next < 0) {
			if (d->summary_len && d->summary[d->summary_len - 1] == ' ' && !d->inner)
				d->summary[--d->summary_len] = '\0';
			dec_close(d, idx, payload.off);
			if (next == -1)
				decode_data(d, &payload);
			c->off = payload.end;
			return;
		}
		nh = (unsigned)next;
	}
	dec_close(d, idx, payload.off);
	l3.claimed = start + 40 + plen - payload.off;
	l3.plen = l3.claimed <= d->len - payload.off ? l3.claimed : d->len - payload.off;
	l3.fragment = frag;
	if (nh == 59) {
		dec_sum_str(d, "no next header");
		decode_data(d, &payload);
	} else {
		decode_ipproto(d, &payload, nh, &l3);
	}
	c->off = payload.off;
}
