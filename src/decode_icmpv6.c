/* decode_icmpv6.c — ICMPv6 (RFC 4443) with NDP (RFC 4861, options incl. RDNSS RFC 8106) and MLDv1/v2 (RFC 2710, 3810). */
/*
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |     Type      |     Code      |          Checksum             |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * | Errors 1-4: unused / MTU / pointer (32 bits), then as much of  |
 * |   the invoking packet as fits in 1280 bytes                    |
 * | Echo 128/129: Identifier (16) | Sequence (16) | data           |
 * | NS 135: reserved (32) | target (128) | options                 |
 * | NA 136: R|S|O|reserved (32) | target (128) | options           |
 * | RS 133: reserved | RA 134: hop limit|M|O|H|Prf|P|lifetime,     |
 * |   reachable time, retrans timer | options                      |
 * | Redirect 137: reserved | target (128) | destination (128) | opts|
 * | MLD 130-132: max delay | reserved | multicast address (+v2 query)|
 * | MLDv2 report 143: reserved | #records | records                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * NDP options: | Type | Length (8-byte units) | data |. The checksum covers an IPv6
 * pseudo-header (addresses, length, next header 58) and the whole message.
 */
#include "bytes.h"
#include "checksum.h"
#include "decode_priv.h"

static const struct tok type_names[] = {
	{ 1, "Destination Unreachable" }, { 2, "Packet Too Big" }, { 3, "Time Exceeded" },
	{ 4, "Parameter Problem" }, { 128, "Echo (ping) request" }, { 129, "Echo (ping) reply" },
	{ 130, "Multicast Listener Query" }, { 131, "Multicast Listener Report" },
	{ 132, "Multicast Listener Done" }, { 133, "Router Solicitation" },
	{ 134, "Router Advertisement" }, { 135, "Neighbor Solicitation" },
	{ 136, "Neighbor Advertisement" }, { 137, "Redirect" },
	{ 143, "Multicast Listener Report Message v2" }, { 0, NULL }
};
static const struct tok type_words[] = {	/* tcpdump's */
	{ 1, "destination unreachable" }, { 2, "packet too big" }, { 3, "time exceeded" },
	{ 4, "parameter problem" }, { 128, "echo request" }, { 129, "echo reply" },
	{ 130, "multicast listener query" }, { 131, "multicast listener report" },
	{ 132, "multicast listener done" }, { 133, "router solicitation" },
	{ 134, "router advertisement" }, { 135, "neighbor solicitation" },
	{ 136, "neighbor advertisement" }, { 137, "redirect" }, { 138, "router renumbering" },
	{ 139, "node information query" }, { 140, "node information reply" },
	{ 141, "inverse neighbor solicitation" }, { 142, "inverse neighbor advertisement" },
	{ 143, "multicast listener report v2" }, { 0, NULL }
};
static const struct tok unreach_codes[] = {
	{ 0, "no route to destination" }, { 1, "communication with destination administratively prohibited" },
	{ 2, "beyond scope of source address" }, { 3, "address unreachable" }, { 4, "port unreachable" },
	{ 5, "source address failed ingress/egress policy" }, { 6, "reject route to destination" },
	{ 0, NULL }
};
static const struct tok unreach_words[] = {
	{ 0, "unreachable route" }, { 1, "unreachable prohibited" }, { 2, "beyond scope" },
	{ 3, "unreachable address" }, { 4, "unreachable port" }, { 0, NULL }
};
static const struct tok timex_codes[] = {
	{ 0, "hop limit exceeded in transit" }, { 1, "fragment reassembly time exceeded" }, { 0, NULL }
};
static const struct tok param_codes[] = {
	{ 0, "erroneous header field encountered" }, { 1, "unrecognized Next Header type encountered" },
	{ 2, "unrecognized IPv6 option encountered" }, { 0, NULL }
};
static const struct tok opt_names[] = {
	{ 1, "Source link-layer address" }, { 2, "Target link-layer address" },
	{ 3, "Prefix information" }, { 4, "Redirected header" }, { 5, "MTU" },
	{ 25, "Recursive DNS Server" }, { 31, "DNS Search List" }, { 24, "Route Information" },
	{ 0, NULL }
};
static const struct tok prf_names[] = {
	{ 0, "Medium" }, { 1, "High" }, { 2, "Reserved" }, { 3, "Low" }, { 0, NULL }
};
static const struct tok mar_types[] = {
	{ 1, "Mode Is Include" }, { 2, "Mode Is Exclude" }, { 3, "Change To Include Mode" },
	{ 4, "Change To Exclude Mode" }, { 5, "Allow New Sources" }, { 6, "Block Old Sources" },
	{ 0, NULL }
};

static const struct field_def f_icmpv6 FIELD_REG = {
	"icmpv6", "Internet Control Message Protocol v6", FT_PROTO, NULL, NULL,
	"ICMPv6: IPv6's control messages: ping, errors, and neighbour and router discovery.",
};
static const struct field_def f_type FIELD_REG = {
	"icmpv6.type", "Type", FT_UINT, type_names, NULL,
	"Type: what kind of message (128 echo request, 135 neighbor solicitation, 1 unreachable...).",
};
/* the defs below share one name string: JSON's first-occurrence filter compares name pointers */
static const char code_name[] = "icmpv6.code";
#define CODE_DEF(var, table) \
	static const struct field_def var FIELD_REG = { code_name, "Code", FT_UINT, table, NULL, \
		"Code: refines the type (for \"unreachable\": no route, prohibited, port...)." }
CODE_DEF(f_code, NULL);
CODE_DEF(f_code_unreach, unreach_codes);
CODE_DEF(f_code_timex, timex_codes);
CODE_DEF(f_code_param, param_codes);
static const struct field_def f_checksum FIELD_REG = {
	"icmpv6.checksum", "Checksum", FT_HEX, NULL, NULL,
	"Checksum over the message and an IPv6 pseudo-header, so damage or misdelivery shows.",
};
static const struct field_def f_checksum_status FIELD_REG = {
	"icmpv6.checksum.status", "Checksum Status", FT_CSUM, NULL, NULL,
	"Whether the checksum matches the message's bytes.",
};
static const struct field_def f_reserved FIELD_REG = {
	"icmpv6.reserved", "Reserved", FT_BYTES, NULL, NULL, "Reserved: zero.",
};
static const struct field_def f_mtu FIELD_REG = {
	"icmpv6.mtu", "MTU", FT_UINT, NULL, NULL,
	"MTU: the largest packet the next link takes; the sender must send smaller ones.",
};
static const struct field_def f_pointer FIELD_REG = {
	"icmpv6.pointer", "Pointer", FT_UINT, NULL, NULL,
	"Pointer: the byte of the invoking packet where the problem was found.",
};
static const struct field_def f_echo_id FIELD_REG = {
	"icmpv6.echo.identifier", "Identifier", FT_UINT, NULL, NULL,
	"Identifier: chosen by the sender (ping uses it to tell its sessions apart); the reply copies it.",
};
static const struct field_def f_echo_seq FIELD_REG = {
	"icmpv6.echo.sequence_number", "Sequence", FT_UINT, NULL, NULL,
	"Sequence number: counts the requests; the reply copies it so they can be matched.",
};
static const struct field_def f_ra_hlim FIELD_REG = {
	"icmpv6.nd.ra.cur_hop_limit", "Cur hop limit", FT_UINT, NULL, NULL,
	"The hop limit hosts should put in the packets they send (0: unspecified).",
};
static const struct field_def f_ra_flag FIELD_REG = {
	"icmpv6.nd.ra.flag", "Flags", FT_HEX, NULL, NULL,
	"Router flags: how hosts should configure addresses (M: DHCPv6, O: other info by DHCPv6).",
};
static const struct field_def f_ra_m FIELD_REG = {
	"icmpv6.nd.ra.flag.m", "Managed address configuration", FT_BOOL, NULL, NULL,
	"M: addresses are handed out by DHCPv6.",
};
static const struct field_def f_ra_o FIELD_REG = {
	"icmpv6.nd.ra.flag.o", "Other configuration", FT_BOOL, NULL, NULL,
	"O: other settings (DNS servers...) are available by DHCPv6.",
};
static const struct field_def f_ra_h FIELD_REG = {
	"icmpv6.nd.ra.flag.h", "Home Agent", FT_BOOL, NULL, NULL, "H: the router is a Mobile IPv6 home agent.",
};
static const struct field_def f_ra_prf FIELD_REG = {
	"icmpv6.nd.ra.flag.prf", "Prf (Default Router Preference)", FT_UINT, prf_names, NULL,
	"Preference of this router as the default router.",
};
static const struct field_def f_ra_lifetime FIELD_REG = {
	"icmpv6.nd.ra.router_lifetime", "Router lifetime (s)", FT_UINT, NULL, NULL,
	"Seconds this router may be used as the default router (0: not a default router).",
};
static const struct field_def f_ra_reach FIELD_REG = {
	"icmpv6.nd.ra.reachable_time", "Reachable time (ms)", FT_UINT, NULL, NULL,
	"How long a neighbour counts as reachable after a confirmation, in ms (0: unspecified).",
};
static const struct field_def f_ra_retrans FIELD_REG = {
	"icmpv6.nd.ra.retrans_timer", "Retrans timer (ms)", FT_UINT, NULL, NULL,
	"Milliseconds between repeated neighbor solicitations (0: unspecified).",
};
static const struct field_def f_ns_target FIELD_REG = {
	"icmpv6.nd.ns.target_address", "Target Address", FT_IPV6, NULL, NULL,
	"Target: the IPv6 address whose link-layer address the sender wants (IPv6's \"who has\").",
};
static const struct field_def f_na_flag FIELD_REG = {
	"icmpv6.nd.na.flag", "Flags", FT_HEX, NULL, NULL,
	"Flags: R sender is a router, S this answers a solicitation, O override cached entries.",
};
static const struct field_def f_na_r FIELD_REG = {
	"icmpv6.nd.na.flag.r", "Router", FT_BOOL, NULL, NULL, "R: the sender is a router.",
};
static const struct field_def f_na_s FIELD_REG = {
	"icmpv6.nd.na.flag.s", "Solicited", FT_BOOL, NULL, NULL,
	"S: this advertisement answers a neighbor solicitation.",
};
static const struct field_def f_na_o FIELD_REG = {
	"icmpv6.nd.na.flag.o", "Override", FT_BOOL, NULL, NULL,
	"O: replace any cached link-layer address for the target.",
};
static const struct field_def f_na_target FIELD_REG = {
	"icmpv6.nd.na.target_address", "Target Address", FT_IPV6, NULL, NULL,
	"Target: the IPv6 address this advertisement is about.",
};
static const struct field_def f_rd_target FIELD_REG = {
	"icmpv6.nd.rd.target_address", "Target Address", FT_IPV6, NULL, NULL,
	"Target: the better first hop to use for the destination.",
};
static const struct field_def f_rd_dst FIELD_REG = {
	"icmpv6.rd.na.destination_address", "Destination Address", FT_IPV6, NULL, NULL,
	"Destination: the address whose traffic should take the better first hop.",
};
static const struct field_def f_opt FIELD_REG = {
	"icmpv6.opt", "ICMPv6 Option", FT_GROUP, opt_names, NULL,
	"One neighbour-discovery option: a type, a length in 8-byte units, and its data.",
};
static const struct field_def f_opt_type FIELD_REG = {
	"icmpv6.opt.type", "Type", FT_UINT, opt_names, NULL, "Option type: which option this is.",
};
static const struct field_def f_opt_len FIELD_REG = {
	"icmpv6.opt.length", "Length", FT_UINT, NULL, NULL,
	"Option length in 8-byte units, type and length included (0 is invalid).",
};
static const struct field_def f_opt_src_ll FIELD_REG = {
	"icmpv6.opt.src_linkaddr", "Source Link-layer address", FT_MAC, NULL, NULL,
	"The sender's MAC address, so the receiver need not ask for it.",
};
static const struct field_def f_opt_tgt_ll FIELD_REG = {
	"icmpv6.opt.target_linkaddr", "Target Link-layer address", FT_MAC, NULL, NULL,
	"The target's MAC address: the answer a neighbor solicitation asked for.",
};
static const struct field_def f_opt_linkaddr FIELD_REG = {
	"icmpv6.opt.linkaddr", "Link-layer address", FT_BYTES, NULL, NULL,
	"A link-layer address that is not a 6-byte MAC.",
};
static const struct field_def f_pfx_len FIELD_REG = {
	"icmpv6.opt.prefix.length", "Prefix Length", FT_UINT, NULL, NULL,
	"How many leading bits of the prefix are significant (64 for SLAAC).",
};
static const struct field_def f_pfx_flag FIELD_REG = {
	"icmpv6.opt.prefix.flag", "Flag", FT_HEX, NULL, NULL,
	"L: the prefix is on this link; A: hosts may make their own addresses from it (SLAAC).",
};
static const struct field_def f_pfx_l FIELD_REG = {
	"icmpv6.opt.prefix.flag.l", "On-link flag(L)", FT_BOOL, NULL, NULL,
	"L: addresses in this prefix are reachable directly on this link.",
};
static const struct field_def f_pfx_a FIELD_REG = {
	"icmpv6.opt.prefix.flag.a", "Autonomous address-configuration flag(A)", FT_BOOL, NULL, NULL,
	"A: hosts may build their own address from this prefix (SLAAC).",
};
static const struct field_def f_pfx_valid FIELD_REG = {
	"icmpv6.opt.prefix.valid_lifetime", "Valid Lifetime", FT_UINT, NULL, NULL,
	"Seconds the prefix stays valid (0xffffffff: forever).",
};
static const struct field_def f_pfx_pref FIELD_REG = {
	"icmpv6.opt.prefix.preferred_lifetime", "Preferred Lifetime", FT_UINT, NULL, NULL,
	"Seconds addresses from the prefix stay preferred for new connections.",
};
static const struct field_def f_pfx FIELD_REG = {
	"icmpv6.opt.prefix", "Prefix", FT_IPV6, NULL, NULL, "The advertised network prefix.",
};
static const struct field_def f_opt_mtu FIELD_REG = {
	"icmpv6.opt.mtu", "MTU", FT_UINT, NULL, NULL, "The MTU hosts on this link should use.",
};
static const struct field_def f_opt_redirected FIELD_REG = {
	"icmpv6.opt.redirected_packet", "Redirected Packet", FT_BYTES, NULL, NULL,
	"The start of the packet that caused the redirect.",
};
static const struct field_def f_rdnss_life FIELD_REG = {
	"icmpv6.opt.rdnss.lifetime", "Lifetime", FT_UINT, NULL, NULL,
	"Seconds the DNS servers may be used.",
};
static const struct field_def f_rdnss FIELD_REG = {
	"icmpv6.opt.rdnss", "Recursive DNS Servers", FT_IPV6, NULL, NULL, "A DNS server hosts may use (RFC 8106).",
};
static const struct field_def f_opt_data FIELD_REG = {
	"icmpv6.opt.data", "Data", FT_BYTES, NULL, NULL, "Option data not decoded here.",
};
static const struct field_def f_mld_delay FIELD_REG = {
	"icmpv6.mld.maximum_response_delay", "Maximum Response Delay [ms]", FT_UINT, NULL, NULL,
	"How long listeners may wait before answering this query, in ms.",
};
static const struct field_def f_mld_code FIELD_REG = {
	"icmpv6.mld.maximum_response_code", "Maximum Response Code", FT_UINT, NULL, NULL,
	"Encoded maximum wait before answering (MLDv2; large values are floating point).",
};
static const struct field_def f_mld_addr FIELD_REG = {
	"icmpv6.mld.multicast_address", "Multicast Address", FT_IPV6, NULL, NULL,
	"The multicast group concerned (:: in a general query: all groups).",
};
static const struct field_def f_mld_flag FIELD_REG = {
	"icmpv6.mld.flag", "Flags", FT_HEX, NULL, NULL,
	"S: routers skip timer updates; QRV: the querier's robustness (retransmission count).",
};
static const struct field_def f_mld_s FIELD_REG = {
	"icmpv6.mld.flag.s", "Suppress Router-Side Processing", FT_BOOL, NULL, NULL,
	"S: routers that hear this query do not update their timers.",
};
static const struct field_def f_mld_qrv FIELD_REG = {
	"icmpv6.mld.flag.qrv", "QRV (Querier's Robustness Variable)", FT_UINT, NULL, NULL,
	"How many times messages are repeated to survive loss.",
};
static const struct field_def f_mld_qqi FIELD_REG = {
	"icmpv6.mld.qqi", "QQIC (Querier's Query Interval Code)", FT_UINT, NULL, NULL,
	"Encoded interval between general queries, in seconds.",
};
static const struct field_def f_mld_nsrc FIELD_REG = {
	"icmpv6.mld.nb_sources", "Number of Sources", FT_UINT, NULL, NULL,
	"How many source addresses this query asks about.",
};
static const struct field_def f_mld_src FIELD_REG = {
	"icmpv6.mld.source_address", "Source Address", FT_IPV6, NULL, NULL,
	"A source whose traffic to the group the query asks about.",
};
static const struct field_def f_mldr_n FIELD_REG = {
	"icmpv6.mldr.nb_mcast_records", "Number of Multicast Address Records", FT_UINT, NULL, NULL,
	"How many multicast groups this report describes.",
};
static const struct field_def f_mar FIELD_REG = {
	"icmpv6.mldr.mar", "Multicast Address Record", FT_GROUP, mar_types, NULL,
	"One group this host listens to, and which sources it wants.",
};
static const struct field_def f_mar_type FIELD_REG = {
	"icmpv6.mldr.mar.record_type", "Record Type", FT_UINT, mar_types, NULL,
	"Include/exclude mode of the listener, or a change to it.",
};
static const struct field_def f_mar_aux FIELD_REG = {
	"icmpv6.mldr.mar.aux_data_len", "Aux Data Len", FT_UINT, NULL, NULL,
	"Length of auxiliary data in 32-bit words (normally 0).",
};
static const struct field_def f_mar_nsrc FIELD_REG = {
	"icmpv6.mldr.mar.nb_sources", "Number of Sources", FT_UINT, NULL, NULL,
	"How many source addresses the record lists.",
};
static const struct field_def f_mar_addr FIELD_REG = {
	"icmpv6.mldr.mar.multicast_address", "Multicast Address", FT_IPV6, NULL, NULL,
	"The multicast group this record is about.",
};
static const struct field_def f_mar_src FIELD_REG = {
	"icmpv6.mldr.mar.source_address", "Source Address", FT_IPV6, NULL, NULL,
	"A source included in or excluded from the listening.",
};
static const struct field_def f_mar_auxdata FIELD_REG = {
	"icmpv6.mldr.mar.auxiliary_data", "Auxiliary Data", FT_BYTES, NULL, NULL, "Auxiliary data.",
};

static const struct field_def *code_def(unsigned type)
{
	switch (type) {
	case 1: return &f_code_unreach;
	case 3: return &f_code_timex;
	case 4: return &f_code_param;
	}
	return &f_code;
}

static void nd_options(struct decoded *d, struct cursor *c)
{
	while (cursor_left(c) >= 2) {
		uint32_t off = c->off, len = c->buf[off + 1] * 8u;
		unsigned type = c->buf[off];
		struct cursor o;
		int g;

		if (len == 0 || len > cursor_left(c)) {
			if (len == 0)
				dec_malformed(d, off, 2, "NDP option with length 0");
			else
				dec_short(d, c, PROTO_ICMPV6);
			c->off = c->end;
			return;
		}
		g = dec_group(d, &f_opt, off, len);
		if (g >= 0)
			d->fields[g].value = type;
		o = cursor_sub(c, len);
		dec_u8(d, &o, &f_opt_type);
		dec_u8(d, &o, &f_opt_len);
		switch (type) {
		case 1:
		case 2:
			if (len == 8)
				dec_bytes(d, &o, type == 1 ? &f_opt_src_ll : &f_opt_tgt_ll, 6);
			else
				dec_bytes(d, &o, &f_opt_linkaddr, len - 2);
			break;
		case 3:
			if (len != 32)
				break;
			{
				unsigned fl;

				dec_u8(d, &o, &f_pfx_len);
				fl = cursor_peek(&o, 0);
				dec_add(d, &f_pfx_flag, o.off, 1, fl);
				dec_add(d, &f_pfx_l, o.off, 1, !!(fl & 0x80));
				dec_add(d, &f_pfx_a, o.off, 1, !!(fl & 0x40));
				o.off++;
				dec_be32(d, &o, &f_pfx_valid);
				dec_be32(d, &o, &f_pfx_pref);
				cursor_skip(&o, 4);
				dec_bytes(d, &o, &f_pfx, 16);
			}
			break;
		case 4:
			cursor_skip(&o, 6);
			if (cursor_left(&o))
				dec_bytes(d, &o, &f_opt_redirected, cursor_left(&o));
			break;
		case 5:
			cursor_skip(&o, 2);
			dec_be32(d, &o, &f_opt_mtu);
			break;
		case 25:
			cursor_skip(&o, 2);
			dec_be32(d, &o, &f_rdnss_life);
			while (cursor_has(&o, 16))
				dec_bytes(d, &o, &f_rdnss, 16);
			break;
		}
		if (cursor_left(&o))
			dec_bytes(d, &o, &f_opt_data, cursor_left(&o));
		c->off = off + len;
		dec_close(d, g, 0);
	}
	if (cursor_left(c)) {
		dec_malformed(d, c->off, cursor_left(c), "NDP option header cut short");
		c->off = c->end;
	}
}

static void quoted(struct decoded *d, struct cursor *c)
{
	struct cursor q = *c;

	if (!cursor_has(c, 1))
		return;
	d->inner++;
	decode_ipv6(d, &q);
	d->inner--;
	c->off = c->end;
}

static void mldv2_report(struct decoded *d, struct cursor *c)
{
	unsigned n, i;

	dec_bytes(d, c, &f_reserved, 2);
	n = dec_be16(d, c, &f_mldr_n);
	for (i = 0; i < n && cursor_has(c, 20); i++) {
		uint32_t off = c->off;
		unsigned aux = c->buf[off + 1], nsrc = get_be16(c->buf + off + 2), j;
		uint32_t len = 20 + 16 * nsrc + 4 * aux;
		int g = dec_group(d, &f_mar, off, len);

		if (g >= 0)
			d->fields[g].value = c->buf[off];
		dec_u8(d, c, &f_mar_type);
		dec_u8(d, c, &f_mar_aux);
		dec_be16(d, c, &f_mar_nsrc);
		dec_bytes(d, c, &f_mar_addr, 16);
		for (j = 0; j < nsrc && cursor_has(c, 16); j++)
			dec_bytes(d, c, &f_mar_src, 16);
		if (j < nsrc)
			c->truncated = 1;
		else if (aux && !dec_bytes(d, c, &f_mar_auxdata, 4 * aux))
			c->truncated = 1;
		dec_close(d, g, c->off);
		if (c->truncated)
			return;
	}
	if (i < n)
		c->truncated = 1;
}

static void icmpv6_body(struct decoded *d, struct cursor *c, unsigned type, uint32_t mlen)
{
	uint32_t v;

	switch (type) {
	case 1:
	case 3:
		dec_bytes(d, c, &f_reserved, 4);
		quoted(d, c);
		break;
	case 2:
		dec_be32(d, c, &f_mtu);
		quoted(d, c);
		break;
	case 4:
		dec_be32(d, c, &f_pointer);
		quoted(d, c);
		break;
	case 128:
	case 129:
		dec_be16(d, c, &f_echo_id);
		dec_be16(d, c, &f_echo_seq);
		break;
	case 130:
	case 131:
	case 132:
		if (type == 130 && mlen >= 28) {
			unsigned n, i, fl;

			dec_be16(d, c, &f_mld_code);
			dec_bytes(d, c, &f_reserved, 2);
			dec_bytes(d, c, &f_mld_addr, 16);
			fl = cursor_peek(c, 0);
			if (c->truncated)
				break;
			dec_add(d, &f_mld_flag, c->off, 1, fl);
			dec_add(d, &f_mld_s, c->off, 1, !!(fl & 8));
			dec_add(d, &f_mld_qrv, c->off, 1, fl & 7);
			c->off++;
			dec_u8(d, c, &f_mld_qqi);
			n = dec_be16(d, c, &f_mld_nsrc);
			for (i = 0; i < n && !c->truncated; i++)
				dec_bytes(d, c, &f_mld_src, 16);
		} else {
			dec_be16(d, c, &f_mld_delay);
			dec_bytes(d, c, &f_reserved, 2);
			dec_bytes(d, c, &f_mld_addr, 16);
		}
		break;
	case 143:
		mldv2_report(d, c);
		break;
	case 133:
		dec_bytes(d, c, &f_reserved, 4);
		nd_options(d, c);
		break;
	case 134:
		dec_u8(d, c, &f_ra_hlim);
		v = cursor_peek(c, 0);
		if (c->truncated)
			break;
		dec_add(d, &f_ra_flag, c->off, 1, v);
		dec_add(d, &f_ra_m, c->off, 1, !!(v & 0x80));
		dec_add(d, &f_ra_o, c->off, 1, !!(v & 0x40));
		dec_add(d, &f_ra_h, c->off, 1, !!(v & 0x20));
		dec_add(d, &f_ra_prf, c->off, 1, (v >> 3) & 3);
		c->off++;
		dec_be16(d, c, &f_ra_lifetime);
		dec_be32(d, c, &f_ra_reach);
		dec_be32(d, c, &f_ra_retrans);
		if (!c->truncated)
			nd_options(d, c);
		break;
	case 135:
		dec_bytes(d, c, &f_reserved, 4);
		dec_bytes(d, c, &f_ns_target, 16);
		if (!c->truncated)
			nd_options(d, c);
		break;
	case 136:
		if (!cursor_need(c, 4))
			break;
		v = get_be32(c->buf + c->off);
		dec_add(d, &f_na_flag, c->off, 4, v);
		dec_add(d, &f_na_r, c->off, 4, !!(v & 0x80000000u));
		dec_add(d, &f_na_s, c->off, 4, !!(v & 0x40000000u));
		dec_add(d, &f_na_o, c->off, 4, !!(v & 0x20000000u));
		c->off += 4;
		dec_bytes(d, c, &f_na_target, 16);
		if (!c->truncated)
			nd_options(d, c);
		break;
	case 137:
		dec_bytes(d, c, &f_reserved, 4);
		dec_bytes(d, c, &f_rd_target, 16);
		dec_bytes(d, c, &f_rd_dst, 16);
		if (!c->truncated)
			nd_options(d, c);
		break;
	}
}

/* Finds the upper-layer header of the quoted IPv6 packet at q (n bytes): returns its offset, sets *proto. */
static int quoted_upper(const uint8_t *q, uint32_t n, unsigned *proto)
{
	uint32_t off = 40;
	unsigned nh;
	int i;

	if (n < 40)
		return -1;
	nh = q[6];
	for (i = 0; i < 8; i++) {
		if (nh == 6 || nh == 17) {
			*proto = nh;
			return off + 4 <= n ? (int)off : -1;
		}
		if (nh != 0 && nh != 43 && nh != 60 && nh != 44)
			break;
		if (off + 8 > n)
			return -1;
		if (nh == 44) {
			if (get_be16(q + off + 2) & 0xfff8)
				return -1;
			nh = q[off];
			off += 8;
		} else {
			unsigned next = q[off];

			off += (q[off + 1] + 1) * 8u;
			nh = next;
		}
	}
	*proto = nh;
	return -1;
}

static void icmpv6_summary(struct decoded *d, const uint8_t *h, uint32_t have, unsigned type,
			   unsigned code, uint32_t mlen)
{
	struct fmtbuf b = dec_sum_begin(d);
	const char *w = tok_name(type_words, type);
	const uint8_t *q = h + 8;
	uint32_t qn = have >= 8 ? have - 8 : 0;

	fmtbuf_str(&b, "ICMP6, ");
	if (w) {
		fmtbuf_str(&b, w);
	} else {
		fmtbuf_str(&b, "unknown icmp6 type (");
		fmtbuf_u64(&b, type);
		fmtbuf_char(&b, ')');
	}
	switch (type) {
	case 1:
		w = tok_name(unreach_words, code);
		fmtbuf_str(&b, ", ");
		if (w) {
			fmtbuf_str(&b, w);
		} else {
			fmtbuf_str(&b, "unknown unreach code (");
			fmtbuf_u64(&b, code);
			fmtbuf_char(&b, ')');
		}
		if (qn < 40)
			break;
		if (code == 0 || code == 1 || code == 3) {
			fmtbuf_char(&b, ' ');
			fmtbuf_ip6(&b, q + 24);
		} else if (code == 2) {
			fmtbuf_char(&b, ' ');
			fmtbuf_ip6(&b, q + 24);
			fmtbuf_str(&b, ", source address ");
			fmtbuf_ip6(&b, q + 8);
		} else if (code == 4) {
			unsigned proto = 0;
			int up = quoted_upper(q, qn, &proto);

			if (up < 0)
				break;
			fmtbuf_str(&b, ", ");
			fmtbuf_ip6(&b, q + 24);
			fmtbuf_str(&b, proto == 6 ? " tcp port " : " udp port ");
			fmtbuf_u64(&b, get_be16(q + up + 2));
		}
		break;
	case 2:
		if (have >= 8) {
			fmtbuf_str(&b, ", mtu ");
			fmtbuf_u64(&b, get_be32(h + 4));
		}
		break;
	case 3:
		if (qn >= 40 && code == 0) {
			fmtbuf_str(&b, " in-transit for ");
			fmtbuf_ip6(&b, q + 24);
		} else if (code == 1) {
			fmtbuf_str(&b, " (reassembly)");
		} else if (code > 1) {
			fmtbuf_str(&b, ", unknown code (");
			fmtbuf_u64(&b, code);
			fmtbuf_char(&b, ')');
		}
		break;
	case 4:
		if (have >= 8) {
			fmtbuf_str(&b, code == 0 ? ", erroneous - octet " : code == 1 ? ", next header - octet " :
				       code == 2 ? ", option - octet " : ", code-#");
			fmtbuf_u64(&b, code <= 2 ? get_be32(h + 4) : code);
		}
		break;
	case 128:
	case 129:
		if (have >= 8) {
			fmtbuf_str(&b, ", id ");
			fmtbuf_u64(&b, get_be16(h + 4));
			fmtbuf_str(&b, ", seq ");
			fmtbuf_u64(&b, get_be16(h + 6));
		}
		break;
	case 130:
		if (mlen >= 28) {
			fmtbuf_str(&b, " v2");
			if (have >= 28) {
				fmtbuf_str(&b, " [gaddr ");
				fmtbuf_ip6(&b, h + 8);
				if (get_be16(h + 26)) {
					fmtbuf_str(&b, ", ");
					fmtbuf_u64(&b, get_be16(h + 26));
					fmtbuf_str(&b, " source(s)");
				}
				fmtbuf_char(&b, ']');
			}
			break;
		}
		/* fall through */
	case 131:
	case 132:
		if (have >= 24 && mlen < 28) {
			fmtbuf_str(&b, " max resp delay: ");
			fmtbuf_u64(&b, get_be16(h + 4));
			fmtbuf_str(&b, " addr: ");
			fmtbuf_ip6(&b, h + 8);
		}
		break;
	case 135:
		if (have >= 24) {
			fmtbuf_str(&b, ", who has ");
			fmtbuf_ip6(&b, h + 8);
		}
		break;
	case 136:
		if (have >= 24) {
			fmtbuf_str(&b, ", tgt is ");
			fmtbuf_ip6(&b, h + 8);
		}
		break;
	case 137:
		if (have >= 40) {
			fmtbuf_str(&b, ", ");
			fmtbuf_ip6(&b, h + 24);
			fmtbuf_str(&b, " to ");
			fmtbuf_ip6(&b, h + 8);
		}
		break;
	case 143:
		if (have >= 8) {
			fmtbuf_str(&b, ", ");
			fmtbuf_u64(&b, get_be16(h + 6));
			fmtbuf_str(&b, " group record(s)");
		}
		break;
	}
	fmtbuf_str(&b, ", length ");
	fmtbuf_u64(&b, mlen);
	dec_sum_end(d, &b);
}

void decode_icmpv6(struct decoded *d, struct cursor *c, struct l3info *l3)
{
	uint32_t start = c->off, mlen = l3->plen;
	uint32_t shown_len = l3->claimed;
	unsigned type, code;
	int idx = dec_open(d, PROTO_ICMPV6, &f_icmpv6, start, cursor_left(c));

	if (!cursor_has(c, 4)) {
		dec_sum_str(d, "ICMP6");
		dec_short(d, c, PROTO_ICMPV6);
		dec_close(d, idx, c->off);
		return;
	}
	type = dec_u8(d, c, &f_type);
	code = dec_u8(d, c, code_def(type));
	dec_be16(d, c, &f_checksum);
	if (!d->inner && dec_tree(d)) {
		const uint8_t *p = c->buf + start;

		/* the pseudo-header needs IPv6 addresses: ICMPv6 over IPv4 cannot be verified */
		if (l3->af == 6 && !l3->fragment && mlen >= 4 && cursor_has(c, mlen - 4)) {
			uint16_t correct;
			int good = csum_verify(csum_pseudo6(l3->src, l3->dst, 58, mlen), p, mlen, 2, &correct);

			dec_csum(d, &f_checksum_status, start + 2, good ? CSUM_GOOD : CSUM_BAD, correct);
		} else {
			dec_csum(d, &f_checksum_status, start + 2, CSUM_UNVERIFIED, 0);
		}
	}
	icmpv6_body(d, c, type, mlen);
	icmpv6_summary(d, c->buf + start, c->end - start, type, code, shown_len);
	if (c->truncated) {
		dec_short(d, c, PROTO_ICMPV6);
		dec_close(d, idx, c->off);
		return;
	}
	if (cursor_left(c) && !d->inner)
		decode_data(d, c);
	c->off = c->end;
	dec_close(d, idx, c->off);
	if (!d->inner && start + mlen > c->end)
		dec_short(d, c, PROTO_ICMPV6);
}
