/* decode_dhcp.c — BOOTP/DHCP for IPv4 (RFC 951, RFC 2131): the fixed header and the common options (RFC 2132). */
/*
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     op (1)    |   htype (1)   |   hlen (1)    |   hops (1)    |
 * +---------------+---------------+---------------+---------------+
 * |                            xid (4)                            |
 * +-------------------------------+-------------------------------+
 * |           secs (2)            |           flags (2)           |
 * +-------------------------------+-------------------------------+
 * |  ciaddr (4) | yiaddr (4) | siaddr (4) | giaddr (4)             |
 * |  chaddr (16) | sname (64) | file (128)                         |
 * +---------------------------------------------------------------+
 * |  magic cookie 99.130.83.99 | options: code (1) | len (1) | data |
 * +---------------------------------------------------------------+
 * Pad (0) and End (255) have no length byte.
 */
#include <string.h>

#include "bytes.h"
#include "decode_priv.h"

static const struct tok op_names[] = { { 1, "Boot Request" }, { 2, "Boot Reply" }, { 0, NULL } };
static const struct tok hw_names[] = { { 1, "Ethernet" }, { 6, "IEEE 802" }, { 32, "InfiniBand" }, { 0, NULL } };
static const struct tok msg_names[] = {
	{ 1, "Discover" }, { 2, "Offer" }, { 3, "Request" }, { 4, "Decline" }, { 5, "ACK" }, { 6, "NAK" },
	{ 7, "Release" }, { 8, "Inform" }, { 0, NULL }
};
static const struct tok opt_names[] = {
	{ 0, "Padding" }, { 1, "Subnet Mask" }, { 3, "Router" }, { 6, "Domain Name Server" },
	{ 12, "Host Name" }, { 15, "Domain Name" }, { 26, "Interface MTU" }, { 28, "Broadcast Address" },
	{ 42, "Network Time Protocol Servers" }, { 50, "Requested IP Address" },
	{ 51, "IP Address Lease Time" }, { 53, "DHCP Message Type" }, { 54, "DHCP Server Identifier" },
	{ 55, "Parameter Request List" }, { 56, "Message" }, { 57, "Maximum DHCP Message Size" },
	{ 58, "Renewal Time Value" }, { 59, "Rebinding Time Value" }, { 60, "Vendor class identifier" },
	{ 61, "Client identifier" }, { 119, "Domain Search" }, { 121, "Classless Static Route" },
	{ 255, "End" }, { 0, NULL }
};

static const struct field_def f_dhcp FIELD_REG = {
	"dhcp", "Dynamic Host Configuration Protocol", FT_PROTO, NULL, NULL,
	"DHCP: how a machine joining a network gets its IPv4 address, router and DNS servers.",
};
static const struct field_def f_op FIELD_REG = {
	"dhcp.type", "Message type", FT_UINT, op_names, NULL,
	"BOOTP op: 1 from a client to a server, 2 from a server back to a client.",
};
static const struct field_def f_htype FIELD_REG = {
	"dhcp.hw.type", "Hardware type", FT_HEX, hw_names, NULL, "The client's kind of link (1 is Ethernet).",
};
static const struct field_def f_hlen FIELD_REG = {
	"dhcp.hw.len", "Hardware address length", FT_UINT, NULL, NULL, "Bytes in the client's hardware address (6).",
};
static const struct field_def f_hops FIELD_REG = {
	"dhcp.hops", "Hops", FT_UINT, NULL, NULL, "How many relay agents forwarded this message.",
};
static const struct field_def f_xid FIELD_REG = {
	"dhcp.id", "Transaction ID", FT_HEX, NULL, NULL,
	"Transaction ID: picked by the client so it can match the server's answers.",
};
static const struct field_def f_secs FIELD_REG = {
	"dhcp.secs", "Seconds elapsed", FT_UINT, NULL, NULL, "Seconds since the client started asking.",
};
static const struct field_def f_flags FIELD_REG = {
	"dhcp.flags", "Bootp flags", FT_HEX, NULL, NULL,
	"Flags: B asks the server to broadcast its reply (for clients that cannot take unicast yet).",
};
static const struct field_def f_bc FIELD_REG = {
	"dhcp.flags.bc", "Broadcast flag", FT_BOOL, NULL, NULL, "B: reply by broadcast.",
};
static const struct field_def f_ciaddr FIELD_REG = {
	"dhcp.ip.client", "Client IP address", FT_IPV4, NULL, NULL,
	"The client's current address, if it already has one (renewing).",
};
static const struct field_def f_yiaddr FIELD_REG = {
	"dhcp.ip.your", "Your (client) IP address", FT_IPV4, NULL, NULL, "The address the server offers or assigns.",
};
static const struct field_def f_siaddr FIELD_REG = {
	"dhcp.ip.server", "Next server IP address", FT_IPV4, NULL, NULL, "The server to boot from next (TFTP).",
};
static const struct field_def f_giaddr FIELD_REG = {
	"dhcp.ip.relay", "Relay agent IP address", FT_IPV4, NULL, NULL,
	"The relay agent that forwarded the message (0.0.0.0: none).",
};
static const struct field_def f_chaddr FIELD_REG = {
	"dhcp.hw.mac_addr", "Client MAC address", FT_MAC, NULL, NULL, "The client's hardware address.",
};
static const struct field_def f_chaddr_bytes FIELD_REG = {
	"dhcp.hw.addr", "Client hardware address", FT_BYTES, NULL, NULL, "The client's hardware address.",
};
static const struct field_def f_chpad FIELD_REG = {
	"dhcp.hw.addr_padding", "Client hardware address padding", FT_BYTES, NULL, NULL,
	"Unused rest of the 16-byte hardware address field.",
};
static const struct field_def f_sname FIELD_REG = {
	"dhcp.server", "Server host name", FT_STRING, NULL, NULL, "Optional server name (often empty).",
};
static const struct field_def f_file FIELD_REG = {
	"dhcp.file", "Boot file name", FT_STRING, NULL, NULL, "Optional boot file for network boot (often empty).",
};
static const struct field_def f_cookie FIELD_REG = {
	"dhcp.cookie", "Magic cookie", FT_IPV4, NULL, NULL,
	"Magic cookie 99.130.83.99: DHCP options follow (plain BOOTP otherwise).",
};
static const struct field_def f_opt FIELD_REG = {
	"dhcp.option", "Option", FT_GROUP, opt_names, NULL, "One DHCP option: a code, a length and its value.",
};
static const struct field_def f_opt_type FIELD_REG = {
	"dhcp.option.type", "Option", FT_UINT, opt_names, NULL, "Option code: which setting this is.",
};
static const struct field_def f_opt_len FIELD_REG = {
	"dhcp.option.length", "Length", FT_UINT, NULL, NULL, "Bytes of option value that follow.",
};
static const struct field_def f_msgtype FIELD_REG = {
	"dhcp.option.dhcp", "DHCP", FT_UINT, msg_names, NULL,
	"DHCP message type: Discover, Offer, Request, ACK... the step of the conversation.",
};
static const struct field_def f_reqip FIELD_REG = {
	"dhcp.option.requested_ip_address", "Requested IP Address", FT_IPV4, NULL, NULL,
	"The address the client would like.",
};
static const struct field_def f_lease FIELD_REG = {
	"dhcp.option.ip_address_lease_time", "IP Address Lease Time", FT_UINT, NULL, " seconds",
	"How long the client may keep the address.",
};
static const struct field_def f_server_id FIELD_REG = {
	"dhcp.option.dhcp_server_id", "DHCP Server Identifier", FT_IPV4, NULL, NULL,
	"Which server this message is from or for.",
};
static const struct field_def f_mask FIELD_REG = {
	"dhcp.option.subnet_mask", "Subnet Mask", FT_IPV4, NULL, NULL, "The netmask of the client's network.",
};
static const struct field_def f_router FIELD_REG = {
	"dhcp.option.router", "Router", FT_IPV4, NULL, NULL, "A default gateway for the client.",
};
static const struct field_def f_dns FIELD_REG = {
	"dhcp.option.domain_name_server", "Domain Name Server", FT_IPV4, NULL, NULL, "A DNS server for the client.",
};
static const struct field_def f_ntp FIELD_REG = {
	"dhcp.option.ntp_server", "Network Time Protocol Server", FT_IPV4, NULL, NULL, "A time server.",
};
static const struct field_def f_hostname FIELD_REG = {
	"dhcp.option.hostname", "Host Name", FT_STRING, NULL, NULL, "The client's name.",
};
static const struct field_def f_domain FIELD_REG = {
	"dhcp.option.domain_name", "Domain Name", FT_STRING, NULL, NULL, "The DNS domain of the network.",
};
static const struct field_def f_mtu FIELD_REG = {
	"dhcp.option.interface_mtu", "Interface MTU", FT_UINT, NULL, NULL, "The MTU to use on this link.",
};
static const struct field_def f_bcast FIELD_REG = {
	"dhcp.option.broadcast_address", "Broadcast Address", FT_IPV4, NULL, NULL, "The network's broadcast address.",
};
static const struct field_def f_prl FIELD_REG = {
	"dhcp.option.request_list_item", "Parameter Request List Item", FT_UINT, opt_names, NULL,
	"A setting the client asks the server to send.",
};
static const struct field_def f_message FIELD_REG = {
	"dhcp.option.message", "Message", FT_STRING, NULL, NULL, "An error message (with NAK or Decline).",
};
static const struct field_def f_maxsize FIELD_REG = {
	"dhcp.option.dhcp_max_message_size", "Maximum DHCP Message Size", FT_UINT, NULL, NULL,
	"The largest DHCP message the client accepts.",
};
static const struct field_def f_t1 FIELD_REG = {
	"dhcp.option.renewal_time_value", "Renewal Time Value", FT_UINT, NULL, " seconds",
	"When the client should start renewing (T1).",
};
static const struct field_def f_t2 FIELD_REG = {
	"dhcp.option.rebinding_time_value", "Rebinding Time Value", FT_UINT, NULL, " seconds",
	"When the client should ask any server (T2).",
};
static const struct field_def f_vendor FIELD_REG = {
	"dhcp.option.vendor_class_id", "Vendor class identifier", FT_STRING, NULL, NULL,
	"The client's kind (for example \"MSFT 5.0\", \"android-dhcp-13\").",
};
static const struct field_def f_cid_type FIELD_REG = {
	"dhcp.client_id.type", "Type", FT_HEX, hw_names, NULL, "Client identifier type (1: a MAC address follows).",
};
static const struct field_def f_cid FIELD_REG = {
	"dhcp.client_id", "Identifier", FT_BYTES, NULL, NULL, "A stable identifier of the client.",
};
static const struct field_def f_value FIELD_REG = {
	"dhcp.option.value", "Value", FT_BYTES, NULL, NULL, "Option value not decoded here.",
};
static const struct field_def f_end FIELD_REG = {
	"dhcp.option.end", "Option End", FT_UINT, NULL, NULL, "End: no options follow.",
};
static const struct field_def f_padding FIELD_REG = {
	"dhcp.option.padding", "Padding", FT_BYTES, NULL, NULL, "Padding after the options.",
};

/* tcpdump's line: "BOOTP/DHCP, Request from 02:00:00:00:00:01, length 300" (h: 34 bytes at least). */
static void dhcp_summary(struct decoded *d, const uint8_t *h, uint32_t len)
{
	unsigned op = h[0];
	struct fmtbuf b = dec_sum_begin(d);

	fmtbuf_str(&b, "BOOTP/DHCP, ");
	if (op == 1)
		fmtbuf_str(&b, "Request");
	else if (op == 2)
		fmtbuf_str(&b, "Reply");
	else {
		fmtbuf_str(&b, "unknown (0x");
		fmtbuf_hex(&b, op, 2);
		fmtbuf_char(&b, ')');
	}
	if (op == 1 && h[1] == 1 && h[2] == 6) {
		fmtbuf_str(&b, " from ");
		fmtbuf_mac(&b, h + 28);
	}
	fmtbuf_str(&b, ", length ");
	fmtbuf_u64(&b, len);
	dec_sum_end(d, &b);
}

static void ipv4_list(struct decoded *d, struct cursor *v, const struct field_def *def)
{
	while (cursor_has(v, 4))
		dec_bytes(d, v, def, 4);
}

static void dhcp_option(struct decoded *d, struct cursor *v, unsigned code, unsigned len)
{
	switch (code) {
	case 53:
		if (len == 1)
			dec_u8(d, v, &f_msgtype);
		break;
	case 1:
	case 50:
	case 54:
	case 28:
		if (len == 4)
			dec_bytes(d, v, code == 1 ? &f_mask : code == 50 ? &f_reqip : code == 54 ? &f_server_id : &f_bcast, 4);
		break;
	case 3:
		ipv4_list(d, v, &f_router);
		break;
	case 6:
		ipv4_list(d, v, &f_dns);
		break;
	case 42:
		ipv4_list(d, v, &f_ntp);
		break;
	case 51:
	case 58:
	case 59:
		if (len == 4)
			dec_be32(d, v, code == 51 ? &f_lease : code == 58 ? &f_t1 : &f_t2);
		break;
	case 26:
	case 57:
		if (len == 2)
			dec_be16(d, v, code == 26 ? &f_mtu : &f_maxsize);
		break;
	case 12:
	case 15:
	case 56:
	case 60:
		dec_bytes(d, v, code == 12 ? &f_hostname : code == 15 ? &f_domain : code == 56 ? &f_message : &f_vendor, len);
		break;
	case 55:
		while (cursor_left(v) > 0)
			dec_u8(d, v, &f_prl);
		break;
	case 61:
		if (len == 7 && v->buf[v->off] == 1) {	/* Wireshark: a MAC, under the header's names */
			dec_u8(d, v, &f_htype);
			dec_bytes(d, v, &f_chaddr, 6);
		} else if (len >= 2) {
			dec_u8(d, v, &f_cid_type);
			dec_bytes(d, v, &f_cid, len - 1);
		}
		break;
	}
	if (cursor_left(v))
		dec_bytes(d, v, &f_value, cursor_left(v));
}

/*
 * Wireshark reads every option's code and length before it shows any field (to find the message
 * type first): options that run past the captured bytes leave the whole layer empty there.
 */
static int options_fit(const struct cursor *c, uint32_t reported_end)
{
	uint32_t off = c->off + 240;	/* c is at the start of BOOTP; options follow the cookie */

	while (off < reported_end) {
		unsigned code;

		if (off >= c->end)
			return 0;
		code = c->buf[off];
		if (code == 255)
			return 1;
		if (code == 0) {
			off++;
			continue;
		}
		if (off + 1 >= c->end)
			return 0;
		off += 2u + c->buf[off + 1];
	}
	return 1;
}

/* A capture cut inside the message: the tree's note always; tcpdump's " [|bootp]" only when the
 * cut comes before the client's address its line shows (the first 34 bytes), as tcpdump reads
 * no further without -v. */
static void dhcp_short(struct decoded *d, const struct cursor *c, uint32_t start)
{
	if (c->end - start >= 34)
		dec_short_note(d, c, PROTO_DHCP);
	else
		dec_short(d, c, PROTO_DHCP);
}

void decode_dhcp(struct decoded *d, struct cursor *c, uint32_t claimed)
{
	uint32_t start = c->off;
	const uint8_t *h;
	unsigned htype, hlen, flags;
	int idx = dec_open(d, PROTO_DHCP, &f_dhcp, start, cursor_left(c));

	h = c->buf + start;
	if (cursor_has(c, 34))
		dhcp_summary(d, h, claimed);	/* UDP's length: an Ethernet trailer is not BOOTP */
	else
		dec_sum_str(d, "BOOTP/DHCP");
	if (cursor_has(c, 240) && get_be32(h + 236) == 0x63825363 && !options_fit(c, start + claimed)) {
		dhcp_short(d, c, start);
		c->off = c->end;
		dec_close(d, idx, c->off);
		return;
	}
	/* field by field: a capture cut inside the fixed part still shows what it holds */
	dec_u8(d, c, &f_op);
	htype = dec_u8(d, c, &f_htype);
	hlen = dec_u8(d, c, &f_hlen);
	dec_u8(d, c, &f_hops);
	dec_be32(d, c, &f_xid);
	dec_be16(d, c, &f_secs);
	if (cursor_has(c, 2)) {
		flags = get_be16(h + 10);
		dec_add(d, &f_flags, start + 10, 2, flags);
		dec_add(d, &f_bc, start + 10, 2, flags >> 15);
		c->off += 2;
	}
	dec_bytes(d, c, &f_ciaddr, 4);
	dec_bytes(d, c, &f_yiaddr, 4);
	dec_bytes(d, c, &f_siaddr, 4);
	dec_bytes(d, c, &f_giaddr, 4);
	if (htype == 1 && hlen == 6) {
		dec_bytes(d, c, &f_chaddr, 6);
		dec_bytes(d, c, &f_chpad, 10);
	} else {
		dec_bytes(d, c, &f_chaddr_bytes, 16);
	}
	if (cursor_has(c, 64 + 128)) {
		/* Wireshark says "not given" (no field) for an empty name */
		if (c->buf[c->off])
			dec_add(d, &f_sname, c->off, (uint32_t)strnlen((const char *)c->buf + c->off, 64), 0);
		c->off += 64;
		if (c->buf[c->off])
			dec_add(d, &f_file, c->off, (uint32_t)strnlen((const char *)c->buf + c->off, 128), 0);
		c->off += 128;
	} else {
		c->truncated = 1;
	}
	if (c->truncated) {
		dhcp_short(d, c, start);
		c->off = c->end;
		dec_close(d, idx, c->off);
		return;
	}
	if (cursor_has(c, 4) && get_be32(c->buf + c->off) == 0x63825363) {
		dec_bytes(d, c, &f_cookie, 4);
		while (cursor_left(c) > 0) {
			uint32_t off = c->off;
			unsigned code = c->buf[off], len;
			struct cursor v;
			int g;

			if (code == 0) {
				uint32_t n = 0;

				while (n < cursor_left(c) && c->buf[off + n] == 0)
					n++;
				dec_add(d, &f_padding, off, n, 0);
				c->off += n;
				continue;
			}
			if (code == 255) {
				dec_add(d, &f_end, off, 1, 255);
				c->off++;
				if (cursor_left(c))
					dec_bytes(d, c, &f_padding, cursor_left(c));
				break;
			}
			if (!cursor_has(c, 2) || !cursor_has(c, 2u + c->buf[off + 1])) {
				c->truncated = 1;
				break;
			}
			len = c->buf[off + 1];
			g = dec_group(d, &f_opt, off, len + 2);
			if (g >= 0)
				d->fields[g].value = code;
			dec_u8(d, c, &f_opt_type);
			dec_u8(d, c, &f_opt_len);
			v = cursor_sub(c, len);
			dhcp_option(d, &v, code, len);
			c->off = off + 2 + len;
			dec_close(d, g, 0);
		}
	}
	if (c->truncated) {
		dhcp_short(d, c, start);
		c->off = c->end;
	}
	dec_close(d, idx, c->off);
}
