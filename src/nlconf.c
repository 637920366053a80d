/* nlconf.c — one-shot device configuration through libnl-route-3: link up, addresses, lookups. */
#include "nlconf.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <linux/if_addr.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>

struct nlconf {
	struct nl_sock *sk;
};

struct nlconf *nlconf_open(char *err, size_t errlen)
{
	struct nlconf *nc = calloc(1, sizeof(*nc));
	int rc;

	if (!nc) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	nc->sk = nl_socket_alloc();
	if (!nc->sk) {
		snprintf(err, errlen, "cannot allocate a netlink socket");
		free(nc);
		return NULL;
	}
	rc = nl_connect(nc->sk, NETLINK_ROUTE);
	if (rc < 0) {
		snprintf(err, errlen, "cannot open netlink: %s", nl_geterror(rc));
		nl_socket_free(nc->sk);
		free(nc);
		return NULL;
	}
	return nc;
}

void nlconf_close(struct nlconf *nc)
{
	if (!nc)
		return;
	nl_socket_free(nc->sk);
	free(nc);
}

int nlconf_link_get(struct nlconf *nc, const char *name, struct nlconf_link *out)
{
	struct rtnl_link *link = NULL;
	const char *kind;
	int rc = rtnl_link_get_kernel(nc->sk, 0, name, &link);

	memset(out, 0, sizeof(*out));
	if (rc == -NLE_OBJ_NOTFOUND || rc == -NLE_NODEV)
		return -ENODEV;
	if (rc < 0)
		return rc;
	out->ifindex = rtnl_link_get_ifindex(link);
	out->arptype = rtnl_link_get_arptype(link);
	out->flags = rtnl_link_get_flags(link);
	kind = rtnl_link_get_type(link);
	snprintf(out->kind, sizeof(out->kind), "%s", kind ? kind : "");
	rtnl_link_put(link);
	return 0;
}

int nlconf_link_set_up(struct nlconf *nc, int ifindex, int up, char *err, size_t errlen)
{
	struct rtnl_link *orig = rtnl_link_alloc(), *change = rtnl_link_alloc();
	int rc = -NLE_NOMEM;

	if (orig && change) {
		rtnl_link_set_ifindex(orig, ifindex);
		if (up)
			rtnl_link_set_flags(change, IFF_UP);
		else
			rtnl_link_unset_flags(change, IFF_UP);
		rc = rtnl_link_change(nc->sk, orig, change, 0);
	}
	if (rc < 0)
		snprintf(err, errlen, "cannot set link %s: %s", up ? "up" : "down", nl_geterror(rc));
	rtnl_link_put(orig);
	rtnl_link_put(change);
	return rc;
}

int nlconf_addr_add(struct nlconf *nc, int ifindex, const struct dev_addr *a, char *err, size_t errlen)
{
	struct rtnl_addr *addr = rtnl_addr_alloc();
	struct nl_addr *local;
	char text[64];
	int rc;

	if (!addr)
		return -NLE_NOMEM;
	local = nl_addr_build(a->family, a->addr, a->family == AF_INET ? 4 : 16);
	if (!local) {
		rtnl_addr_put(addr);
		return -NLE_NOMEM;
	}
	nl_addr_set_prefixlen(local, a->prefixlen);
	rtnl_addr_set_ifindex(addr, ifindex);
	rtnl_addr_set_local(addr, local);
	rtnl_addr_set_prefixlen(addr, a->prefixlen);
	rc = rtnl_addr_add(nc->sk, addr, 0);
	if (rc < 0)
		snprintf(err, errlen, "cannot add address %s: %s", addrset_format(a, text, sizeof(text)),
			 nl_geterror(rc));
	nl_addr_put(local);
	rtnl_addr_put(addr);
	return rc;
}

struct addr_walk {
	int ifindex;
	struct addrset *set;
	int tentative;
};

static void collect_addr(struct nl_object *obj, void *arg)
{
	struct rtnl_addr *addr = (struct rtnl_addr *)obj;
	struct addr_walk *w = arg;
	struct nl_addr *local = rtnl_addr_get_local(addr);
	struct dev_addr a = { 0 };

	if (rtnl_addr_get_ifindex(addr) != w->ifindex || !local)
		return;
	if (rtnl_addr_get_flags(addr) & IFA_F_TENTATIVE)
		w->tentative = 1;
	if (!w->set)
		return;
	a.family = nl_addr_get_family(local);
	if ((a.family != AF_INET && a.family != AF_INET6) || nl_addr_get_len(local) > sizeof(a.addr))
		return;
	memcpy(a.addr, nl_addr_get_binary_addr(local), nl_addr_get_len(local));
	a.prefixlen = rtnl_addr_get_prefixlen(addr);
	addrset_add(w->set, &a);
}

static int walk_addrs(struct nlconf *nc, struct addr_walk *w)
{
	struct nl_cache *cache;
	int rc = rtnl_addr_alloc_cache(nc->sk, &cache);

	if (rc < 0)
		return rc;
	nl_cache_foreach(cache, collect_addr, w);
	nl_cache_free(cache);
	return 0;
}

int nlconf_addr_list(struct nlconf *nc, int ifindex, struct addrset *set)
{
	struct addr_walk w = { .ifindex = ifindex, .set = set };

	set->n = 0;
	return walk_addrs(nc, &w);
}

int nlconf_addr_tentative(struct nlconf *nc, int ifindex)
{
	struct addr_walk w = { .ifindex = ifindex };

	return walk_addrs(nc, &w) < 0 ? 0 : w.tentative;
}
