/* ui_row.c — the columns of one frame in the list, from its decoded tree: the protocol as
 * Wireshark's Protocol column names it, the addresses and ports of the same (innermost) layers as
 * Wireshark's columns take them, and a mark for bad checksums and malformed or cut frames. */
#include "ui_row.h"

#include <stdio.h>
#include <string.h>

/* The Protocol column of each layer, indexed by enum decode_proto: every layer has one (the
 * static assert and test_ui_row hold that; '?' is the mark column's, for malformed frames). */
static const struct proto_column { const char *name; enum ui_color color; } columns[] = {
	[PROTO_TUN] = { "TUN", C_OTHER }, [PROTO_ETH] = { "ETH", C_OTHER }, [PROTO_VLAN] = { "VLAN", C_OTHER },
	[PROTO_SLL] = { "SLL", C_OTHER }, [PROTO_ARP] = { "ARP", C_ARP }, [PROTO_IP] = { "IPv4", C_IP },
	[PROTO_IPV6] = { "IPv6", C_IP }, [PROTO_ICMP] = { "ICMP", C_ICMP }, [PROTO_ICMPV6] = { "ICMPv6", C_ICMP6 },
	[PROTO_UDP] = { "UDP", C_UDP }, [PROTO_TCP] = { "TCP", C_TCP }, [PROTO_DNS] = { "DNS", C_DNS },
	[PROTO_DHCP] = { "DHCP", C_UDP }, [PROTO_DATA] = { "DATA", C_OTHER }, [PROTO_NULL] = { "NULL", C_OTHER },
	[PROTO_PPP] = { "PPP", C_OTHER }, [PROTO_GRE] = { "GRE", C_OTHER }, [PROTO_ERSPAN] = { "ERSPAN", C_OTHER },
	[PROTO_VXLAN] = { "VxLAN", C_OTHER }, [PROTO_GENEVE] = { "Geneve", C_OTHER },
	[PROTO_MPLS] = { "MPLS", C_OTHER }, [PROTO_PPPOES] = { "PPPoES", C_OTHER },
	[PROTO_PPPOED] = { "PPPoED", C_OTHER }, [PROTO_AH] = { "AH", C_IP }, [PROTO_L2TP] = { "L2TP", C_UDP },
	[PROTO_LCP] = { "PPP LCP", C_OTHER },
};
_Static_assert(sizeof(columns) / sizeof(columns[0]) == PROTO_COUNT, "a decode_proto without a Protocol column");

/* Layers Wireshark names by a field's value: PPP's control protocols the decoder leaves as data
 * (LCP is a layer of its own), L2TP's version 3. */
static const struct { enum decode_proto p; const char *field; unsigned value; const char *name; } refined[] = {
	{ PROTO_PPP, "ppp.protocol", 0x8021, "PPP IPCP" },
	{ PROTO_PPP, "ppp.protocol", 0x8057, "PPP IPV6CP" }, { PROTO_PPP, "ppp.protocol", 0xc023, "PPP PAP" },
	{ PROTO_PPP, "ppp.protocol", 0xc223, "PPP CHAP" }, { PROTO_PPP, "ppp.protocol", 0x80fd, "PPP CCP" },
	{ PROTO_L2TP, "l2tp.version", 3, "L2TPv3" },
};

/* The fields of a layer (depth 1) that give the Source and Destination columns. */
static const char *const src_fields[] = { "ip.src", "ipv6.src", "arp.src.proto_ipv4", "eth.src", NULL };
static const char *const dst_fields[] = { "ip.dst", "ipv6.dst", "arp.dst.proto_ipv4", "eth.dst", NULL };

const char *row_proto_column(enum decode_proto p)
{
	return (unsigned)p < PROTO_COUNT && columns[p].name ? columns[p].name : NULL;
}

/* The layer the Protocol column names: the highest that is not bare payload, except that an
 * ICMP error's quoted packet is not the frame's protocol (Wireshark shows ICMP for it). */
static int top_layer(const struct decoded *d)
{
	int n = decode_nprotos(d), k;

	for (k = 0; k < n; k++)
		if (d->protos[k] == PROTO_ICMP || d->protos[k] == PROTO_ICMPV6)
			return k;
	k = n - 1;
	if (k > 0 && d->protos[k] == PROTO_DATA)
		k--;
	return k;
}

/* The index of the first node after layer top in the tree (the layers are its depth-0 nodes, in
 * the order of d->protos): the columns come from the nodes before it. */
static int top_layer_end(const struct decoded *d, int top)
{
	int k = 0, i;

	for (i = 0; i < decode_count(d); i++) {
		if (decode_depth(d, i) != 0)
			continue;
		if (k > top)
			return i;
		if (k < decode_nprotos(d) && !strcmp(decode_name(d, i), decode_proto_short((enum decode_proto)d->protos[k])))
			k++;
	}
	return i;
}

/* The last field named name directly in a layer up to end (innermost wins, as in Wireshark's
 * columns; an ICMP error's quoted packet lies deeper and is passed over), or -1. */
static int last_field(const struct decoded *d, int end, const char *name)
{
	int found = -1;

	for (int i = 0; i < end; i++)
		if (decode_depth(d, i) == 1 && !strcmp(decode_name(d, i), name))
			found = i;
	return found;
}

/* The innermost address among names: the one of the deepest layer that has any of them. */
static void address_text(const struct decoded *d, int end, const char *const *names, char *out, size_t len)
{
	int best = -1;

	for (const char *const *n = names; *n; n++) {
		int i = last_field(d, end, *n);

		if (i > best)
			best = i;
	}
	out[0] = '\0';
	if (best >= 0)
		decode_text(d, best, out, len);
}

/* "40000 → 53 " when the innermost packet up to the top layer is UDP or TCP (not the tunnel's
 * UDP around an inner ICMPv6, nor one quoted in an ICMP error). */
static int ports(const struct decoded *d, int top, int end, char *out, size_t len)
{
	const char *sp = NULL, *dp = NULL;
	char a[16], b[16];
	int i, j;

	for (int k = 0; k <= top && k < decode_nprotos(d); k++) {
		if (d->protos[k] == PROTO_IP || d->protos[k] == PROTO_IPV6)
			sp = dp = NULL;		/* a tunnelled packet: the outer ports are not its own */
		if (d->protos[k] == PROTO_UDP)
			sp = "udp.srcport", dp = "udp.dstport";
		if (d->protos[k] == PROTO_TCP)
			sp = "tcp.srcport", dp = "tcp.dstport";
	}
	if (!sp)
		return 0;
	i = last_field(d, end, sp);
	j = last_field(d, end, dp);
	if (i < 0 || j < 0)
		return 0;
	decode_value_text(d, i, a, sizeof(a));
	decode_value_text(d, j, b, sizeof(b));
	return snprintf(out, len, "%s %s %s  ", a, ui_arrow(), b);
}

/* The Protocol column: the top layer's name, or the refined one its field's value calls for. */
static const char *proto_text(const struct decoded *d, int top, int end)
{
	const char *name;

	if (top < 0)
		return "";
	for (size_t k = 0; k < sizeof(refined) / sizeof(refined[0]); k++) {
		int i = refined[k].p == d->protos[top] ? last_field(d, end, refined[k].field) : -1;

		if (i >= 0 && decode_field(d, i)->value == refined[k].value)
			return refined[k].name;
	}
	name = row_proto_column((enum decode_proto)d->protos[top]);
	return name ? name : "";
}

static char mark_of(const struct decoded *d)
{
	for (int i = 0; i < decode_count(d); i++) {
		const struct field *f = decode_field(d, i);

		if (f->def->type == FT_CSUM && (f->value & 0xff) == CSUM_BAD)
			return '!';
	}
	return d->malformed || d->truncated ? '?' : ' ';
}

/* A packet inside a tunnel's braces ("l2tp:[...] {IP a > b: ICMP echo ...}"): its Info without
 * the tunnel's closing brace. */
static void info_unwrap(char *info)
{
	size_t n = strlen(info);

	if (n && info[n - 1] == '}' && !strchr(info, '{'))
		info[n - 1] = '\0';
}

void row_columns(const struct decoded *d, struct row_cols *c)
{
	int top = top_layer(d), end = top_layer_end(d, top), n;

	snprintf(c->proto, sizeof(c->proto), "%s", proto_text(d, top, end));
	c->color = top >= 0 ? columns[d->protos[top]].color : C_OTHER;
	address_text(d, end, src_fields, c->src, sizeof(c->src));
	address_text(d, end, dst_fields, c->dst, sizeof(c->dst));
	n = ports(d, top, end, c->info, sizeof(c->info));
	snprintf(c->info + n, sizeof(c->info) - (size_t)n, "%s", decode_info(d));
	info_unwrap(c->info + n);
	c->mark = mark_of(d);
	if (c->mark != ' ')
		c->color = C_MARK;
}
