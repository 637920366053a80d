/* decode_l2tp.c — Layer 2 Tunneling Protocol (RFC 2661 L2TPv2, the RFC 3931 v3 header over UDP), UDP port 1701. */
/*
 * RFC 2661 section 3.1 (v2) and 4.1 (AVPs); RFC 3931 4.1.2.1 (v3 over UDP).
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |T|L|x|x|S|x|O|P|x|x|x|x|  Ver  |          Length (opt)         |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Tunnel ID           |           Session ID          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |             Ns (opt)          |             Nr (opt)          |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |      Offset Size (opt)        |    Offset pad... (opt)
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * A data message (T = 0) carries a PPP frame (address 0xff, control 0x03, protocol...). A control
 * message (T = 1, L and S set) carries AVPs: |M|H|rsvd|Length(10)| Vendor ID | Attribute Type | value.
 * Version 3 over UDP: control as above with a 32-bit Control Connection ID for the two IDs;
 * data has 16 reserved bits and a 32-bit Session ID (the cookie and sublayer depend on the session).
 */
#include <pcap/dlt.h>

#include "bytes.h"
#include "decode_priv.h"

#define L2TP_T 0x8000
#define L2TP_L 0x4000
#define L2TP_S 0x0800
#define L2TP_O 0x0200
#define L2TP_P 0x0100

static const struct tok type_names[] = { { 0, "Data Message" }, { 1, "Control Message" }, { 0, NULL } };
static const struct field_def f_l2tp FIELD_REG = {
	"l2tp", "Layer 2 Tunneling Protocol", FT_PROTO, NULL, NULL,
	"L2TP: carries PPP sessions over UDP, so a dial-up or DSL link can end far away (a VPN, an ISP's LNS).",
};
static const struct field_def f_flags FIELD_REG = {
	"l2tp.flags", "Flags", FT_HEX, NULL, NULL, "Flags: message type, which optional fields follow, and the version.",
};
static const struct field_def f_type FIELD_REG = {
	"l2tp.type", "Type", FT_UINT, type_names, NULL, "Type: 0 a data message (PPP), 1 a control message (AVPs).",
};
static const struct field_def f_length_bit FIELD_REG = {
	"l2tp.length_bit", "Length Bit", FT_BOOL, NULL, NULL, "A length field follows (always in control messages).",
};
static const struct field_def f_seq_bit FIELD_REG = {
	"l2tp.seq_bit", "Sequence Bit", FT_BOOL, NULL, NULL, "The Ns and Nr sequence numbers follow.",
};
static const struct field_def f_offset_bit FIELD_REG = {
	"l2tp.offset_bit", "Offset bit", FT_BOOL, NULL, NULL, "An offset size follows: padding before the payload.",
};
static const struct field_def f_priority FIELD_REG = {
	"l2tp.priority", "Priority", FT_BOOL, NULL, NULL, "Data to send ahead of other data (LCP echoes, for one).",
};
static const struct field_def f_version FIELD_REG = {
	"l2tp.version", "Version", FT_UINT, NULL, NULL, "Version: 2 for L2TP (RFC 2661), 3 for L2TPv3, 1 for L2F.",
};
static const struct field_def f_length FIELD_REG = {
	"l2tp.length", "Length", FT_UINT, NULL, NULL, "Bytes of the whole message, header included.",
};
static const struct field_def f_tunnel FIELD_REG = {
	"l2tp.tunnel", "Tunnel ID", FT_UINT, NULL, NULL, "Tunnel ID: the receiver's name for this tunnel.",
};
static const struct field_def f_session FIELD_REG = {
	"l2tp.session", "Session ID", FT_UINT, NULL, NULL,
	"Session ID: the receiver's name for the PPP session in the tunnel (0: the tunnel itself).",
};
static const struct field_def f_ns FIELD_REG = {
	"l2tp.Ns", "Ns", FT_UINT, NULL, NULL, "Ns: this message's sequence number.",
};
static const struct field_def f_nr FIELD_REG = {
	"l2tp.Nr", "Nr", FT_UINT, NULL, NULL, "Nr: the sequence number expected next from the peer (an acknowledgment).",
};
static const struct field_def f_offset FIELD_REG = {
	"l2tp.offset", "Offset", FT_UINT, NULL, NULL, "Bytes of padding between the header and the payload.",
};
static const struct field_def f_ccid FIELD_REG = {
	"l2tp.ccid", "Control Connection ID", FT_HEX, NULL, NULL, "Version 3: the receiver's name for the control connection.",
};
static const struct field_def f_res FIELD_REG = {
	"l2tp.res", "Reserved", FT_HEX, NULL, NULL, "Version 3 data: reserved, zero.",
};
static const struct field_def f_sid FIELD_REG = {
	"l2tp.sid", "Session ID", FT_HEX, NULL, NULL, "Version 3: the receiver's name for the session.",
};
static void l2tp_flags(struct decoded *d, uint32_t off, unsigned fl)
{
	dec_add(d, &f_flags, off, 2, fl);
	dec_add(d, &f_type, off, 2, !!(fl & L2TP_T));
	dec_add(d, &f_length_bit, off, 2, !!(fl & L2TP_L));
	dec_add(d, &f_seq_bit, off, 2, !!(fl & L2TP_S));
	if ((fl & 0xf) != 3) {	/* version 3 has neither */
		dec_add(d, &f_offset_bit, off, 2, !!(fl & L2TP_O));
		dec_add(d, &f_priority, off, 2, !!(fl & L2TP_P));
	}
	dec_add(d, &f_version, off, 2, fl & 0xf);
}

/* Reads a 16-bit field into the tree and, with pre, into the summary between pre and post. 0 when short. */
static int l2tp_u16(struct decoded *d, struct cursor *c, const struct field_def *def, const char *pre,
		    const char *post, unsigned *val)
{
	struct fmtbuf b;

	if (!cursor_has(c, 2)) {
		dec_short(d, c, PROTO_L2TP);
		return 0;
	}
	*val = dec_be16(d, c, def);
	if (pre) {
		b = dec_sum_begin(d);
		fmtbuf_str(&b, pre);
		fmtbuf_u64(&b, *val);
		fmtbuf_str(&b, post);
		dec_sum_end(d, &b);
	}
	return 1;
}

/* The v2 header after the flags, as tcpdump prints it: "(tunnel/session)Ns=..,Nr=..". Returns its end,
 * offset padding included even past the capture (the cursor stops at the capture), or 0 when cut. */
static uint32_t l2tp_v2_header(struct decoded *d, struct cursor *c, unsigned fl, unsigned *len)
{
	unsigned v;

	*len = 0;
	if ((fl & L2TP_L) && !l2tp_u16(d, c, &f_length, NULL, NULL, len))
		return 0;
	if (!l2tp_u16(d, c, &f_tunnel, "(", "/", &v) || !l2tp_u16(d, c, &f_session, "", ")", &v))
		return 0;
	if ((fl & L2TP_S) && (!l2tp_u16(d, c, &f_ns, "Ns=", ",", &v) || !l2tp_u16(d, c, &f_nr, "Nr=", "", &v)))
		return 0;
	if (fl & L2TP_O) {
		uint32_t pad = c->off + 2;

		if (!l2tp_u16(d, c, &f_offset, NULL, NULL, &v))
			return 0;
		if (v > cursor_left(c)) {	/* tcpdump checks the padding is there */
			c->off = c->end;
			dec_short(d, c, PROTO_L2TP);
			return 0;
		}
		c->off += v;
		return pad + v;
	}
	return c->off;
}

/* L2TPv3 over UDP (RFC 3931 4.1.2.1): Wireshark's fields; tcpdump prints the version only. */
static void l2tp_v3(struct decoded *d, struct cursor *c, unsigned fl)
{
	uint32_t start = c->off - 2;
	unsigned len = 0, v;
	struct cursor avps;

	if (fl & L2TP_T) {
		if ((fl & L2TP_L) && !l2tp_u16(d, c, &f_length, NULL, NULL, &len))
			return;
		if (!cursor_has(c, 4)) {
			dec_short(d, c, PROTO_L2TP);
			return;
		}
		dec_be32(d, c, &f_ccid);
		if ((fl & L2TP_S) && (!l2tp_u16(d, c, &f_ns, NULL, NULL, &v) || !l2tp_u16(d, c, &f_nr, NULL, NULL, &v)))
			return;
		avps = (fl & L2TP_L) && len >= c->off - start ? cursor_sub(c, len - (c->off - start)) : *c;
		l2tp_v3_avps(d, &avps);
		c->off = avps.off;
		return;
	}
	if (!cursor_has(c, 6)) {
		dec_short(d, c, PROTO_L2TP);
		return;
	}
	dec_be16(d, c, &f_res);
	dec_be32(d, c, &f_sid);
}

/* tcpdump's checks of the message length; 0 (and the summary says why) when nothing follows. */
static int l2tp_len_ok(struct decoded *d, unsigned fl, uint32_t len, uint32_t claimed, uint32_t hlen)
{
	struct fmtbuf b = dec_sum_begin(d);

	if ((fl & L2TP_L) && claimed < len) {
		fmtbuf_str(&b, " Length ");
		fmtbuf_u64(&b, len);
		fmtbuf_str(&b, " larger than packet");
	} else if (len < hlen) {
		fmtbuf_str(&b, " Length ");
		fmtbuf_u64(&b, len);
		fmtbuf_str(&b, " smaller than header length");
	} else if ((fl & L2TP_T) && !(fl & L2TP_L)) {
		fmtbuf_str(&b, " No length");
	} else if ((fl & L2TP_T) && len == hlen) {
		fmtbuf_str(&b, " ZLB");
	} else {
		return 1;
	}
	dec_sum_end(d, &b);
	return 0;
}

/* A data message's PPP frame, len bytes at the cursor: " {" the frame's summary "}", as tcpdump. */
static void l2tp_ppp(struct decoded *d, struct cursor *c, uint32_t len)
{
	struct cursor body = cursor_sub(c, len);
	int cut = d->truncated;

	dec_sum_str(d, " {");
	decode_ppp(d, &body, DLT_PPP);
	if (d->truncated == cut)	/* tcpdump stops at a cut, before the brace */
		dec_sum_str(d, "}");
	c->off = body.off;
}

void decode_l2tp(struct decoded *d, struct cursor *c, uint32_t claimed)
{
	uint32_t start = c->off, hend;
	unsigned fl, len;
	struct fmtbuf b;
	struct cursor body;
	int idx;

	if (!cursor_has(c, 2)) {	/* no flags: tcpdump marks the cut, Wireshark sees no L2TP */
		dec_sum_trunc(d, PROTO_L2TP);
		decode_data(d, c);
		return;
	}
	fl = get_be16(c->buf + start);
	if ((fl & 0xf) != 2 && (fl & 0xf) != 3) {	/* not L2TP to Wireshark; tcpdump says what it is */
		dec_sum_str(d, (fl & 0xf) == 1 ? " l2f:" : " Unknown Version, neither L2F(1) nor L2TP(2)");
		decode_data(d, c);
		return;
	}
	idx = dec_open(d, PROTO_L2TP, &f_l2tp, start, cursor_left(c));
	l2tp_flags(d, start, fl);
	c->off += 2;
	if ((fl & 0xf) == 3) {	/* tcpdump stops here, and says nothing of a cut further on */
		size_t sum = d->summary_len;

		l2tp_v3(d, c, fl);
		if (!d->inner)
			d->summary[d->summary_len = sum] = '\0';
		dec_sum_str(d, " Unknown Version, neither L2F(1) nor L2TP(2)");
		dec_close(d, idx, c->off);
		decode_data(d, c);
		return;
	}
	b = dec_sum_begin(d);
	fmtbuf_str(&b, " l2tp:[");
	fmtbuf_str(&b, fl & L2TP_T ? "T" : "");
	fmtbuf_str(&b, fl & L2TP_L ? "L" : "");
	fmtbuf_str(&b, fl & L2TP_S ? "S" : "");
	fmtbuf_str(&b, fl & L2TP_O ? "O" : "");
	fmtbuf_str(&b, fl & L2TP_P ? "P]" : "]");
	dec_sum_end(d, &b);
	hend = l2tp_v2_header(d, c, fl, &len);
	if (!hend) {
		dec_close(d, idx, c->off);
		c->off = c->end;
		return;
	}
	if (!(fl & L2TP_L))
		len = claimed;	/* no length: the message is the UDP payload (as tcpdump) */
	if (!l2tp_len_ok(d, fl, len, claimed, hend - start)) {
		dec_close(d, idx, c->off);
		decode_data(d, c);
		return;
	}
	len -= hend - start;
	if (fl & L2TP_T) {
		body = cursor_sub(c, len);
		l2tp_avps(d, &body, len);
		dec_close(d, idx, body.off);
		c->off = body.off;
		return;
	}
	dec_close(d, idx, c->off);
	l2tp_ppp(d, c, len);
}
