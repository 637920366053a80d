/* decode_pppoe.c — PPP over Ethernet (RFC 2516): session frames (0x8864) carrying PPP, discovery frames (0x8863). */
/*
 * RFC 2516 section 4:
 *
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  VER  | TYPE  |      CODE     |          SESSION_ID           |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |            LENGTH             |           payload             ~
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * A session frame's payload is a PPP protocol field and its packet (no address/control bytes).
 * Discovery frames (PADI, PADO, PADR, PADS, PADT) carry tags, left as data here.
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok code_names[] = {
	{ 0x00, "Session Data" }, { 0x09, "Active Discovery Initiation (PADI)" },
	{ 0x07, "Active Discovery Offer (PADO)" }, { 0x19, "Active Discovery Request (PADR)" },
	{ 0x65, "Active Discovery Session-confirmation (PADS)" }, { 0xa7, "Active Discovery Terminate (PADT)" },
	{ 0, NULL }
};
/* tcpdump's short names */
static const struct tok code_short[] = {
	{ 0x09, "PADI" }, { 0x07, "PADO" }, { 0x19, "PADR" }, { 0x65, "PADS" }, { 0xa7, "PADT" }, { 0, NULL }
};

static const struct field_def f_pppoes FIELD_REG = {
	"pppoes", "PPP-over-Ethernet Session", FT_PROTO, NULL, NULL,
	"PPPoE session: PPP frames carried over Ethernet, as DSL links use them.",
};
static const struct field_def f_pppoed FIELD_REG = {
	"pppoed", "PPP-over-Ethernet Discovery", FT_PROTO, NULL, NULL,
	"PPPoE discovery: how a client finds an access concentrator and gets a session.",
};
static const struct field_def f_version FIELD_REG = {
	"pppoe.version", "Version", FT_UINT, NULL, NULL, "PPPoE version: 1.",
};
static const struct field_def f_type FIELD_REG = {
	"pppoe.type", "Type", FT_UINT, NULL, NULL, "PPPoE type: 1.",
};
static const struct field_def f_code FIELD_REG = {
	"pppoe.code", "Code", FT_HEX, code_names, NULL, "0 for session data; discovery steps have their own codes.",
};
static const struct field_def f_session FIELD_REG = {
	"pppoe.session_id", "Session ID", FT_HEX, NULL, NULL, "The session this frame belongs to.",
};
static const struct field_def f_plen FIELD_REG = {
	"pppoe.payload_length", "Payload Length", FT_UINT, NULL, NULL, "Bytes of payload after this header.",
};
static const struct field_def f_ppp FIELD_REG = {
	"ppp", "Point-to-Point Protocol", FT_PROTO, NULL, NULL,
	"PPP: carries packets over a point-to-point link (here, a PPPoE session).",
};
static const struct field_def f_tags FIELD_REG = {
	"pppoed.tags", "PPPoE Tags", FT_GROUP, NULL, NULL, "Discovery tags: what is asked for and offered.",
};
/* tcpdump's words */
static const struct tok tag_words[] = {
	{ 0x0000, "EOL" }, { 0x0101, "Service-Name" }, { 0x0102, "AC-Name" }, { 0x0103, "Host-Uniq" },
	{ 0x0104, "AC-Cookie" }, { 0x0105, "Vendor-Specific" }, { 0x0110, "Relay-Session-ID" },
	{ 0x0120, "PPP-Max-Payload" }, { 0x0201, "Service-Name-Error" }, { 0x0202, "AC-System-Error" },
	{ 0x0203, "Generic-Error" }, { 0, NULL }
};
static const struct field_def f_service FIELD_REG = {
	"pppoed.tags.service_name", "Service-Name", FT_STRING, NULL, NULL, "The service asked for (empty: any).",
};
static const struct field_def f_ac_name FIELD_REG = {
	"pppoed.tags.ac_name", "AC-Name", FT_STRING, NULL, NULL, "The access concentrator's name.",
};
static const struct field_def f_host_uniq FIELD_REG = {
	"pppoed.tags.host_uniq", "Host-Uniq", FT_BYTES, NULL, NULL, "A value the client uses to match replies.",
};
static const struct field_def f_ac_cookie FIELD_REG = {
	"pppoed.tags.ac_cookie", "AC-Cookie", FT_BYTES, NULL, NULL, "A value the concentrator wants back.",
};
static const struct field_def f_tag_data FIELD_REG = {
	"pppoed.tag.unknown_data", "Unknown Data", FT_BYTES, NULL, NULL, "The tag's value, not decoded here.",
};
extern const struct field_def dec_ppp_protocol;

/* Discovery tags (RFC 2516 appendix A), and tcpdump's " [Name "value"]" for each */
static void pppoe_tags(struct decoded *d, struct cursor *p)
{
	struct fmtbuf b = dec_sum_begin(d);
	int g = dec_group(d, &f_tags, p->off, cursor_left(p));

	while (cursor_has(p, 4)) {
		unsigned type = get_be16(p->buf + p->off), len = get_be16(p->buf + p->off + 2);
		const uint8_t *v = p->buf + p->off + 4;
		const struct field_def *def = type == 0x0101 ? &f_service : type == 0x0102 ? &f_ac_name :
			type == 0x0103 ? &f_host_uniq : type == 0x0104 ? &f_ac_cookie : &f_tag_data;
		unsigned i, text = 0;

		if (type == 0)
			break;
		/* Wireshark shows tag numbers and lengths only on request (a preference): values only */
		p->off += 4;
		fmtbuf_str(&b, " [");
		if (tok_name(tag_words, type)) {
			fmtbuf_str(&b, tok_name(tag_words, type));
		} else {
			fmtbuf_str(&b, "TAG-0x");
			fmtbuf_hex(&b, type, 0);
		}
		if (!cursor_has(p, len)) {
			fmtbuf_char(&b, ']');
			p->truncated = 1;
			break;
		}
		if (len) {
			for (i = 0; i < len; i++)
				text += v[i] >= 0x20 && v[i] < 0x7f;
			if (text > len - text) {
				fmtbuf_str(&b, " \"");
				for (i = 0; i < len && i < 80; i++)
					fmtbuf_char(&b, v[i] >= 0x20 && v[i] < 0x7f ? (char)v[i] : '.');
				fmtbuf_char(&b, '"');
			} else {
				fmtbuf_str(&b, " 0x");
				for (i = 0; i < len && i < 80; i++) {
					fmtbuf_char(&b, "0123456789ABCDEF"[v[i] >> 4]);
					fmtbuf_char(&b, "0123456789ABCDEF"[v[i] & 15]);
				}
			}
			if (len > 80)
				fmtbuf_str(&b, "...");
			dec_bytes(d, p, def, len);
		}
		fmtbuf_char(&b, ']');
	}
	dec_close(d, g, p->off);
	dec_sum_end(d, &b);
}

void decode_pppoe(struct decoded *d, struct cursor *c, int session)
{
	uint32_t off = c->off;
	unsigned vt, code, sid, plen, proto;
	struct fmtbuf b;
	struct cursor p;
	int idx = dec_open(d, session ? PROTO_PPPOES : PROTO_PPPOED, session ? &f_pppoes : &f_pppoed, off, 6);

	if (!cursor_has(c, 6)) {
		dec_sum_str(d, "PPPoE");
		dec_short(d, c, session ? PROTO_PPPOES : PROTO_PPPOED);
		dec_close(d, idx, 0);
		c->off = c->end;
		return;
	}
	vt = c->buf[off];
	code = c->buf[off + 1];
	sid = get_be16(c->buf + off + 2);
	plen = get_be16(c->buf + off + 4);
	dec_add(d, &f_version, off, 1, vt >> 4);
	dec_add(d, &f_type, off, 1, vt & 0xf);
	dec_add(d, &f_code, off + 1, 1, code);
	dec_add(d, &f_session, off + 2, 2, sid);
	dec_add(d, &f_plen, off + 4, 2, plen);
	c->off += 6;
	b = dec_sum_begin(d);
	fmtbuf_str(&b, "PPPoE ");	/* tcpdump: "PPPoE " code-name " [ses 0x..]" " " */
	if (code)
		fmtbuf_str(&b, tok_str(code_short, code, "UNKNOWN"));
	if (sid) {
		fmtbuf_str(&b, " [ses 0x");
		fmtbuf_hex(&b, sid, 0);
		fmtbuf_char(&b, ']');
	}
	if (session && !code)
		fmtbuf_char(&b, ' ');
	dec_sum_end(d, &b);
	p = cursor_sub(c, plen);
	if (!session) {
		pppoe_tags(d, &p);
		dec_close(d, idx, p.off);
		c->off = c->end;	/* Wireshark's discovery layer keeps the frame's rest: no padding shown */
		return;
	}
	if (code || !cursor_has(&p, 2)) {
		dec_close(d, idx, c->off);
		decode_data(d, &p);
		c->off = p.off;
		return;
	}
	dec_close(d, idx, c->off);
	idx = dec_open(d, PROTO_PPP, &f_ppp, p.off, 2);
	proto = dec_be16(d, &p, &dec_ppp_protocol);
	dec_close(d, idx, 0);
	decode_ppp_proto(d, &p, proto);
	c->off = p.off;
}
