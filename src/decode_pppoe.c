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

static const struct field_def f_pppoes = {
	"pppoes", "PPP-over-Ethernet Session", FT_PROTO, NULL, NULL,
	"PPPoE session: PPP frames carried over Ethernet, as DSL links use them.",
};
static const struct field_def f_pppoed = {
	"pppoed", "PPP-over-Ethernet Discovery", FT_PROTO, NULL, NULL,
	"PPPoE discovery: how a client finds an access concentrator and gets a session.",
};
static const struct field_def f_version = {
	"pppoe.version", "Version", FT_UINT, NULL, NULL, "PPPoE version: 1.",
};
static const struct field_def f_type = {
	"pppoe.type", "Type", FT_UINT, NULL, NULL, "PPPoE type: 1.",
};
static const struct field_def f_code = {
	"pppoe.code", "Code", FT_HEX, code_names, NULL, "0 for session data; discovery steps have their own codes.",
};
static const struct field_def f_session = {
	"pppoe.session_id", "Session ID", FT_HEX, NULL, NULL, "The session this frame belongs to.",
};
static const struct field_def f_plen = {
	"pppoe.payload_length", "Payload Length", FT_UINT, NULL, NULL, "Bytes of payload after this header.",
};
static const struct field_def f_ppp = {
	"ppp", "Point-to-Point Protocol", FT_PROTO, NULL, NULL,
	"PPP: carries packets over a point-to-point link (here, a PPPoE session).",
};
extern const struct field_def dec_ppp_protocol;

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
	fmtbuf_char(&b, ' ');
	dec_sum_end(d, &b);
	p = cursor_sub(c, plen);
	if (!session || code || !cursor_has(&p, 2)) {
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
