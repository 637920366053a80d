/* nlfmt.c — names and one-line text for links, addresses, routes and neighbours, as `ip` writes them. */
#include "nlfmt.h"

#include <arpa/inet.h>
#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <stdio.h>
#include <string.h>

struct tok {
	unsigned value;
	const char *name;
};

static const struct tok link_flag_names[] = {
	{ IFF_LOOPBACK, "LOOPBACK" }, { IFF_BROADCAST, "BROADCAST" },
	{ IFF_POINTOPOINT, "POINTOPOINT" }, { IFF_MULTICAST, "MULTICAST" },
	{ IFF_NOARP, "NOARP" }, { IFF_ALLMULTI, "ALLMULTI" }, { IFF_PROMISC, "PROMISC" },
	{ IFF_MASTER, "MASTER" }, { IFF_SLAVE, "SLAVE" }, { IFF_DEBUG, "DEBUG" },
	{ IFF_DYNAMIC, "DYNAMIC" }, { IFF_AUTOMEDIA, "AUTOMEDIA" }, { IFF_PORTSEL, "PORTSEL" },
	{ IFF_NOTRAILERS, "NOTRAILERS" }, { IFF_UP, "UP" }, { IFF_LOWER_UP, "LOWER_UP" },
	{ IFF_DORMANT, "DORMANT" }, { IFF_ECHO, "ECHO" },
	{ 0, NULL }
};

static const struct tok addr_flag_names[] = {
	{ IFA_F_SECONDARY, "secondary" }, { IFA_F_NODAD, "nodad" },
	{ IFA_F_OPTIMISTIC, "optimistic" }, { IFA_F_DADFAILED, "dadfailed" },
	{ IFA_F_HOMEADDRESS, "home" }, { IFA_F_DEPRECATED, "deprecated" },
	{ IFA_F_TENTATIVE, "tentative" }, { IFA_F_MANAGETEMPADDR, "mngtmpaddr" },
	{ IFA_F_NOPREFIXROUTE, "noprefixroute" }, { IFA_F_MCAUTOJOIN, "autojoin" },
	{ IFA_F_STABLE_PRIVACY, "stable-privacy" },
	{ 0, NULL }
};

static const struct tok nud_names[] = {
	{ NUD_INCOMPLETE, "INCOMPLETE" }, { NUD_REACHABLE, "REACHABLE" }, { NUD_STALE, "STALE" },
	{ NUD_DELAY, "DELAY" }, { NUD_PROBE, "PROBE" }, { NUD_FAILED, "FAILED" },
	{ NUD_NOARP, "NOARP" }, { NUD_PERMANENT, "PERMANENT" },
	{ 0, NULL }
};

static const struct tok scope_names[] = {
	{ RT_SCOPE_UNIVERSE, "global" }, { RT_SCOPE_SITE, "site" }, { RT_SCOPE_LINK, "link" },
	{ RT_SCOPE_HOST, "host" }, { RT_SCOPE_NOWHERE, "nowhere" },
	{ 0, NULL }
};

static const struct tok proto_names[] = {
	{ RTPROT_UNSPEC, "unspec" }, { RTPROT_REDIRECT, "redirect" }, { RTPROT_KERNEL, "kernel" },
	{ RTPROT_BOOT, "boot" }, { RTPROT_STATIC, "static" }, { RTPROT_RA, "ra" },
	{ RTPROT_DHCP, "dhcp" }, { RTPROT_BGP, "bgp" }, { RTPROT_OSPF, "ospf" },
	{ 0, NULL }
};

static const struct tok table_names[] = {
	{ RT_TABLE_DEFAULT, "default" }, { RT_TABLE_MAIN, "main" }, { RT_TABLE_LOCAL, "local" },
	{ 0, NULL }
};

static const struct tok rtntype_names[] = {
	{ RTN_UNSPEC, "none" }, { RTN_UNICAST, "unicast" }, { RTN_LOCAL, "local" },
	{ RTN_BROADCAST, "broadcast" }, { RTN_ANYCAST, "anycast" }, { RTN_MULTICAST, "multicast" },
	{ RTN_BLACKHOLE, "blackhole" }, { RTN_UNREACHABLE, "unreachable" },
	{ RTN_PROHIBIT, "prohibit" }, { RTN_THROW, "throw" }, { RTN_NAT, "nat" },
	{ 0, NULL }
};

static const char *oper_names[] = {
	"UNKNOWN", "NOTPRESENT", "DOWN", "LOWERLAYERDOWN", "TESTING", "DORMANT", "UP",
};

/* scope_names and friends have a legitimate 0 entry: the table ends at the NULL name */
static const char *tok_name(const struct tok *t, unsigned value, char *buf, size_t len)
{
	for (; t->name; t++)
		if (t->value == value)
			return t->name;
	snprintf(buf, len, "%u", value);
	return buf;
}

static const char *tok_flags(const struct tok *t, unsigned flags, char *buf, size_t len)
{
	size_t off = 0;

	buf[0] = '\0';
	for (; t->name; t++) {
		if (!(flags & t->value))
			continue;
		off += (size_t)snprintf(buf + off, off < len ? len - off : 0, "%s%s", off ? " " : "", t->name);
		if (off >= len)
			break;
	}
	return buf;
}

const char *nlfmt_ip(int family, const uint8_t *addr, char *buf, size_t len)
{
	if (!inet_ntop(family, addr, buf, (socklen_t)len))
		snprintf(buf, len, "?");
	return buf;
}

const char *nlfmt_mac(const uint8_t mac[6], char *buf, size_t len)
{
	snprintf(buf, len, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1], mac[2], mac[3], mac[4], mac[5]);
	return buf;
}

const char *nlfmt_route_dst(const struct snap_route *r, char *buf, size_t len)
{
	char ip[INET6_ADDRSTRLEN];
	int full = r->family == AF_INET ? 32 : 128;

	if (r->dst_len == 0)
		snprintf(buf, len, "default");
	else if (r->dst_len == full)
		snprintf(buf, len, "%s", nlfmt_ip(r->family, r->dst, ip, sizeof(ip)));
	else
		snprintf(buf, len, "%s/%d", nlfmt_ip(r->family, r->dst, ip, sizeof(ip)), r->dst_len);
	return buf;
}

const char *nlfmt_link_flags(unsigned flags, char *buf, size_t len)
{
	char rest[192];

	tok_flags(link_flag_names, flags, rest, sizeof(rest));
	if ((flags & IFF_UP) && !(flags & IFF_LOWER_UP))
		snprintf(buf, len, "NO-CARRIER%s%s", rest[0] ? " " : "", rest);
	else
		snprintf(buf, len, "%s", rest);
	return buf;
}

const char *nlfmt_addr_flags(int family, unsigned flags, char *buf, size_t len)
{
	size_t off;

	(void)family;
	tok_flags(addr_flag_names, flags, buf, len);
	off = strlen(buf);
	if (!(flags & IFA_F_PERMANENT))
		snprintf(buf + off, len - off, "%sdynamic", off ? " " : "");
	return buf;
}

const char *nlfmt_nud(int state, char *buf, size_t len)
{
	if (state == NUD_NONE) {
		snprintf(buf, len, "NONE");
		return buf;
	}
	return tok_flags(nud_names, (unsigned)state, buf, len);
}

const char *nlfmt_scope(int scope, char *buf, size_t len)
{
	return tok_name(scope_names, (unsigned)scope, buf, len);
}

const char *nlfmt_proto(int proto, char *buf, size_t len)
{
	return tok_name(proto_names, (unsigned)proto, buf, len);
}

const char *nlfmt_table(unsigned table, char *buf, size_t len)
{
	return tok_name(table_names, table, buf, len);
}

const char *nlfmt_rtntype(int type, char *buf, size_t len)
{
	return tok_name(rtntype_names, (unsigned)type, buf, len);
}

const char *nlfmt_operstate(int operstate)
{
	if (operstate < 0 || operstate >= (int)(sizeof(oper_names) / sizeof(oper_names[0])))
		return "UNKNOWN";
	return oper_names[operstate];
}

const char *nlfmt_family(int family)
{
	return family == AF_INET ? "inet" : family == AF_INET6 ? "inet6" : "unspec";
}

int nlfmt_link_line(const struct snap_link *l, char *buf, size_t len)
{
	const char *lower = "";

	if ((l->flags & IFF_UP) && (l->flags & IFF_LOWER_UP))
		lower = " LOWER_UP";
	else if (l->flags & IFF_UP)
		lower = " NO-CARRIER";
	return snprintf(buf, len, "%s %s%s state %s mtu %u", l->name, (l->flags & IFF_UP) ? "UP" : "DOWN",
			lower, nlfmt_operstate(l->operstate), l->mtu);
}

/* appends to buf at *off, snprintf-style: *off keeps the length the full text needs */
static void append(char *buf, size_t len, int *off, const char *fmt, const char *a, const char *b)
{
	size_t o = (size_t)*off;

	*off += snprintf(buf + (o < len ? o : len), o < len ? len - o : 0, fmt, a, b);
}

int nlfmt_addr_line(const struct snap_addr *a, const char *ifname, char *buf, size_t len)
{
	char ip[INET6_ADDRSTRLEN], sc[16], fl[160];
	int off = 0;

	if (len)
		buf[0] = '\0';
	append(buf, len, &off, "%s%s", nlfmt_ip(a->family, a->addr, ip, sizeof(ip)), "");
	if (a->has_peer)
		append(buf, len, &off, " peer %s%s", nlfmt_ip(a->family, a->peer, ip, sizeof(ip)), "");
	snprintf(sc, sizeof(sc), "%d", a->prefixlen);
	append(buf, len, &off, "/%s dev %s", sc, ifname);
	append(buf, len, &off, " scope %s%s", nlfmt_scope(a->scope, sc, sizeof(sc)), "");
	tok_flags(addr_flag_names, a->flags, fl, sizeof(fl));
	if (fl[0])
		append(buf, len, &off, " %s%s", fl, "");
	return off;
}

int nlfmt_route_line(const struct snap_route *r, const char *ifname, char *buf, size_t len)
{
	char dst[INET6_ADDRSTRLEN + 4], ip[INET6_ADDRSTRLEN], t[16], num[16];
	int off = 0;

	if (len)
		buf[0] = '\0';
	if (r->type != RTN_UNICAST)
		append(buf, len, &off, "%s%s ", nlfmt_rtntype(r->type, t, sizeof(t)), "");
	append(buf, len, &off, "%s%s", nlfmt_route_dst(r, dst, sizeof(dst)), "");
	if (r->has_gw)
		append(buf, len, &off, " via %s%s", nlfmt_ip(r->family, r->gw, ip, sizeof(ip)), "");
	append(buf, len, &off, " dev %s%s", ifname, "");
	if (r->table != RT_TABLE_MAIN)
		append(buf, len, &off, " table %s%s", nlfmt_table(r->table, t, sizeof(t)), "");
	if (r->protocol != RTPROT_BOOT)
		append(buf, len, &off, " proto %s%s", nlfmt_proto(r->protocol, t, sizeof(t)), "");
	if (r->scope != RT_SCOPE_UNIVERSE)
		append(buf, len, &off, " scope %s%s", nlfmt_scope(r->scope, t, sizeof(t)), "");
	if (r->has_prefsrc)
		append(buf, len, &off, " src %s%s", nlfmt_ip(r->family, r->prefsrc, ip, sizeof(ip)), "");
	if (r->has_metric) {
		snprintf(num, sizeof(num), "%u", r->metric);
		append(buf, len, &off, " metric %s%s", num, "");
	}
	if (r->linkdown)
		append(buf, len, &off, " linkdown%s%s", "", "");
	return off;
}

int nlfmt_neigh_line(const struct snap_neigh *n, const char *ifname, char *buf, size_t len)
{
	char ip[INET6_ADDRSTRLEN], mac[18], st[96];
	int off = 0;

	if (len)
		buf[0] = '\0';
	append(buf, len, &off, "%s dev %s", nlfmt_ip(n->family, n->dst, ip, sizeof(ip)), ifname);
	if (n->has_lladdr)
		append(buf, len, &off, " lladdr %s%s", nlfmt_mac(n->lladdr, mac, sizeof(mac)), "");
	if (n->flags & NTF_ROUTER)
		append(buf, len, &off, " router%s%s", "", "");
	append(buf, len, &off, " %s%s", nlfmt_nud(n->state, st, sizeof(st)), "");
	return off;
}
