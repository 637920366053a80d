/* nlconf.c — one-shot lookups through libnl-route-3: what a link is, which addresses it has. */
#include "nlconf.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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

struct addr_walk {
	int ifindex;
	struct addrset *set;
};

static void collect_addr(struct nl_object *obj, void *arg)
{
	struct rtnl_addr *addr = (struct rtnl_addr *)obj;
	struct addr_walk *w = arg;
	struct nl_addr *local = rtnl_addr_get_local(addr);
	struct dev_addr a = { 0 };

	if (rtnl_addr_get_ifindex(addr) != w->ifindex || !local)
		return;
	a.family = nl_addr_get_family(local);
	if ((a.family != AF_INET && a.family != AF_INET6) || nl_addr_get_len(local) > sizeof(a.addr))
		return;
	memcpy(a.addr, nl_addr_get_binary_addr(local), nl_addr_get_len(local));
	a.prefixlen = rtnl_addr_get_prefixlen(addr);
	addrset_add(w->set, &a);
}

int nlconf_addr_list(struct nlconf *nc, int ifindex, struct addrset *set)
{
	struct addr_walk w = { .ifindex = ifindex, .set = set };
	struct nl_cache *cache;
	int rc = rtnl_addr_alloc_cache(nc->sk, &cache);

	addrset_clear(set);
	if (rc < 0)
		return rc;
	nl_cache_foreach(cache, collect_addr, &w);
	nl_cache_free(cache);
	return 0;
}

