/* ui_row.c — the columns of one frame in the list, from its decoded tree: the protocol as
 * Wireshark's Protocol column names it, the outer addresses, ports in the Info column, and a
 * mark for bad checksums and malformed or cut frames. */
#include "ui_row.h"

#include <stdio.h>
#include <string.h>

/* The column a frame's addresses come from: the first of these fields it has (the outer one). */
static const char *const src_fields[] = { "ip.src", "ipv6.src", "arp.src.proto_ipv4", "eth.src", NULL };
static const char *const dst_fields[] = { "ip.dst", "ipv6.dst", "arp.dst.proto_ipv4", "eth.dst", NULL };

static const struct { enum decode_proto p; const char *name; enum ui_color color; } protos[] = {
	{ PROTO_TUN, "TUN", C_OTHER }, { PROTO_ETH, "ETH", C_OTHER }, { PROTO_VLAN, "VLAN", C_OTHER },
	{ PROTO_SLL, "SLL", C_OTHER }, { PROTO_ARP, "ARP", C_ARP }, { PROTO_IP, "IPv4", C_IP },
	{ PROTO_IPV6, "IPv6", C_IP }, { PROTO_ICMP, "ICMP", C_ICMP }, { PROTO_ICMPV6, "ICMPv6", C_ICMP6 },
	{ PROTO_UDP, "UDP", C_UDP }, { PROTO_TCP, "TCP", C_TCP }, { PROTO_DNS, "DNS", C_DNS },
	{ PROTO_DHCP, "DHCP", C_UDP }, { PROTO_DATA, "DATA", C_OTHER },
};

static void field_text(const struct decoded *d, const char *const *names, char *out, size_t len)
{
	out[0] = '\0';
	for (const char *const *n = names; *n; n++) {
		for (int i = 0; i < decode_count(d); i++) {
			if (!strcmp(decode_name(d, i), *n)) {
				decode_text(d, i, out, len);
				return;
			}
		}
	}
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

/* Wireshark's Info column: the summary without the "IP a > b: " prefix the columns already show. */
static const char *info_of(const char *summary)
{
	const char *arrow, *colon;

	if (strncmp(summary, "IP ", 3) && strncmp(summary, "IP6 ", 4))
		return summary;
	arrow = strstr(summary, " > ");	/* "IP6 :: > ff02::16: ..." — the src may itself hold ": " */
	colon = arrow ? strstr(arrow + 3, ": ") : NULL;
	return colon ? colon + 2 : summary;
}

/* "40000 → 53 " when the frame's own transport is UDP or TCP (not one quoted in an ICMP error). */
static int ports(const struct decoded *d, int top, char *out, size_t len)
{
	const char *sp = NULL, *dp = NULL;
	char a[16], b[16];
	int i, j;

	for (int k = 0; k <= top && k < decode_nprotos(d); k++) {
		if (d->protos[k] == PROTO_UDP)
			sp = "udp.srcport", dp = "udp.dstport";
		if (d->protos[k] == PROTO_TCP)
			sp = "tcp.srcport", dp = "tcp.dstport";
	}
	if (!sp)
		return 0;
	for (i = 0; i < decode_count(d) && strcmp(decode_name(d, i), sp); i++)
		;
	for (j = 0; j < decode_count(d) && strcmp(decode_name(d, j), dp); j++)
		;
	if (i == decode_count(d) || j == decode_count(d))
		return 0;
	decode_value_text(d, i, a, sizeof(a));
	decode_value_text(d, j, b, sizeof(b));
	return snprintf(out, len, "%s %s %s  ", a, ui_arrow(), b);
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

void row_columns(const struct decoded *d, struct row_cols *c)
{
	int top = top_layer(d), n;

	snprintf(c->proto, sizeof(c->proto), "?");
	c->color = C_OTHER;
	for (size_t i = 0; top >= 0 && i < sizeof(protos) / sizeof(protos[0]); i++) {
		if (protos[i].p == d->protos[top]) {
			snprintf(c->proto, sizeof(c->proto), "%s", protos[i].name);
			c->color = protos[i].color;
		}
	}
	field_text(d, src_fields, c->src, sizeof(c->src));
	field_text(d, dst_fields, c->dst, sizeof(c->dst));
	n = ports(d, top, c->info, sizeof(c->info));
	snprintf(c->info + n, sizeof(c->info) - (size_t)n, "%s", info_of(decode_summary(d)));
	c->mark = mark_of(d);
	if (c->mark != ' ')
		c->color = C_MARK;
}
