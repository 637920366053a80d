/* decode_ppp.c — PPP frames (RFC 1661) as DLT_PPP, DLT_PPP_SERIAL (RFC 1662 HDLC-like) and DLT_PPP_WITH_DIR write them. */
/*
 * RFC 1661 section 2, RFC 1662 section 3 (address 0xff, control 0x03), RFC 1661 6.5 (a protocol
 * field of one byte when Protocol-Field-Compression is on: its low bit is set).
 *
 * +----------+----------+----------+-------------------+
 * | Address  | Control  | Protocol |   Information     |
 * | 0xff (1) | 0x03 (1) |  1 or 2  |   (the packet)    |
 * +----------+----------+----------+-------------------+
 *   address and control may be absent (DLT_PPP, Address-and-Control-Field-Compression);
 *   DLT_PPP_WITH_DIR puts one direction byte first (0 received, 1 sent).
 *
 * Control protocols (LCP, IPCP...) are named with their code, id and length, as tcpdump does;
 * LCP's fields are decode_lcp.c's, the others' bytes are left as data.
 */
#include <pcap/dlt.h>

#include "bytes.h"
#include "decode_priv.h"

static const struct tok proto_names[] = {
	{ 0x0021, "Internet Protocol version 4" }, { 0x0057, "Internet Protocol version 6" },
	{ 0x0281, "MPLS Unicast" }, { 0x0283, "MPLS Multicast" }, { 0x002d, "Van Jacobson Compressed TCP/IP" },
	{ 0x002f, "Van Jacobson Uncompressed TCP/IP" }, { 0xc021, "Link Control Protocol" },
	{ 0x8021, "Internet Protocol Control Protocol" }, { 0x8057, "IPv6 Control Protocol" },
	{ 0xc023, "Password Authentication Protocol" }, { 0xc223, "Challenge Handshake Authentication Protocol" },
	{ 0x80fd, "Compression Control Protocol" }, { 0x8281, "MPLS Control Protocol" }, { 0, NULL }
};
/* tcpdump's short names, for the summary of control protocols */
static const struct tok ctrl_short[] = {
	{ 0xc021, "LCP" }, { 0x8021, "IPCP" }, { 0x8057, "IP6CP" }, { 0xc023, "PAP" }, { 0xc223, "CHAP" },
	{ 0x80fd, "CCP" }, { 0x8281, "MPLSCP" }, { 0, NULL }
};
static const struct tok hdlc_words[] = {
	{ 0x0021, "IP" }, { 0x0057, "IPV6" }, { 0x0281, "MPLS" }, { 0xc021, "LCP" }, { 0x8021, "IPCP" },
	{ 0x8057, "IP6CP" }, { 0xc023, "PAP" }, { 0xc223, "CHAP" }, { 0, NULL }
};
static const struct tok code_names[] = {
	{ 1, "Conf-Request" }, { 2, "Conf-Ack" }, { 3, "Conf-Nack" }, { 4, "Conf-Reject" },
	{ 5, "Term-Request" }, { 6, "Term-Ack" }, { 7, "Code-Reject" }, { 8, "Prot-Reject" },
	{ 9, "Echo-Request" }, { 10, "Echo-Reply" }, { 11, "Discard-Request" }, { 0, NULL }
};
static const struct tok dir_names[] = { { 0, "Received" }, { 1, "Sent" }, { 0, NULL } };

static const struct field_def f_ppp FIELD_REG = {
	"ppp", "Point-to-Point Protocol", FT_PROTO, NULL, NULL,
	"PPP: carries packets over a point-to-point link (a modem, DSL, a Linux ppp device).",
};
static const struct field_def f_direction FIELD_REG = {
	"ppp.direction", "Direction", FT_UINT, dir_names, NULL,
	"Whether the capturing host received (0) or sent (1) this frame.",
};
static const struct field_def f_address FIELD_REG = {
	"ppp.address", "Address", FT_HEX, NULL, NULL, "HDLC address: always 0xff (all stations) on PPP.",
};
static const struct field_def f_control FIELD_REG = {
	"ppp.control", "Control", FT_HEX, NULL, NULL, "HDLC control: always 0x03 (unnumbered information).",
};
const struct field_def dec_ppp_protocol FIELD_REG = {
	"ppp.protocol", "Protocol", FT_HEX, proto_names, NULL,
	"Protocol: what the frame carries (0x0021 IPv4, 0x0057 IPv6, 0xc021 link control).",
};
#define f_protocol dec_ppp_protocol

static void ctrl_summary(struct decoded *d, struct cursor *c, unsigned proto)
{
	struct fmtbuf b = dec_sum_begin(d);
	const uint8_t *p = cursor_has(c, 4) ? c->buf + c->off : NULL;

	fmtbuf_str(&b, tok_str(ctrl_short, proto, "PPP"));
	if (p) {
		fmtbuf_str(&b, ", ");
		fmtbuf_str(&b, tok_str(code_names, p[0], "Unknown Opcode"));
		fmtbuf_str(&b, " (0x");
		fmtbuf_hex(&b, p[0], 2);
		fmtbuf_str(&b, "), id ");
		fmtbuf_u64(&b, p[1]);
		fmtbuf_str(&b, ", length ");
		fmtbuf_u64(&b, cursor_left(c) + 2);
	}
	dec_sum_end(d, &b);
}

void decode_ppp_proto(struct decoded *d, struct cursor *c, unsigned proto)
{
	switch (proto) {
	case 0x0021:
		decode_ip(d, c);
		return;
	case 0x0057:
		decode_ipv6(d, c);
		return;
	case 0x0281:
	case 0x0283:
		decode_mpls(d, c);
		return;
	}
	if (tok_name(ctrl_short, proto)) {
		ctrl_summary(d, c, proto);
		if (proto == 0xc021) {
			decode_lcp(d, c);
			return;
		}
	} else {
		struct fmtbuf b = dec_sum_begin(d);

		fmtbuf_str(&b, "unknown PPP protocol (0x");
		fmtbuf_hex(&b, proto, 4);
		fmtbuf_str(&b, ")");
		dec_sum_end(d, &b);
	}
	decode_data(d, c);
}

void decode_ppp(struct decoded *d, struct cursor *c, int dlt)
{
	uint32_t start = c->off;
	unsigned proto;
	int idx = dec_open(d, PROTO_PPP, &f_ppp, start, 4);

	if (dlt == DLT_PPP_WITH_DIR && cursor_has(c, 1))
		dec_u8(d, c, &f_direction);
	if (cursor_has(c, 2) && c->buf[c->off] == 0xff && c->buf[c->off + 1] == 0x03) {
		dec_u8(d, c, &f_address);
		dec_u8(d, c, &f_control);
	}
	if (cursor_has(c, 1) && (c->buf[c->off] & 1)) {
		proto = dec_u8(d, c, &f_protocol);	/* protocol field compression */
	} else if (cursor_has(c, 2)) {
		proto = dec_be16(d, c, &f_protocol);
	} else {
		dec_short(d, c, PROTO_PPP);
		dec_close(d, idx, c->off);
		return;
	}
	dec_close(d, idx, c->off);
	if (dlt == DLT_PPP_SERIAL) {	/* tcpdump's HDLC printer names the protocol first */
		struct fmtbuf b = dec_sum_begin(d);
		const char *w = tok_name(hdlc_words, proto);

		if (w) {
			fmtbuf_str(&b, w);
		} else {
			fmtbuf_str(&b, "unknown PPP protocol (0x");
			fmtbuf_hex(&b, proto, 4);
			fmtbuf_char(&b, ')');
		}
		fmtbuf_str(&b, ": ");
		dec_sum_end(d, &b);
	}
	decode_ppp_proto(d, c, proto);
}
