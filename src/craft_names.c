/* craft_names.c — ICMP/ICMPv6 type and code names (RFC 792, 950, 1122, 1256, 1812, 4443, 4861) and spec fields. */
#include "craft.h"
#include "craft_priv.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const struct tok icmp4_types[] = {
	{ 8, "echo-request", "Echo request (ping)" },
	{ 0, "echo-reply", "Echo reply (ping answer)" },
	{ 3, "dest-unreach", "Destination unreachable" },
	{ 4, "source-quench", "Source quench (deprecated, RFC 6633)" },
	{ 5, "redirect", "Redirect to a better gateway" },
	{ 11, "time-exceeded", "Time exceeded (TTL or reassembly)" },
	{ 12, "param-problem", "Parameter problem" },
	{ 13, "timestamp", "Timestamp request" },
	{ 14, "timestamp-reply", "Timestamp reply" },
	{ 15, "info-request", "Information request (obsolete)" },
	{ 16, "info-reply", "Information reply (obsolete)" },
	{ 17, "mask-request", "Address mask request (RFC 950)" },
	{ 18, "mask-reply", "Address mask reply (RFC 950)" },
	{ 9, "router-advert", "Router advertisement (RFC 1256)" },
	{ 10, "router-solicit", "Router solicitation (RFC 1256)" },
	{ 0, NULL, NULL }
};

static const struct tok icmp4_unreach[] = {
	{ 0, "net-unreach", "Network unreachable" },
	{ 1, "host-unreach", "Host unreachable" },
	{ 2, "proto-unreach", "Protocol unreachable" },
	{ 3, "port-unreach", "Port unreachable" },
	{ 4, "frag-needed", "Fragmentation needed and DF set (carries mtu=)" },
	{ 5, "source-route-failed", "Source route failed" },
	{ 6, "net-unknown", "Destination network unknown" },
	{ 7, "host-unknown", "Destination host unknown" },
	{ 8, "source-host-isolated", "Source host isolated" },
	{ 9, "net-prohibited", "Network administratively prohibited" },
	{ 10, "host-prohibited", "Host administratively prohibited" },
	{ 11, "net-unreach-tos", "Network unreachable for TOS" },
	{ 12, "host-unreach-tos", "Host unreachable for TOS" },
	{ 13, "admin-prohibited", "Communication administratively prohibited (RFC 1812)" },
	{ 14, "precedence-violation", "Host precedence violation (RFC 1812)" },
	{ 15, "precedence-cutoff", "Precedence cutoff in effect (RFC 1812)" },
	{ 0, NULL, NULL }
};

static const struct tok icmp4_redirect[] = {
	{ 0, "redirect-net", "Redirect for the network" },
	{ 1, "redirect-host", "Redirect for the host" },
	{ 2, "redirect-tos-net", "Redirect for TOS and network" },
	{ 3, "redirect-tos-host", "Redirect for TOS and host" },
	{ 0, NULL, NULL }
};

static const struct tok icmp4_timex[] = {
	{ 0, "ttl-exceeded", "TTL exceeded in transit" },
	{ 1, "frag-reassembly", "Fragment reassembly time exceeded" },
	{ 0, NULL, NULL }
};

static const struct tok icmp4_param[] = {
	{ 0, "pointer-error", "Pointer indicates the error (carries pointer=)" },
	{ 1, "missing-option", "Missing a required option" },
	{ 2, "bad-length", "Bad length" },
	{ 0, NULL, NULL }
};

static const struct tok icmp4_radv[] = {
	{ 0, "normal", "Normal router advertisement" },
	{ 16, "no-common-traffic", "Does not route common traffic (RFC 2002)" },
	{ 0, NULL, NULL }
};

static const struct tok icmp6_types[] = {
	{ 128, "echo-request", "Echo request (ping)" },
	{ 129, "echo-reply", "Echo reply (ping answer)" },
	{ 1, "dest-unreach", "Destination unreachable" },
	{ 2, "packet-too-big", "Packet too big (carries mtu=)" },
	{ 3, "time-exceeded", "Time exceeded (hop limit or reassembly)" },
	{ 4, "param-problem", "Parameter problem (carries pointer=)" },
	{ 133, "router-solicit", "NDP router solicitation" },
	{ 134, "router-advert", "NDP router advertisement" },
	{ 135, "neighbor-solicit", "NDP neighbor solicitation (who has target?)" },
	{ 136, "neighbor-advert", "NDP neighbor advertisement (target is at lladdr)" },
	{ 137, "redirect", "NDP redirect (use target to reach rdst)" },
	{ 0, NULL, NULL }
};

static const struct tok icmp6_unreach[] = {
	{ 0, "no-route", "No route to destination" },
	{ 1, "admin-prohibited", "Communication administratively prohibited" },
	{ 2, "beyond-scope", "Beyond scope of source address" },
	{ 3, "addr-unreach", "Address unreachable" },
	{ 4, "port-unreach", "Port unreachable" },
	{ 5, "policy-failed", "Source address failed ingress/egress policy" },
	{ 6, "reject-route", "Reject route to destination" },
	{ 7, "srh-error", "Error in source routing header (RFC 6554)" },
	{ 0, NULL, NULL }
};

static const struct tok icmp6_timex[] = {
	{ 0, "hop-limit-exceeded", "Hop limit exceeded in transit" },
	{ 1, "frag-reassembly", "Fragment reassembly time exceeded" },
	{ 0, NULL, NULL }
};

static const struct tok icmp6_param[] = {
	{ 0, "bad-header", "Erroneous header field (pointer= locates it)" },
	{ 1, "unknown-next-header", "Unrecognized next header type" },
	{ 2, "unknown-option", "Unrecognized IPv6 option" },
	{ 0, NULL, NULL }
};

static const struct tok no_codes[] = { { 0, NULL, NULL } };

struct code_table {
	int v6;
	int type;
	const struct tok *codes;
};

static const struct code_table code_tables[] = {
	{ 0, 3, icmp4_unreach }, { 0, 5, icmp4_redirect }, { 0, 11, icmp4_timex },
	{ 0, 12, icmp4_param }, { 0, 9, icmp4_radv },
	{ 1, 1, icmp6_unreach }, { 1, 3, icmp6_timex }, { 1, 4, icmp6_param },
	{ 0, 0, NULL }
};

static const struct tok fields[] = {
	{ CRAFT_F_TYPE, "type", "ICMP type, by name or number" },
	{ CRAFT_F_CODE, "code", "ICMP code, by name or number" },
	{ CRAFT_F_SRC, "src", "IP source (default: a simulated peer)" },
	{ CRAFT_F_DST, "dst", "IP destination (default: the device's address)" },
	{ CRAFT_F_ID, "id", "echo/timestamp identifier 0..65535" },
	{ CRAFT_F_SEQ, "seq", "echo/timestamp sequence 0..65535 (advances per repeat)" },
	{ CRAFT_F_TTL, "ttl", "IPv4 TTL / IPv6 hop limit 0..255 (alias hlim)" },
	{ CRAFT_F_TOS, "tos", "IPv4 TOS / IPv6 traffic class 0..255 (alias tclass)" },
	{ CRAFT_F_FLOW, "flow", "IPv6 flow label 0..0xfffff" },
	{ CRAFT_F_DF, "df", "IPv4 don't-fragment bit: df, df=1, df=0" },
	{ CRAFT_F_IPID, "ipid", "IPv4 identification 0..65535" },
	{ CRAFT_F_PAYLOAD, "payload", "text:..., hex:..., or size:N" },
	{ CRAFT_F_QUOTE, "quote", "last or frame:N: quote that packet in an error message" },
	{ CRAFT_F_CHECKSUM, "checksum", "auto, bad, or a value 0..0xffff" },
	{ CRAFT_F_COUNT, "count", "packets to send, 1..1000000" },
	{ CRAFT_F_INTERVAL, "interval", "gap between packets, e.g. 500ms, 1s, 2.5s" },
	{ CRAFT_F_SMAC, "smac", "tap: Ethernet source (default: the peer's MAC)" },
	{ CRAFT_F_DMAC, "dmac", "tap: Ethernet destination (default: the device's MAC)" },
	{ CRAFT_F_MTU, "mtu", "next-hop MTU of frag-needed / packet-too-big" },
	{ CRAFT_F_GATEWAY, "gateway", "better gateway of an IPv4 redirect" },
	{ CRAFT_F_POINTER, "pointer", "offset of the bad byte in a param-problem" },
	{ CRAFT_F_TARGET, "target", "NDP target address" },
	{ CRAFT_F_RDST, "rdst", "destination an ICMPv6 redirect is about" },
	{ CRAFT_F_FLAGS, "flags", "NA: R,S,O; RA: M,O; or none" },
	{ CRAFT_F_LIFETIME, "lifetime", "router lifetime in seconds 0..65535" },
	{ CRAFT_F_CURHLIM, "curhlim", "RA current hop limit 0..255" },
	{ CRAFT_F_PREFIX, "prefix", "RA prefix information option, e.g. fd00::/64" },
	{ CRAFT_F_LLADDR, "lladdr", "NDP link-layer address option: auto, none or a MAC" },
	{ CRAFT_F_ANSWER, "answer", "echo reply to last or frame:N: its id, seq and data, addresses swapped" },
	{ 0, NULL, NULL }
};

const struct tok *craft_icmp_types(int v6)
{
	return v6 ? icmp6_types : icmp4_types;
}

const struct tok *craft_icmp_codes(int v6, int type)
{
	for (const struct code_table *t = code_tables; t->codes; t++)
		if (t->v6 == !!v6 && t->type == type)
			return t->codes;
	return no_codes;
}

const struct tok *craft_fields(void)
{
	return fields;
}

const char *craft_type_name(int v6, int type)
{
	return type < 0 ? NULL : tok_name(craft_icmp_types(v6), (unsigned)type);
}

const char *craft_code_name(int v6, int type, int code)
{
	return code < 0 ? NULL : tok_name(craft_icmp_codes(v6, type), (unsigned)code);
}

/* Which message bodies a type has: decides which fields apply and how craft_build lays it out. */
int craft_kind(int v6, int type)
{
	static const struct { int v6, type, kind; } kinds[] = {
		{ 0, 0, CRAFT_K_ECHO }, { 0, 8, CRAFT_K_ECHO }, { 0, 13, CRAFT_K_TSTAMP },
		{ 0, 14, CRAFT_K_TSTAMP }, { 0, 15, CRAFT_K_ECHO }, { 0, 16, CRAFT_K_ECHO },
		{ 0, 17, CRAFT_K_MASK }, { 0, 18, CRAFT_K_MASK },
		{ 0, 3, CRAFT_K_ERROR }, { 0, 4, CRAFT_K_ERROR }, { 0, 5, CRAFT_K_ERROR },
		{ 0, 11, CRAFT_K_ERROR }, { 0, 12, CRAFT_K_ERROR },
		{ 0, 9, CRAFT_K_RADV4 }, { 0, 10, CRAFT_K_OTHER },
		{ 1, 128, CRAFT_K_ECHO }, { 1, 129, CRAFT_K_ECHO },
		{ 1, 1, CRAFT_K_ERROR }, { 1, 2, CRAFT_K_ERROR }, { 1, 3, CRAFT_K_ERROR },
		{ 1, 4, CRAFT_K_ERROR },
		{ 1, 133, CRAFT_K_NDP }, { 1, 134, CRAFT_K_NDP }, { 1, 135, CRAFT_K_NDP },
		{ 1, 136, CRAFT_K_NDP }, { 1, 137, CRAFT_K_NDP },
	};

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (kinds[i].v6 == !!v6 && kinds[i].type == type)
			return kinds[i].kind;
	return CRAFT_K_OTHER;
}
