/* decode_lcp.c — PPP's Link Control Protocol (RFC 1661 section 5, 6; RFC 1570): code, id, length, options, echo. */
/*
 *  0                   1                   2                   3
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Code      |  Identifier   |            Length             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Data: options (codes 1-4), a magic number (9-13), a rejected protocol (8) ...
 *
 * An option is Type, Length (the two included), data. Names are Wireshark's: the header's
 * fields are ppp.code/identifier/length (shared by the control protocols), the rest lcp.*.
 * The summary line is decode_ppp.c's (tcpdump's "LCP, Echo-Request (0x09), id 36, length 10").
 */
#include "bytes.h"
#include "decode_priv.h"

static const struct tok code_names[] = {
	{ 1, "Configuration Request" }, { 2, "Configuration Ack" }, { 3, "Configuration Nak" },
	{ 4, "Configuration Reject" }, { 5, "Termination Request" }, { 6, "Termination Ack" },
	{ 7, "Code Reject" }, { 8, "Protocol Reject" }, { 9, "Echo Request" }, { 10, "Echo Reply" },
	{ 11, "Discard Request" }, { 12, "Identification" }, { 13, "Time Remaining" }, { 0, NULL }
};
static const struct tok opt_names[] = {
	{ 0, "Vendor Specific" }, { 1, "Maximum Receive Unit" }, { 2, "Async Control Character Map" },
	{ 3, "Authentication Protocol" }, { 4, "Quality Protocol" }, { 5, "Magic Number" },
	{ 7, "Protocol Field Compression" }, { 8, "Address and Control Field Compression" },
	{ 13, "Callback" }, { 17, "Multilink MRRU" }, { 18, "Multilink Short Sequence Number Header Format" },
	{ 19, "Multilink Endpoint Discriminator" }, { 0, NULL }
};

static const struct field_def f_lcp FIELD_REG = {
	"lcp", "PPP Link Control Protocol", FT_PROTO, NULL, NULL,
	"LCP: the two ends of a PPP link agree on its options, test it with echoes and close it.",
};
static const struct field_def f_code FIELD_REG = {
	"ppp.code", "Code", FT_UINT, code_names, NULL,
	"What this LCP packet is: a configuration request, its answer, an echo...",
};
static const struct field_def f_id FIELD_REG = {
	"ppp.identifier", "Identifier", FT_UINT, NULL, NULL, "Matches an answer to its request.",
};
static const struct field_def f_length FIELD_REG = {
	"ppp.length", "Length", FT_UINT, NULL, NULL, "Bytes in this LCP packet, its header included.",
};
static const struct field_def f_opt FIELD_REG = {
	"lcp.opt", "Option", FT_GROUP, opt_names, NULL, "One option the sender proposes, accepts or refuses.",
};
static const struct field_def f_opt_type FIELD_REG = {
	"lcp.opt.type", "Type", FT_UINT, opt_names, NULL, "Which option this is.",
};
static const struct field_def f_opt_len FIELD_REG = {
	"lcp.opt.length", "Length", FT_UINT, NULL, NULL, "Bytes in the option, type and length included.",
};
static const struct field_def f_mru FIELD_REG = {
	"lcp.opt.mru", "Maximum Receive Unit", FT_UINT, NULL, NULL, "The largest packet the sender takes.",
};
static const struct field_def f_accm FIELD_REG = {
	"lcp.opt.asyncmap", "Async Control Character Map", FT_HEX, NULL, NULL,
	"Which control characters must be escaped on an asynchronous line.",
};
static const struct field_def f_auth FIELD_REG = {
	"lcp.opt.auth_protocol", "Authentication Protocol", FT_HEX, NULL, NULL,
	"How the sender wants the peer to authenticate (0xc023 PAP, 0xc223 CHAP).",
};
static const struct field_def f_algorithm FIELD_REG = {
	"lcp.opt.algorithm", "Algorithm", FT_UINT, NULL, NULL, "CHAP's hash (5: MD5, 0x80: MS-CHAP, 0x81: MS-CHAPv2).",
};
static const struct field_def f_quality FIELD_REG = {
	"lcp.opt.quality_protocol", "Quality Protocol", FT_HEX, NULL, NULL, "How link quality is monitored.",
};
static const struct field_def f_opt_magic FIELD_REG = {
	"lcp.opt.magic_number", "Magic Number", FT_HEX, NULL, NULL,
	"A random number: a link looped back to itself sees its own.",
};
static const struct field_def f_mrru FIELD_REG = {
	"lcp.opt.mrru", "MRRU", FT_UINT, NULL, NULL, "The largest packet multilink reassembles.",
};
static const struct field_def f_opt_data FIELD_REG = {
	"lcp.opt.data", "Data", FT_BYTES, NULL, NULL, "The option's data, not decoded here.",
};
static const struct field_def f_magic FIELD_REG = {
	"lcp.magic_number", "Magic Number", FT_HEX, NULL, NULL, "The sender's magic number (0 when it has none).",
};
static const struct field_def f_rej_proto FIELD_REG = {
	"lcp.rej_proto", "Rejected Protocol", FT_HEX, NULL, NULL, "The PPP protocol the peer does not speak.",
};
static const struct field_def f_secs FIELD_REG = {
	"lcp.secs_remaining", "Seconds Remaining", FT_UINT, NULL, NULL, "How long the link may stay up.",
};
static const struct field_def f_data FIELD_REG = {
	"lcp.data", "Data", FT_BYTES, NULL, NULL, "What an echo or discard carries after the magic number.",
};
static const struct field_def f_message FIELD_REG = {
	"lcp.message", "Message", FT_STRING, NULL, NULL, "Text for a person reading the link's log.",
};

/* An option's value as Wireshark names it, when its length is the one its type has. */
static void lcp_option_value(struct decoded *d, struct cursor *v, unsigned type, unsigned len)
{
	switch (type) {
	case 1:
		if (len == 4) {
			dec_be16(d, v, &f_mru);
			return;
		}
		break;
	case 2:
		if (len == 6) {
			dec_be32(d, v, &f_accm);
			return;
		}
		break;
	case 3:
		if (len >= 4) {
			unsigned proto = dec_be16(d, v, &f_auth);

			if (proto == 0xc223 && len == 5)
				dec_u8(d, v, &f_algorithm);
		}
		break;
	case 4:
		if (len >= 4)
			dec_be16(d, v, &f_quality);
		break;
	case 5:
		if (len == 6) {
			dec_be32(d, v, &f_opt_magic);
			return;
		}
		break;
	case 17:
		if (len == 4) {
			dec_be16(d, v, &f_mrru);
			return;
		}
		break;
	}
	if (cursor_left(v) > 0)
		dec_bytes(d, v, &f_opt_data, cursor_left(v));
}

static void lcp_options(struct decoded *d, struct cursor *c)
{
	while (cursor_has(c, 2)) {
		uint32_t off = c->off;
		unsigned type = c->buf[off], len = c->buf[off + 1];
		struct cursor v;
		int g;

		if (len < 2 || len > cursor_left(c)) {
			dec_malformed(d, off, cursor_left(c), "LCP option length below 2 or past the packet");
			c->off = c->end;
			return;
		}
		g = dec_group(d, &f_opt, off, len);
		if (g >= 0)
			d->fields[g].value = type;
		dec_u8(d, c, &f_opt_type);
		dec_u8(d, c, &f_opt_len);
		v = cursor_sub(c, len - 2);
		lcp_option_value(d, &v, type, len);
		c->off = off + len;
		dec_close(d, g, c->off);
	}
}

void decode_lcp(struct decoded *d, struct cursor *c)
{
	uint32_t start = c->off, len;
	unsigned code;
	struct cursor body;
	int idx = dec_open(d, PROTO_LCP, &f_lcp, start, cursor_left(c));

	if (!cursor_has(c, 4)) {
		dec_short(d, c, PROTO_LCP);
		dec_close(d, idx, c->off);
		return;
	}
	code = dec_u8(d, c, &f_code);
	dec_u8(d, c, &f_id);
	len = dec_be16(d, c, &f_length);
	if (len < 4) {
		dec_malformed(d, start + 2, 2, "LCP length below its own header");
		dec_close(d, idx, c->off);
		return;
	}
	body = cursor_sub(c, len - 4);
	switch (code) {
	case 1: case 2: case 3: case 4:
		lcp_options(d, &body);
		break;
	case 8:
		if (cursor_has(&body, 2))
			dec_be16(d, &body, &f_rej_proto);
		break;
	case 9: case 10: case 11: case 12: case 13:
		if (cursor_has(&body, 4))
			dec_be32(d, &body, &f_magic);
		if (code == 13 && cursor_has(&body, 4))
			dec_be32(d, &body, &f_secs);
		if (cursor_left(&body) > 0)
			dec_bytes(d, &body, code >= 12 ? &f_message : &f_data, cursor_left(&body));
		break;
	}
	c->off = body.off;
	if (start + len > c->end)
		dec_short_note(d, c, PROTO_LCP);	/* the capture, or the PPP frame, ends inside the packet */
	dec_close(d, idx, c->off);
	if (cursor_left(c) > 0)
		decode_data(d, c);	/* a body not decoded here (codes 5-7), or the frame's padding */
}
