/* nlobj.c — libnl route objects (link, address, route, neighbour) turned into the plain structs of nlsnap.h. */
#include "nlobj.h"

#include <stdio.h>
#include <string.h>

#include <netlink/addr.h>

static void copy_bin(uint8_t *dst, size_t dlen, struct nl_addr *a)
{
	size_t n;

	memset(dst, 0, dlen);
	if (!a)
		return;
	n = nl_addr_get_len(a);
	memcpy(dst, nl_addr_get_binary_addr(a), n < dlen ? n : dlen);
}

void nlobj_link_snap(struct rtnl_link *l, struct snap_link *s)
{
	struct nl_addr *mac = rtnl_link_get_addr(l);
	const char *kind = rtnl_link_get_type(l);
	const char *qdisc = rtnl_link_get_qdisc(l);

	memset(s, 0, sizeof(*s));
	s->present = 1;
	s->ifindex = rtnl_link_get_ifindex(l);
	snprintf(s->name, sizeof(s->name), "%s", rtnl_link_get_name(l) ? rtnl_link_get_name(l) : "");
	snprintf(s->kind, sizeof(s->kind), "%s", kind ? kind : "");
	s->flags = rtnl_link_get_flags(l);
	s->operstate = rtnl_link_get_operstate(l);
	s->carrier = rtnl_link_get_carrier(l);
	s->mtu = rtnl_link_get_mtu(l);
	if (mac && nl_addr_get_len(mac) == 6) {
		s->has_mac = 1;
		copy_bin(s->mac, sizeof(s->mac), mac);
	}
	s->txqlen = rtnl_link_get_txqlen(l);
	snprintf(s->qdisc, sizeof(s->qdisc), "%s", qdisc ? qdisc : "");
}

void nlobj_addr_snap(struct rtnl_addr *a, struct snap_addr *s)
{
	struct nl_addr *local = rtnl_addr_get_local(a), *peer = rtnl_addr_get_peer(a);

	memset(s, 0, sizeof(*s));
	s->family = rtnl_addr_get_family(a);
	copy_bin(s->addr, sizeof(s->addr), local);
	s->prefixlen = rtnl_addr_get_prefixlen(a);
	if (peer && local && nl_addr_cmp(peer, local) != 0) {
		s->has_peer = 1;
		copy_bin(s->peer, sizeof(s->peer), peer);
	}
	s->scope = rtnl_addr_get_scope(a);
	s->flags = rtnl_addr_get_flags(a);
}

/* The nexthop of r that goes through ifindex, or NULL. */
struct rtnl_nexthop *nlobj_route_nh_on(struct rtnl_route *r, int ifindex)
{
	int n = rtnl_route_get_nnexthops(r);

	for (int i = 0; i < n; i++) {
		struct rtnl_nexthop *nh = rtnl_route_nexthop_n(r, i);

		if (nh && rtnl_route_nh_get_ifindex(nh) == ifindex)
			return nh;
	}
	return NULL;
}

void nlobj_route_snap(struct rtnl_route *r, struct rtnl_nexthop *nh, int linkdown, struct snap_route *s)
{
	struct nl_addr *dst = rtnl_route_get_dst(r), *src = rtnl_route_get_pref_src(r);
	struct nl_addr *gw = nh ? rtnl_route_nh_get_gateway(nh) : NULL;

	memset(s, 0, sizeof(*s));
	s->family = rtnl_route_get_family(r);
	copy_bin(s->dst, sizeof(s->dst), dst);
	s->dst_len = dst ? (int)nl_addr_get_prefixlen(dst) : 0;
	s->table = rtnl_route_get_table(r);
	s->type = rtnl_route_get_type(r);
	s->protocol = rtnl_route_get_protocol(r);
	s->scope = rtnl_route_get_scope(r);
	if (gw) {
		s->has_gw = 1;
		copy_bin(s->gw, sizeof(s->gw), gw);
	}
	if (src) {
		s->has_prefsrc = 1;
		copy_bin(s->prefsrc, sizeof(s->prefsrc), src);
	}
	s->metric = rtnl_route_get_priority(r);
	/* the kernel gives RTA_PRIORITY for IPv4 only when it is not 0 */
	s->has_metric = s->family == AF_INET6 || s->metric != 0;
	s->linkdown = linkdown;
}

void nlobj_neigh_snap(struct rtnl_neigh *n, struct snap_neigh *s)
{
	struct nl_addr *ll = rtnl_neigh_get_lladdr(n);

	memset(s, 0, sizeof(*s));
	s->family = rtnl_neigh_get_family(n);
	copy_bin(s->dst, sizeof(s->dst), rtnl_neigh_get_dst(n));
	if (ll && nl_addr_get_len(ll) == 6) {
		s->has_lladdr = 1;
		copy_bin(s->lladdr, sizeof(s->lladdr), ll);
	}
	s->state = rtnl_neigh_get_state(n);
	s->flags = (unsigned)rtnl_neigh_get_flags(n);
}
