/* decode_icmp.c — ICMP for IPv4 (RFC 792, 950, 1122, 1191, 1256): every type in use, codes by name, quoted packets. */
/*
 * RFC 792 (the messages), RFC 950 (address mask), RFC 1122 3.2.2 (which are in use, codes 6-12),
 * RFC 1191 (next-hop MTU in "fragmentation needed"), RFC 1256 (router discovery), RFC 1812 (codes 13-15).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Identifier (echo, timestamp, info, mask) |  Sequence Number |
 * |   or: unused / next-hop MTU / gateway / pointer / RA header    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Errors (3, 4, 5, 11, 12): the offending IP header + 8 bytes   |
 * |  Echo: data; Timestamp: 3 x 32-bit times; Mask: 32-bit mask    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * The checksum covers the whole ICMP message.
 */
#include "bytes.h"
#include "checksum.h"
#include "decode_priv.h"

static const struct tok type_names[] = {
	{ 0, "Echo (ping) reply" }, { 3, "Destination unreachable" }, { 4, "Source quench (flow control)" },
	{ 5, "Redirect" }, { 8, "Echo (ping) request" }, { 9, "Router advertisement" },
	{ 10, "Router solicitation" }, { 11, "Time-to-live exceeded" }, { 12, "Parameter problem" },
	{ 13, "Timestamp request" }, { 14, "Timestamp reply" }, { 15, "Information request" },
	{ 16, "Information reply" }, { 17, "Address mask request" }, { 18, "Address mask reply" },
	{ 42, "Extended Echo request" }, { 43, "Extended Echo reply" }, { 0, NULL }
};
static const struct tok unreach_codes[] = {
	{ 0, "Network unreachable" }, { 1, "Host unreachable" }, { 2, "Protocol unreachable" },
	{ 3, "Port unreachable" }, { 4, "Fragmentation needed" }, { 5, "Source route failed" },
	{ 6, "Destination network unknown" }, { 7, "Destination host unknown" },
	{ 8, "Source host isolated" }, { 9, "Network administratively prohibited" },
	{ 10, "Host administratively prohibited" }, { 11, "Network unreachable for TOS" },
	{ 12, "Host unreachable for TOS" }, { 13, "Communication administratively filtered" },
	{ 14, "Host precedence violation" }, { 15, "Precedence cutoff in effect" }, { 0, NULL }
};
static const struct tok redirect_codes[] = {
	{ 0, "Redirect for network" }, { 1, "Redirect for host" },
	{ 2, "Redirect for TOS and network" }, { 3, "Redirect for TOS and host" }, { 0, NULL }
};
static const struct tok timex_codes[] = {
	{ 0, "Time to live exceeded in transit" }, { 1, "Fragment reassembly time exceeded" }, { 0, NULL }
};
static const struct tok param_codes[] = {
	{ 0, "Pointer indicates the error" }, { 1, "Required option missing" }, { 2, "Bad length" }, { 0, NULL }
};
static const struct tok radv_codes[] = {
	{ 0, "Normal router advertisement" }, { 16, "Does not route common traffic" }, { 0, NULL }
};

/* tcpdump's words for the summary */
static const struct tok unreach_fmt[] = {
	{ 0, "net # unreachable" }, { 1, "host # unreachable" }, { 5, "# unreachable - source route failed" },
	{ 6, "net # unreachable - unknown" }, { 7, "host # unreachable - unknown" },
	{ 8, "# unreachable - source host isolated" }, { 9, "net # unreachable - admin prohibited" },
	{ 10, "host # unreachable - admin prohibited" }, { 11, "net # unreachable - tos prohibited" },
	{ 12, "host # unreachable - tos prohibited" }, { 13, "host # unreachable - admin prohibited filter" },
	{ 14, "host # unreachable - host precedence violation" },
	{ 15, "host # unreachable - precedence cutoff" }, { 0, NULL }
};
static const struct tok redirect_fmt[] = {
	{ 0, "redirect # to net " }, { 1, "redirect # to host " }, { 2, "redirect-tos # to net " },
	{ 3, "redirect-tos # to host " }, { 0, NULL }
};
static const struct tok info_words[] = {
	{ 3, "destination unreachable" }, { 5, "redirect" }, { 11, "time exceeded" },
	{ 12, "parameter problem" }, { 4, "source quench" }, { 10, "router solicitation" }, { 15, "information request" },
	{ 16, "information reply" }, { 17, "address mask request" }, { 0, NULL }
};

static const struct field_def f_icmp FIELD_REG = {
	"icmp", "Internet Control Message Protocol", FT_PROTO, NULL, NULL,
	"ICMP: IPv4's messages about delivery (echo for ping, unreachable, time exceeded...).",
};
/* the defs below share one name string: JSON's first-occurrence filter compares name pointers */
static const char code_name[] = "icmp.code";
#define CODE_DEF(var, table) \
	static const struct field_def var FIELD_REG = { code_name, "Code", FT_UINT, table, NULL, \
		"Code: refines the type (for \"unreachable\": network, host, port...)." }
CODE_DEF(f_code, NULL);
CODE_DEF(f_code_unreach, unreach_codes);
CODE_DEF(f_code_redirect, redirect_codes);
CODE_DEF(f_code_timex, timex_codes);
CODE_DEF(f_code_param, param_codes);
CODE_DEF(f_code_radv, radv_codes);
static const struct field_def f_type FIELD_REG = {
	"icmp.type", "Type", FT_UINT, type_names, NULL,
	"Type: what kind of ICMP message this is (8 echo request, 0 echo reply, 3 unreachable...).",
};
static const struct field_def f_checksum FIELD_REG = {
	"icmp.checksum", "Checksum", FT_HEX, NULL, NULL,
	"Checksum over the whole ICMP message, so damage can be detected.",
};
static const struct field_def f_checksum_status FIELD_REG = {
	"icmp.checksum.status", "Checksum Status", FT_CSUM, NULL, NULL,
	"Whether the checksum matches the message's bytes.",
};
const struct field_def dec_icmp_ident FIELD_REG = {
	"icmp.ident", "Identifier (BE)", FT_UINT, NULL, NULL,
	"Identifier: chosen by the sender (ping uses it to tell its sessions apart); the reply copies it.",
};
#define f_ident dec_icmp_ident
static const struct field_def f_seq FIELD_REG = {
	"icmp.seq", "Sequence Number (BE)", FT_UINT, NULL, NULL,
	"Sequence number: counts the requests; the reply copies it so they can be matched.",
};
static const struct field_def f_data_time FIELD_REG = {
	"icmp.data_time", "Timestamp from icmp data", FT_ABSTIME, NULL, NULL,
	"When ping sent this request, as ping wrote it into the first 8 data bytes.",
};
static const struct field_def f_unused FIELD_REG = {
	"icmp.unused", "Unused", FT_BYTES, NULL, NULL, "Unused: zero.",
};
static const struct field_def f_mtu FIELD_REG = {
	"icmp.mtu", "MTU of next hop", FT_UINT, NULL, NULL,
	"Next-hop MTU: the largest packet the next link takes (path MTU discovery, RFC 1191).",
};
static const struct field_def f_gw FIELD_REG = {
	"icmp.redir_gw", "Gateway Address", FT_IPV4, NULL, NULL,
	"Gateway: the better first-hop router to use for this destination.",
};
static const struct field_def f_pointer FIELD_REG = {
	"icmp.pointer", "Pointer", FT_UINT, NULL, NULL,
	"Pointer: the byte of the quoted header where the problem was found.",
};
static const struct field_def f_num_addrs FIELD_REG = {
	"icmp.num_addrs", "Number of addresses", FT_UINT, NULL, NULL,
	"How many router addresses this advertisement lists.",
};
static const struct field_def f_entry_size FIELD_REG = {
	"icmp.addr_entry_size", "Address entry size", FT_UINT, NULL, NULL,
	"Size of each entry in 32-bit words (2: an address and a preference).",
};
static const struct field_def f_lifetime FIELD_REG = {
	"icmp.lifetime", "Lifetime", FT_UINT, NULL, " seconds",
	"How long the advertised addresses may be used as default routers.",
};
static const struct field_def f_router FIELD_REG = {
	"icmp.router_address", "Router address", FT_IPV4, NULL, NULL, "An address of the advertising router.",
};
static const struct field_def f_pref FIELD_REG = {
	"icmp.pref_level", "Preference level", FT_UINT, NULL, NULL,
	"Preference of this address as a default router (higher is better; signed).",
};
static const struct field_def f_otime FIELD_REG = {
	"icmp.originate_timestamp", "Originate Timestamp", FT_UINT, NULL, NULL,
	"When the sender sent the request: milliseconds since midnight UT.",
};
static const struct field_def f_rtime FIELD_REG = {
	"icmp.receive_timestamp", "Receive Timestamp", FT_UINT, NULL, NULL,
	"When the replier received the request: milliseconds since midnight UT.",
};
static const struct field_def f_ttime FIELD_REG = {
	"icmp.transmit_timestamp", "Transmit Timestamp", FT_UINT, NULL, NULL,
	"When the replier sent the reply: milliseconds since midnight UT.",
};
static const struct field_def f_mask FIELD_REG = {
	"icmp.address_mask", "Address Mask", FT_IPV4, NULL, NULL, "The subnet mask of the network (RFC 950).",
};

static const struct field_def *code_def(unsigned type)
{
	switch (type) {
	case 3: return &f_code_unreach;
	case 5: return &f_code_redirect;
	case 11: return &f_code_timex;
	case 12: return &f_code_param;
	case 9: return &f_code_radv;
	}
	return &f_code;
}

static void put_fmt(struct fmtbuf *b, const char *fmt, const uint8_t *addr)
{
	for (; *fmt; fmt++) {
		if (*fmt == '#')
			fmtbuf_ip4(b, addr);
		else
			fmtbuf_char(b, *fmt);
	}
}

/* The summary for the error types, from the quoted header (q: its first byte, n: bytes there). */
static int error_summary(struct fmtbuf *b, unsigned type, unsigned code, const uint8_t *h,
			 const uint8_t *q, uint32_t n)
{
	unsigned qhl, dport;

	if (n < 20)
		return 0;
	qhl = (q[0] & 0xf) * 4u;
	switch (type) {
	case 3:
		if (code == 2) {
			fmtbuf_ip4(b, q + 16);
			fmtbuf_str(b, " protocol ");
			fmtbuf_u64(b, q[9]);
			fmtbuf_str(b, " unreachable");
		} else if (code == 3) {
			if (qhl < 20 || n < qhl + 4)
				return 0;
			dport = get_be16(q + qhl + 2);
			fmtbuf_ip4(b, q + 16);
			if (q[9] == 6 || q[9] == 17) {
				fmtbuf_str(b, q[9] == 6 ? " tcp port " : " udp port ");
			} else {
				fmtbuf_str(b, " protocol ");
				fmtbuf_u64(b, q[9]);
				fmtbuf_str(b, " port ");
			}
			fmtbuf_u64(b, dport);
			fmtbuf_str(b, " unreachable");
		} else if (code == 4) {
			fmtbuf_ip4(b, q + 16);
			fmtbuf_str(b, " unreachable - need to frag");
			if (get_be16(h + 6)) {
				fmtbuf_str(b, " (mtu ");
				fmtbuf_u64(b, get_be16(h + 6));
				fmtbuf_char(b, ')');
			}
		} else if (tok_name(unreach_fmt, code)) {
			put_fmt(b, tok_name(unreach_fmt, code), q + 16);
		} else {
			fmtbuf_char(b, '#');
			fmtbuf_u64(b, code);
			fmtbuf_char(b, ' ');
			fmtbuf_ip4(b, q + 16);
			fmtbuf_str(b, " unreachable");
		}
		return 1;
	case 5:
		if (tok_name(redirect_fmt, code)) {
			put_fmt(b, tok_name(redirect_fmt, code), q + 16);
		} else {
			fmtbuf_str(b, "redirect-#");
			fmtbuf_u64(b, code);
			put_fmt(b, " # to net ", q + 16);
		}
		fmtbuf_ip4(b, h + 4);
		return 1;
	case 11:
		if (code == 0)
			fmtbuf_str(b, "time exceeded in-transit");
		else if (code == 1)
			fmtbuf_str(b, "ip reassembly time exceeded");
		else {
			fmtbuf_str(b, "time exceeded-#");
			fmtbuf_u64(b, code);
		}
		return 1;
	}
	return 0;
}

/* Milliseconds since midnight UT as HH:MM:SS.mmm (tcpdump's form). */
static void put_ms(struct fmtbuf *b, uint32_t ms)
{
	unsigned v[4] = { ms / 3600000u, ms / 60000u % 60, ms / 1000u % 60, ms % 1000u };

	if (v[0] < 10)
		fmtbuf_char(b, '0');
	fmtbuf_u64(b, v[0]);
	fmtbuf_char(b, ':');
	if (v[1] < 10)
		fmtbuf_char(b, '0');
	fmtbuf_u64(b, v[1]);
	fmtbuf_char(b, ':');
	if (v[2] < 10)
		fmtbuf_char(b, '0');
	fmtbuf_u64(b, v[2]);
	fmtbuf_char(b, '.');
	if (v[3] < 100)
		fmtbuf_char(b, '0');
	if (v[3] < 10)
		fmtbuf_char(b, '0');
	fmtbuf_u64(b, v[3]);
}

static void icmp_summary(struct decoded *d, const struct cursor *c, uint32_t start, unsigned type,
			 unsigned code, uint32_t icmp_len)
{
	const uint8_t *h = c->buf + start;
	uint32_t have = c->end - start;
	struct fmtbuf b = dec_sum_begin(d);
	const char *w;

	fmtbuf_str(&b, "ICMP ");
	if ((type == 0 || type == 8) && have >= 8) {
		fmtbuf_str(&b, type == 8 ? "echo request, id " : "echo reply, id ");
		fmtbuf_u64(&b, get_be16(h + 4));
		fmtbuf_str(&b, ", seq ");
		fmtbuf_u64(&b, get_be16(h + 6));
	} else if ((type == 3 || type == 5 || type == 11) && have >= 8 &&
		   error_summary(&b, type, code, h, h + 8, have - 8)) {
		/* written */
	} else if (type == 12 && have >= 8) {
		fmtbuf_str(&b, "parameter problem - ");
		fmtbuf_str(&b, code ? "code " : "octet ");
		fmtbuf_u64(&b, code ? code : h[4]);
	} else if (type == 13 && have >= 8) {
		fmtbuf_str(&b, "time stamp query id ");
		fmtbuf_u64(&b, get_be16(h + 4));
		fmtbuf_str(&b, " seq ");
		fmtbuf_u64(&b, get_be16(h + 6));
	} else if (type == 14 && have >= 20) {
		fmtbuf_str(&b, "time stamp reply id ");
		fmtbuf_u64(&b, get_be16(h + 4));
		fmtbuf_str(&b, " seq ");
		fmtbuf_u64(&b, get_be16(h + 6));
		fmtbuf_str(&b, ": org ");
		put_ms(&b, get_be32(h + 8));
		fmtbuf_str(&b, ", recv ");
		put_ms(&b, get_be32(h + 12));
		fmtbuf_str(&b, ", xmit ");
		put_ms(&b, get_be32(h + 16));
	} else if (type == 18 && have >= 12) {
		fmtbuf_str(&b, "address mask is 0x");
		fmtbuf_hex(&b, get_be32(h + 8), 8);
	} else if (type == 9 && have >= 8) {
		unsigned life = get_be16(h + 6), i, num = h[4];

		fmtbuf_str(&b, "router advertisement lifetime ");
		if (life >= 3600) {
			fmtbuf_u64(&b, life / 3600);
			fmtbuf_char(&b, ':');
		}
		if (life >= 60) {
			if (life >= 3600 && (life % 3600) / 60 < 10)
				fmtbuf_char(&b, '0');
			fmtbuf_u64(&b, (life % 3600) / 60);
			fmtbuf_char(&b, ':');
			if (life % 60 < 10)
				fmtbuf_char(&b, '0');
		}
		fmtbuf_u64(&b, life % 60);
		fmtbuf_char(&b, ' ');
		fmtbuf_u64(&b, num);
		fmtbuf_char(&b, ':');
		for (i = 0; h[5] == 2 && i < num && 8 + 8 * (i + 1) <= have; i++) {
			fmtbuf_str(&b, " {");
			fmtbuf_ip4(&b, h + 8 + 8 * i);
			fmtbuf_char(&b, ' ');
			fmtbuf_u64(&b, get_be32(h + 12 + 8 * i));
			fmtbuf_char(&b, '}');
		}
	} else if ((w = tok_name(info_words, type)) != NULL) {
		fmtbuf_str(&b, w);
	} else {
		fmtbuf_str(&b, "type-#");
		fmtbuf_u64(&b, type);
	}
	fmtbuf_str(&b, ", length ");
	fmtbuf_u64(&b, icmp_len);
	dec_sum_end(d, &b);
}

static void icmp_quoted(struct decoded *d, struct cursor *c)
{
	struct cursor q = *c;

	if (!cursor_has(c, 1))
		return;
	d->inner++;
	decode_ip(d, &q);
	d->inner--;
	c->off = c->end;
}

/*
 * ping puts its send time in the first 8 data bytes (seconds, microseconds; big- or
 * little-endian). Wireshark shows it as icmp.data_time when it is within a day of the frame's
 * own time, and so does tapscope.
 */
static void echo_time(struct decoded *d, struct cursor *c)
{
	const uint8_t *p = c->buf + c->off;
	uint32_t s, us;
	int64_t diff;

	if (!cursor_has(c, 8))
		return;
	s = get_be32(p);
	us = get_be32(p + 4);
	diff = (int32_t)(s - (uint32_t)d->ts_sec);
	if (diff <= -86400 || diff >= 86400 || us >= 1000000) {
		s = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
		us = (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
		diff = (int32_t)(s - (uint32_t)d->ts_sec);
	}
	if (diff <= -86400 || diff >= 86400 || us >= 1000000)
		return;
	dec_add(d, &f_data_time, c->off, 8, (uint64_t)s << 20 | us);
	c->off += 8;
}

static void icmp_body(struct decoded *d, struct cursor *c, unsigned type, unsigned code)
{
	unsigned i, num, size;

	switch (type) {
	case 0:
	case 8:
		dec_be16(d, c, &f_ident);
		dec_be16(d, c, &f_seq);
		if (!d->inner)
			echo_time(d, c);
		break;
	case 15:
	case 16:
		dec_be16(d, c, &f_ident);
		dec_be16(d, c, &f_seq);
		break;
	case 13:
	case 14:
		dec_be16(d, c, &f_ident);
		dec_be16(d, c, &f_seq);
		dec_be32(d, c, &f_otime);
		dec_be32(d, c, &f_rtime);
		dec_be32(d, c, &f_ttime);
		break;
	case 17:
	case 18:
		dec_be16(d, c, &f_ident);
		dec_be16(d, c, &f_seq);
		dec_bytes(d, c, &f_mask, 4);
		break;
	case 3:
		if (code == 4) {	/* code 4: RFC 1191 */
			dec_bytes(d, c, &f_unused, 2);
			dec_be16(d, c, &f_mtu);
		} else {
			dec_bytes(d, c, &f_unused, 4);
		}
		icmp_quoted(d, c);
		break;
	case 4:		/* Wireshark shows no field for source quench's unused word */
		cursor_skip(c, 4);
		icmp_quoted(d, c);
		break;
	case 11:
		dec_bytes(d, c, &f_unused, 4);
		icmp_quoted(d, c);
		break;
	case 5:
		dec_bytes(d, c, &f_gw, 4);
		icmp_quoted(d, c);
		break;
	case 12:
		dec_u8(d, c, &f_pointer);
		dec_bytes(d, c, &f_unused, 3);
		icmp_quoted(d, c);
		break;
	case 9:
		num = dec_u8(d, c, &f_num_addrs);
		size = dec_u8(d, c, &f_entry_size);
		dec_be16(d, c, &f_lifetime);
		for (i = 0; i < num && size == 2 && cursor_has(c, 8); i++) {
			dec_bytes(d, c, &f_router, 4);
			dec_be32(d, c, &f_pref);
		}
		break;
	case 10:		/* nor for a router solicitation's reserved word */
		cursor_skip(c, 4);
		break;
	case 42:
	case 43:
		decode_icmp_extecho(d, c, type);
		break;
	}
}

void decode_icmp(struct decoded *d, struct cursor *c, struct l3info *l3)
{
	uint32_t start = c->off, icmp_len = l3->plen, shown_len = l3->claimed;
	unsigned type, code;
	int idx = dec_open(d, PROTO_ICMP, &f_icmp, start, cursor_left(c));

	if (!cursor_has(c, 4)) {
		dec_short(d, c, PROTO_ICMP);
		dec_close(d, idx, c->off);
		return;
	}
	type = dec_u8(d, c, &f_type);
	code = dec_u8(d, c, code_def(type));
	dec_be16(d, c, &f_checksum);
	if (d->inner) {
		dec_csum(d, &f_checksum_status, start + 2, CSUM_UNVERIFIED, 0);	/* a quote: not checked */
	} else if (dec_tree(d)) {
		const uint8_t *p = c->buf + start;

		if (!l3->fragment && cursor_has(c, icmp_len - 4) && icmp_len >= 4) {
			uint16_t correct;
			int good = csum_verify(0, p, icmp_len, 2, &correct);

			dec_csum(d, &f_checksum_status, start + 2, good ? CSUM_GOOD : CSUM_BAD, correct);
		} else {
			dec_csum(d, &f_checksum_status, start + 2, CSUM_UNVERIFIED, 0);
		}
	}
	icmp_body(d, c, type, code);
	if (c->truncated) {
		icmp_summary(d, c, start, type, code, shown_len);
		dec_short(d, c, PROTO_ICMP);
		dec_close(d, idx, c->off);
		return;
	}
	if (cursor_left(c) && !d->inner)
		decode_data(d, c);
	c->off = c->end;
	dec_close(d, idx, c->off);
	icmp_summary(d, c, start, type, code, shown_len);
	if (!d->inner && start + icmp_len > c->end)
		dec_short(d, c, PROTO_ICMP);	/* the message goes on past what was captured */
}
