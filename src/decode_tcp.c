/* decode_tcp.c — the Transmission Control Protocol (RFC 9293): header, flags, options and checksum. */
/*
 * RFC 9293 (was 793); options: MSS and window scale (RFC 7323), SACK (RFC 2018), timestamps (RFC 7323);
 * ECN flags CWR/ECE (RFC 3168) and AE (RFC 9768 / AccECN).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |          Source Port          |       Destination Port        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                        Sequence Number                        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Acknowledgment Number                      |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  Data |Res  |A|C|E|U|A|P|R|S|F|                               |
 * | Offset|     |E|W|C|R|C|S|S|Y|I|            Window             |
 * |       |     | |R|E|G|K|H|T|N|N|                               |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Checksum            |         Urgent Pointer        |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Options (Data Offset > 5)  |    Padding    |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * Sequence numbers are shown as sent (Wireshark's tcp.seq_raw; tcpdump -S), since one frame has
 * no connection to be relative to.
 */
#include "bytes.h"
#include "checksum.h"
#include "decode_priv.h"

static const struct tok opt_names[] = {
	{ 0, "End of Option List (EOL)" }, { 1, "No-Operation (NOP)" }, { 2, "Maximum segment size" },
	{ 3, "Window scale" }, { 4, "SACK permitted" }, { 5, "SACK" }, { 8, "Timestamps" },
	{ 6, "Echo" }, { 7, "Echo reply" }, { 19, "TCP MD5 signature" }, { 27, "Quick-Start Response" },
	{ 28, "User Timeout" }, { 29, "TCP Authentication Option" }, { 30, "Multipath TCP" },
	{ 34, "TCP Fast Open Cookie" }, { 69, "Encryption Negotiation (TCP-ENO)" },
	{ 253, "RFC3692-style Experiment 1" }, { 254, "RFC3692-style Experiment 2" }, { 0, NULL }
};

static const struct field_def f_tcp FIELD_REG = {
	"tcp", "Transmission Control Protocol", FT_PROTO, NULL, NULL,
	"TCP: a reliable, ordered byte stream between two ports, with connections and retransmission.",
};
static const struct field_def f_srcport FIELD_REG = {
	"tcp.srcport", "Source Port", FT_UINT, NULL, NULL, "Source port: the sending program's port.",
};
static const struct field_def f_dstport FIELD_REG = {
	"tcp.dstport", "Destination Port", FT_UINT, NULL, NULL,
	"Destination port: which program on the receiver gets the data (80 HTTP, 443 HTTPS, 22 SSH).",
};
static const struct field_def f_seq FIELD_REG = {
	"tcp.seq_raw", "Sequence Number (raw)", FT_UINT, NULL, NULL,
	"Sequence number: the position of this segment's first byte in the sender's stream.",
};
static const struct field_def f_ack FIELD_REG = {
	"tcp.ack_raw", "Acknowledgment number (raw)", FT_UINT, NULL, NULL,
	"Acknowledgment: the next byte the sender expects from the other side (valid with ACK).",
};
static const struct field_def f_hdr_len FIELD_REG = {
	"tcp.hdr_len", "Header Length", FT_UINT, NULL, " bytes",
	"Header length: 20 bytes plus options (the field counts 4-byte words).",
};
static const struct field_def f_flags FIELD_REG = {
	"tcp.flags", "Flags", FT_HEX, NULL, NULL,
	"Flags: SYN opens, FIN closes, RST aborts, ACK acknowledges, PSH pushes data to the program.",
};
static const struct field_def f_res FIELD_REG = {
	"tcp.flags.res", "Reserved", FT_BOOL, NULL, NULL, "Reserved bits: zero.",
};
static const struct field_def f_ae FIELD_REG = {
	"tcp.flags.ae", "Accurate ECN", FT_BOOL, NULL, NULL, "AE: accurate congestion feedback (was NS).",
};
static const struct field_def f_cwr FIELD_REG = {
	"tcp.flags.cwr", "Congestion Window Reduced", FT_BOOL, NULL, NULL,
	"CWR: the sender slowed down after a congestion signal.",
};
static const struct field_def f_ece FIELD_REG = {
	"tcp.flags.ece", "ECN-Echo", FT_BOOL, NULL, NULL,
	"ECE: tells the other side a router marked congestion on the way.",
};
static const struct field_def f_urg FIELD_REG = {
	"tcp.flags.urg", "Urgent", FT_BOOL, NULL, NULL, "URG: the urgent pointer is valid.",
};
static const struct field_def f_fack FIELD_REG = {
	"tcp.flags.ack", "Acknowledgment", FT_BOOL, NULL, NULL,
	"ACK: the acknowledgment number is valid (set on all but the first segment).",
};
static const struct field_def f_psh FIELD_REG = {
	"tcp.flags.push", "Push", FT_BOOL, NULL, NULL, "PSH: hand the data to the program without waiting.",
};
static const struct field_def f_rst FIELD_REG = {
	"tcp.flags.reset", "Reset", FT_BOOL, NULL, NULL, "RST: abort the connection (or refuse it).",
};
static const struct field_def f_syn FIELD_REG = {
	"tcp.flags.syn", "Syn", FT_BOOL, NULL, NULL, "SYN: open a connection and fix the first sequence number.",
};
static const struct field_def f_fin FIELD_REG = {
	"tcp.flags.fin", "Fin", FT_BOOL, NULL, NULL, "FIN: the sender has no more data to send.",
};
static const struct field_def f_window FIELD_REG = {
	"tcp.window_size_value", "Window", FT_UINT, NULL, NULL,
	"Window: how many more bytes the sender can receive (before any window scaling).",
};
static const struct field_def f_checksum FIELD_REG = {
	"tcp.checksum", "Checksum", FT_HEX, NULL, NULL,
	"Checksum over the segment and an IP pseudo-header, so damage can be detected.",
};
static const struct field_def f_checksum_status FIELD_REG = {
	"tcp.checksum.status", "Checksum Status", FT_CSUM, NULL, NULL,
	"Whether the checksum matches the segment's bytes.",
};
static const struct field_def f_urgent FIELD_REG = {
	"tcp.urgent_pointer", "Urgent Pointer", FT_UINT, NULL, NULL,
	"Urgent pointer: where urgent data ends (only with URG).",
};
static const struct field_def f_options FIELD_REG = {
	"tcp.options", "Options", FT_GROUP, NULL, NULL,
	"Options: extras such as the maximum segment size, window scaling, SACK and timestamps.",
};
static const struct field_def f_option FIELD_REG = {
	"tcp.option", "Option", FT_GROUP, opt_names, NULL, "One TCP option: a kind, a length and its data.",
};
static const struct field_def f_kind FIELD_REG = {
	"tcp.option_kind", "Kind", FT_UINT, opt_names, NULL, "Option kind: which option this is.",
};
static const struct field_def f_len FIELD_REG = {
	"tcp.option_len", "Length", FT_UINT, NULL, NULL, "Option length, kind and length bytes included.",
};
static const struct field_def f_mss FIELD_REG = {
	"tcp.options.mss_val", "MSS Value", FT_UINT, NULL, NULL,
	"MSS: the largest segment payload the sender can receive.",
};
static const struct field_def f_wscale FIELD_REG = {
	"tcp.options.wscale.shift", "Shift count", FT_UINT, NULL, NULL,
	"Window scale: the peer multiplies this side's windows by 2^shift.",
};
static const struct field_def f_sack_le FIELD_REG = {
	"tcp.options.sack_le", "TCP SACK Left Edge", FT_UINT, NULL, NULL,
	"First sequence number of a block received out of order.",
};
static const struct field_def f_sack_re FIELD_REG = {
	"tcp.options.sack_re", "TCP SACK Right Edge", FT_UINT, NULL, NULL,
	"Sequence number just past a block received out of order.",
};
static const struct field_def f_tsval FIELD_REG = {
	"tcp.options.timestamp.tsval", "Timestamp value", FT_UINT, NULL, NULL,
	"The sender's clock, for round-trip timing and wrap protection.",
};
static const struct field_def f_tsecr FIELD_REG = {
	"tcp.options.timestamp.tsecr", "Timestamp echo reply", FT_UINT, NULL, NULL,
	"The latest timestamp value received from the other side, echoed back.",
};
static const struct field_def f_opt_data FIELD_REG = {
	"tcp.options.unknown.payload", "Payload", FT_BYTES, NULL, NULL, "Option data not decoded here.",
};
static const struct field_def f_tfo_cookie FIELD_REG = {
	"tcp.options.tfo.cookie", "Fast Open Cookie", FT_BYTES, NULL, NULL,
	"TCP Fast Open: the cookie that lets a client send data in its SYN (RFC 7413).",
};
static const struct field_def f_md5 FIELD_REG = {
	"tcp.options.md5.digest", "MD5 digest", FT_BYTES, NULL, NULL,
	"TCP MD5 signature (RFC 2385, BGP sessions): a keyed digest of the segment.",
};
static const struct field_def f_uto_g FIELD_REG = {
	"tcp.options.user_to_granularity", "Granularity", FT_BOOL, NULL, NULL,
	"User timeout unit: set for minutes, clear for seconds (RFC 5482).",
};
static const struct field_def f_uto_val FIELD_REG = {
	"tcp.options.user_to_val", "User Timeout", FT_UINT, NULL, NULL,
	"How long the sender's TCP waits for acknowledgments before giving up.",
};
static const struct field_def f_exp_id FIELD_REG = {
	"tcp.options.experimental.exid", "Experiment Identifier", FT_HEX, NULL, NULL,
	"Which experiment this option belongs to (RFC 6994).",
};
static const struct field_def f_exp_data FIELD_REG = {
	"tcp.options.experimental.data", "Data", FT_BYTES, NULL, NULL, "The experiment's data.",
};
static const struct field_def f_seglen FIELD_REG = {
	"tcp.len", "TCP Segment Len", FT_UINT, NULL, NULL, "How many bytes of data this segment carries.",
};

/* tcpdump's names of options it has no printer for */
static const struct tok opt_words[] = {
	{ 6, "echo" }, { 7, "echoreply" }, { 11, "cc" }, { 12, "ccnew" }, { 13, "ccecho" }, { 29, "tcp-ao" },
	{ 30, "mptcp" }, { 0, NULL }
};

/* tcpdump's Fast Open text: " cookiereq", or " cookie " and the cookie in hex */
static void tfo_text(struct fmtbuf *b, const struct cursor *body, unsigned n)
{
	if (n == 0) {
		fmtbuf_str(b, " cookiereq");
		return;
	}
	if (n % 2 || n < 4 || n > 16) {
		fmtbuf_str(b, " (invalid)");
		return;
	}
	fmtbuf_str(b, " cookie ");
	fmtbuf_hexbytes(b, body->buf + body->off, n, 0);
}

/* Adds the option nodes and writes tcpdump's "options [...]" text into b. */
static void tcp_options(struct decoded *d, struct cursor *o, struct fmtbuf *btext, int cut)
{
	char sink[8];
	struct fmtbuf after_eol;
	struct fmtbuf *b = btext;
	int first = 1;

	/* Wireshark goes on decoding past an EOL (each padding 0 is one more EOL); tcpdump's text stops */
	fmtbuf_init(&after_eol, sink, sizeof(sink));
	while (cursor_left(o) > 0) {
		uint32_t off = o->off;
		unsigned kind = o->buf[off], len, i;
		struct cursor body;
		int g;

		if (!first)
			fmtbuf_char(b, ',');
		after_eol.len = 0;
		first = 0;
		if (kind == 0 || kind == 1) {
			g = dec_group(d, &f_option, off, 1);
			if (g >= 0)
				d->fields[g].value = kind;
			dec_u8(d, o, &f_kind);
			dec_close(d, g, 0);
			fmtbuf_str(b, kind ? "nop" : "eol");
			if (kind == 0)
				b = &after_eol;
			continue;
		}
		len = cursor_has(o, 2) ? o->buf[off + 1] : 0;
		if (cut && (!cursor_has(o, 2) || len > cursor_left(o))) {
			o->truncated = 1;	/* the capture ends inside the options */
			return;
		}
		if (len < 2 || len > cursor_left(o)) {
			dec_malformed(d, off, cursor_left(o), "TCP option length runs past the header");
			fmtbuf_str(b, "bad opt");
			o->off = o->end;
			return;
		}
		g = dec_group(d, &f_option, off, len);
		if (g >= 0)
			d->fields[g].value = kind;
		dec_u8(d, o, &f_kind);
		dec_u8(d, o, &f_len);
		body = cursor_sub(o, len - 2);
		switch (kind) {
		case 2:
			fmtbuf_str(b, "mss ");
			fmtbuf_u64(b, len == 4 ? dec_be16(d, &body, &f_mss) : 0);
			break;
		case 3:
			fmtbuf_str(b, "wscale ");
			fmtbuf_u64(b, len == 3 ? dec_u8(d, &body, &f_wscale) : 0);
			break;
		case 4:
			fmtbuf_str(b, "sackOK");
			break;
		case 5:
			fmtbuf_str(b, "sack ");
			fmtbuf_u64(b, (len - 2) / 8);
			fmtbuf_char(b, ' ');
			for (i = 0; cursor_has(&body, 8); i++) {
				fmtbuf_char(b, '{');
				fmtbuf_u64(b, dec_be32(d, &body, &f_sack_le));
				fmtbuf_char(b, ':');
				fmtbuf_u64(b, dec_be32(d, &body, &f_sack_re));
				fmtbuf_char(b, '}');
			}
			break;
		case 8:
			if (len == 10) {
				fmtbuf_str(b, "TS val ");
				fmtbuf_u64(b, dec_be32(d, &body, &f_tsval));
				fmtbuf_str(b, " ecr ");
				fmtbuf_u64(b, dec_be32(d, &body, &f_tsecr));
			} else {
				fmtbuf_str(b, "TS bad len");
			}
			break;
		case 34:	/* TCP Fast Open, RFC 7413 */
			fmtbuf_str(b, "tfo ");
			tfo_text(b, &body, len - 2);
			if (len > 2)
				dec_bytes(d, &body, &f_tfo_cookie, len - 2);
			break;
		case 19:	/* RFC 2385 */
			fmtbuf_str(b, "md5 shared secret not supplied with -M, can't check - ");
			fmtbuf_hexbytes(b, body.buf + body.off, cursor_left(&body), 0);
			if (len == 18)
				dec_bytes(d, &body, &f_md5, 16);
			break;
		case 28:	/* RFC 5482 */
			if (len == 4) {
				unsigned v = get_be16(body.buf + body.off), t = v & 1 ? (v >> 1) * 60 : v >> 1;

				/* tcpdump reads the granularity from the low bit; RFC 5482 and Wireshark the top */
				fmtbuf_str(b, "uto 0x");
				fmtbuf_hex(b, v, 0);
				fmtbuf_char(b, ' ');
				fmtbuf_u64(b, t);
				dec_add(d, &f_uto_g, body.off, 2, v >> 15);
				dec_add(d, &f_uto_val, body.off, 2, v & 0x7fff);
				body.off += 2;
			} else {
				fmtbuf_str(b, "uto");
			}
			break;
		case 253:
		case 254:	/* RFC 6994 experiments: a 16-bit ExID first */
			fmtbuf_str(b, "exp");
			if (len >= 4) {
				unsigned exid = get_be16(body.buf + body.off);

				fmtbuf_char(b, '-');
				dec_be16(d, &body, &f_exp_id);
				if (exid == 0xf989) {
					fmtbuf_str(b, "tfo");
					tfo_text(b, &body, len - 4);
				} else {
					fmtbuf_hex(b, exid, 4);
				}
				if (cursor_left(&body))
					dec_bytes(d, &body, &f_exp_data, cursor_left(&body));
			}
			break;
		default:
			fmtbuf_str(b, tok_str(opt_words, kind, NULL) ? tok_str(opt_words, kind, NULL) : "unknown-");
			if (!tok_name(opt_words, kind))
				fmtbuf_u64(b, kind);
			if (len > 2) {
				fmtbuf_str(b, " 0x");
				fmtbuf_hexbytes(b, body.buf + body.off, cursor_left(&body), 0);
			}
			break;
		}
		if (cursor_left(&body))
			dec_bytes(d, &body, &f_opt_data, cursor_left(&body));
		o->off = off + len;
		dec_close(d, g, 0);
	}
}

/* tcpdump's "Flags [S.]": a letter a flag, in this order; made once for all 512 values */
static _Thread_local struct { char s[20]; uint8_t n; } flag_text[0x200];	/* each thread's (offpar.c) */

static void flags_text(struct fmtbuf *b, unsigned fl)
{
	static const char letters[] = "FSRP.UEWe";
	static _Thread_local int ready;

	if (!ready) {
		for (unsigned v = 0; v < 0x200; v++) {
			size_t n = 7;

			memcpy(flag_text[v].s, "Flags [", 7);
			for (unsigned k = 0; k < 9; k++)
				if (v & 1u << k)
					flag_text[v].s[n++] = letters[k];
			if (n == 7) {
				memcpy(flag_text[v].s + n, "none", 4);
				n += 4;
			}
			flag_text[v].s[n++] = ']';
			flag_text[v].n = (uint8_t)n;
		}
		ready = 1;
	}
	fmtbuf_mem(b, flag_text[fl & 0x1ff].s, flag_text[fl & 0x1ff].n);
}

static void tcp_checksum(struct decoded *d, const struct cursor *c, uint32_t start, const struct l3info *l3)
{
	const uint8_t *p = c->buf + start;
	uint32_t len = l3->plen, ph;
	uint16_t correct;
	int good;

	if (!dec_tree(d))
		return;
	if (l3->fragment || len < 20 || c->end - start < len) {
		dec_csum(d, &f_checksum_status, start + 16, CSUM_UNVERIFIED, 0);
		return;
	}
	ph = l3->af == 4 ? csum_pseudo4(l3->src, l3->dst, 6, len) : csum_pseudo6(l3->src, l3->dst, 6, len);
	good = csum_verify(ph, p, len, 16, &correct);
	dec_csum(d, &f_checksum_status, start + 16, good ? CSUM_GOOD : CSUM_BAD, correct);
}

void decode_tcp(struct decoded *d, struct cursor *c, struct l3info *l3)
{
	uint32_t start = c->off, hl, seq, ack, seglen;
	unsigned sport, dport, fl, win, urp;
	struct fmtbuf b, ob;
	struct cursor payload;
	int idx = dec_open(d, PROTO_TCP, &f_tcp, start, 20), cut, cut_opts = 0;

	if (!cursor_has(c, d->inner ? 8 : 20)) {
		sport = cursor_has(c, 2) ? dec_be16(d, c, &f_srcport) : 0;
		dport = cursor_has(c, 2) ? dec_be16(d, c, &f_dstport) : 0;
		if (c->off - start == 4)	/* tcpdump: the ports when they are there, then the cut mark */
			dec_sum_addrs(d, l3, (int)sport, (int)dport);
		else
			dec_sum_addrs(d, l3, -1, -1);
		dec_short(d, c, PROTO_TCP);
		dec_close(d, idx, c->off);
		return;
	}
	sport = dec_be16(d, c, &f_srcport);
	dport = dec_be16(d, c, &f_dstport);
	seq = dec_be32(d, c, &f_seq);
	dec_sum_addrs(d, l3, (int)sport, (int)dport);
	if (d->inner || !cursor_has(c, 12)) {	/* an ICMP error quotes only 8 bytes */
		if (cursor_has(c, 4))
			dec_be32(d, c, &f_ack);
		dec_close(d, idx, c->off);
		c->off = c->end;
		return;
	}
	ack = cursor_be32(c);
	hl = (c->buf[c->off] >> 4) * 4u;
	if (hl >= 20)	/* Wireshark shows no acknowledgment after an impossible header length */
		dec_add(d, &f_ack, c->off - 4, 4, ack);
	fl = get_be16(c->buf + c->off) & 0x1ff;
	dec_add(d, &f_hdr_len, c->off, 1, hl);
	if (hl < 20) {
		/* as Wireshark does, nothing past a header length that cannot be is decoded (but the
		 * segment length it implies) */
		dec_malformed(d, c->off, 1, "TCP header length below 20");
		if (l3->claimed >= hl)
			dec_add(d, &f_seglen, start + 12, 0, l3->claimed - hl);
		b = dec_sum_begin(d);
		fmtbuf_str(&b, "tcp ");
		fmtbuf_u64(&b, l3->claimed - hl);
		fmtbuf_str(&b, " [bad hdr length ");
		fmtbuf_u64(&b, hl);
		fmtbuf_str(&b, " - too short, < 20]");
		dec_sum_end(d, &b);
		c->off = c->end;
		dec_close(d, idx, c->off);
		return;
	}
	dec_add(d, &f_flags, c->off, 2, get_be16(c->buf + c->off) & 0xfff);
	dec_add(d, &f_res, c->off, 1, (c->buf[c->off] >> 1) & 7);
	dec_add(d, &f_ae, c->off, 1, !!(fl & 0x100));
	dec_add(d, &f_cwr, c->off + 1, 1, !!(fl & 0x80));
	dec_add(d, &f_ece, c->off + 1, 1, !!(fl & 0x40));
	dec_add(d, &f_urg, c->off + 1, 1, !!(fl & 0x20));
	dec_add(d, &f_fack, c->off + 1, 1, !!(fl & 0x10));
	dec_add(d, &f_psh, c->off + 1, 1, !!(fl & 0x08));
	dec_add(d, &f_rst, c->off + 1, 1, !!(fl & 0x04));
	dec_add(d, &f_syn, c->off + 1, 1, !!(fl & 0x02));
	dec_add(d, &f_fin, c->off + 1, 1, !!(fl & 0x01));
	c->off += 2;
	win = dec_be16(d, c, &f_window);
	dec_be16(d, c, &f_checksum);
	tcp_checksum(d, c, start, l3);
	urp = dec_be16(d, c, &f_urgent);
	if (hl > l3->plen) {
		dec_malformed(d, start + 12, 1, "TCP header length exceeds the segment");
		b = dec_sum_begin(d);
		fmtbuf_str(&b, "tcp ");
		fmtbuf_u64(&b, l3->claimed);
		fmtbuf_str(&b, " [bad hdr length ");
		fmtbuf_u64(&b, hl);
		fmtbuf_str(&b, " - too long, > ");
		fmtbuf_u64(&b, l3->claimed);
		fmtbuf_char(&b, ']');
		dec_sum_end(d, &b);
		dec_close(d, idx, c->off);
		decode_data(d, c);
		return;
	}
	/* the line up to the options, which then write their text straight after it */
	seglen = l3->claimed >= hl ? l3->claimed - hl : 0;
	b = dec_sum_begin(d);
	flags_text(&b, fl);
	if (seglen > 0 || (fl & 0x07)) {
		fmtbuf_str(&b, ", seq ");
		fmtbuf_u64(&b, seq);
		if (seglen > 0) {
			fmtbuf_char(&b, ':');
			fmtbuf_u64(&b, (uint32_t)(seq + seglen));
		}
	}
	if (fl & 0x10) {
		fmtbuf_str(&b, ", ack ");
		fmtbuf_u64(&b, ack);
	}
	fmtbuf_str(&b, ", win ");
	fmtbuf_u64(&b, win);
	if (fl & 0x20) {
		fmtbuf_str(&b, ", urg ");
		fmtbuf_u64(&b, urp);
	}
	if (hl > 20) {
		struct cursor o = cursor_sub(c, hl - 20);
		int g = dec_group(d, &f_options, c->off, hl - 20);

		fmtbuf_str(&b, ", options [");
		/* tcpdump's option text is cut at 255 characters */
		ob = (struct fmtbuf){ b.p + b.len, 0, b.cap - b.len < 256 ? b.cap - b.len : 256 };
		ob.p[0] = '\0';
		cut_opts = !cursor_has(c, hl - 20);
		tcp_options(d, &o, &ob, cut_opts);
		b.len += ob.len;
		dec_close(d, g, o.off);
		c->off = o.off;
		if (!cut_opts)
			fmtbuf_char(&b, ']');
	}
	if (!cut_opts) {
		c->off = start + hl;
		dec_add(d, &f_seglen, start + 12, 0, seglen);
	}
	cut = (cut_opts || start + l3->plen > c->end) && dec_short_note(d, c, PROTO_TCP);
	dec_close(d, idx, c->off);
	if (!cut_opts) {
		fmtbuf_str(&b, ", length ");
		fmtbuf_u64(&b, seglen);
	}
	dec_sum_end(d, &b);
	if (cut_opts) {
		if (cut)
			dec_sum_trunc(d, PROTO_TCP);
		return;
	}
	/* a payload cut by the capture is no mark on tcpdump's line (the tree has its note) */
	payload = cursor_sub(c, seglen);
	if ((sport == 80 || dport == 80 || sport == 8080 || dport == 8080) && seglen > 0 && !l3->fragment)
		decode_http(d, &payload, seglen);
	else if ((sport == 53 || dport == 53) && !l3->fragment && !cut)
		decode_dns_tcp(d, &payload, seglen);
	else
		decode_data(d, &payload);
	c->off = payload.off;
}
