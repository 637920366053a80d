/* nlaction.c — what a user does to the device: addresses, up/down, MTU, routes, neighbours (libnl), carrier and queue (tun ioctls). */
#include "nlaction.h"

#include <errno.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>

#include <linux/if_tun.h>
#include <linux/neighbour.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>

#include "privdrop.h"

/* What every netlink action starts with: a socket and the device's index. */
struct act {
	struct nl_sock *sk;
	int ifindex;
	char *err;
	size_t errlen;
	const char *what;	/* "addr add 10.18.0.1/24 dev tap0", for messages */
	int kerrno;		/* the kernel's own errno, which libnl's codes fold together */
	char kmsg[128];		/* the kernel's extended-ack text, e.g. "Nexthop has invalid gateway" */
};

/* libnl's words first (what callers match on); then what libnl folds away: the kernel's
 * errno where libnl only says "Unspecific failure", and its extended-ack message. */
static int fail(struct act *a, int code)
{
	int n = snprintf(a->err, a->errlen, "%s: %s", a->what, nl_geterror(code));
	int generic = -code == NLE_FAILURE && a->kerrno > 0;

	if ((generic || a->kmsg[0]) && n >= 0 && (size_t)n < a->errlen)
		snprintf(a->err + n, a->errlen - (size_t)n, " (%s%s%s)", generic ? strerror(a->kerrno) : "",
			 generic && a->kmsg[0] ? ": " : "", a->kmsg);
	return code < 0 ? code : -code;
}

static int on_error(struct sockaddr_nl *who, struct nlmsgerr *e, void *arg)
{
	struct nlmsghdr *nlh = (struct nlmsghdr *)((char *)e - NLMSG_HDRLEN);
	struct act *a = arg;
	size_t off = sizeof(*e), total;
	struct nlattr *msg;

	(void)who;
	a->kerrno = -e->error;
	a->kmsg[0] = '\0';
	if (!(nlh->nlmsg_flags & NLM_F_ACK_TLVS) || nlh->nlmsg_len < NLMSG_HDRLEN + off)
		return NL_STOP;
	if (!(nlh->nlmsg_flags & NLM_F_CAPPED))
		off += NLMSG_ALIGN(e->msg.nlmsg_len - sizeof(struct nlmsghdr));
	total = nlh->nlmsg_len - NLMSG_HDRLEN;
	if (off >= total)
		return NL_STOP;
	msg = nla_find((struct nlattr *)((char *)e + off), (int)(total - off), NLMSGERR_ATTR_MSG);
	if (msg)
		snprintf(a->kmsg, sizeof(a->kmsg), "%.*s", nla_len(msg), (const char *)nla_data(msg));
	a->kmsg[strcspn(a->kmsg, "\n")] = '\0';
	return NL_STOP;	/* libnl turns e->error into its code */
}

static int act_open(struct act *a, const char *ifname, const char *what, char *err, size_t errlen)
{
	int e, one = 1;

	a->err = err;
	a->errlen = errlen;
	a->what = what;
	a->kerrno = 0;
	a->kmsg[0] = '\0';
	a->sk = NULL;
	/* every change through rtnetlink needs CAP_NET_ADMIN: after --user, say so up front */
	if ((e = privdrop_refuse(what, err, errlen)) < 0)
		return e;
	a->ifindex = (int)if_nametoindex(ifname);
	if (!a->ifindex) {
		snprintf(err, errlen, "%s: no device %s", what, ifname);
		a->sk = NULL;
		return -NLE_NODEV;
	}
	a->sk = nl_socket_alloc();
	if (!a->sk)
		return fail(a, -NLE_NOMEM);
	e = nl_connect(a->sk, NETLINK_ROUTE);
	if (e < 0) {
		nl_socket_free(a->sk);
		a->sk = NULL;
		return fail(a, e);
	}
	/* ask for the kernel's reason in words; older kernels ignore it */
	setsockopt(nl_socket_get_fd(a->sk), SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	nl_socket_modify_err_cb(a->sk, NL_CB_CUSTOM, on_error, a);
	return 0;
}

static void act_close(struct act *a)
{
	if (a->sk)
		nl_socket_free(a->sk);
}

static int addr_change(const char *ifname, const char *cidr, int add, char *err, size_t errlen)
{
	char what[128];
	struct act a;
	struct rtnl_addr *ra = NULL;
	struct nl_addr *local = NULL;
	int e;

	snprintf(what, sizeof(what), "addr %s %s dev %s", add ? "add" : "del", cidr, ifname);
	e = act_open(&a, ifname, what, err, errlen);
	if (e < 0)
		return e;
	e = nl_addr_parse(cidr, AF_UNSPEC, &local);
	if (e < 0 || (nl_addr_get_family(local) != AF_INET && nl_addr_get_family(local) != AF_INET6)) {
		e = fail(&a, e < 0 ? e : -NLE_INVAL);
		goto out;
	}
	ra = rtnl_addr_alloc();
	if (!ra) {
		e = fail(&a, -NLE_NOMEM);
		goto out;
	}
	rtnl_addr_set_ifindex(ra, a.ifindex);
	rtnl_addr_set_family(ra, nl_addr_get_family(local));
	e = rtnl_addr_set_local(ra, local);
	if (e >= 0)
		rtnl_addr_set_prefixlen(ra, (int)nl_addr_get_prefixlen(local));
	if (e >= 0)
		e = add ? rtnl_addr_add(a.sk, ra, NLM_F_EXCL) : rtnl_addr_delete(a.sk, ra, 0);
	if (e < 0)
		e = fail(&a, e);
out:
	rtnl_addr_put(ra);
	nl_addr_put(local);
	act_close(&a);
	return e;
}

int nlaction_addr_add(const char *ifname, const char *cidr, char *err, size_t errlen)
{
	return addr_change(ifname, cidr, 1, err, errlen);
}

int nlaction_addr_del(const char *ifname, const char *cidr, char *err, size_t errlen)
{
	return addr_change(ifname, cidr, 0, err, errlen);
}

/* Applies what set() puts into a change request to the device's current link. */
static int link_change(const char *ifname, const char *what, void (*set)(struct rtnl_link *, unsigned), unsigned val,
		       char *err, size_t errlen)
{
	struct rtnl_link *orig = NULL, *chg = NULL;
	struct act a;
	int e = act_open(&a, ifname, what, err, errlen);

	if (e < 0)
		return e;
	e = rtnl_link_get_kernel(a.sk, a.ifindex, NULL, &orig);
	if (e >= 0) {
		chg = rtnl_link_alloc();
		if (!chg)
			e = -NLE_NOMEM;
	}
	if (e >= 0) {
		set(chg, val);
		e = rtnl_link_change(a.sk, orig, chg, 0);
	}
	if (e < 0)
		e = fail(&a, e);
	rtnl_link_put(chg);
	rtnl_link_put(orig);
	act_close(&a);
	return e;
}

static void set_up(struct rtnl_link *l, unsigned up)
{
	if (up)
		rtnl_link_set_flags(l, IFF_UP);
	else
		rtnl_link_unset_flags(l, IFF_UP);
}

int nlaction_link_set_up(const char *ifname, int up, char *err, size_t errlen)
{
	char what[64];

	snprintf(what, sizeof(what), "link set %s %s", ifname, up ? "up" : "down");
	return link_change(ifname, what, set_up, up != 0, err, errlen);
}

int nlaction_link_set_mtu(const char *ifname, unsigned mtu, char *err, size_t errlen)
{
	char what[64];

	snprintf(what, sizeof(what), "link set %s mtu %u", ifname, mtu);
	return link_change(ifname, what, rtnl_link_set_mtu, mtu, err, errlen);
}

static int route_change(const char *ifname, const char *dst, const char *gw, int add, char *err, size_t errlen)
{
	struct nl_addr *d = NULL, *g = NULL;
	struct rtnl_route *r = NULL;
	struct rtnl_nexthop *nh;
	char what[160];
	struct act a;
	int e;

	snprintf(what, sizeof(what), "route %s %s%s%s dev %s", add ? "add" : "del", dst, gw ? " via " : "", gw ? gw : "",
		 ifname);
	e = act_open(&a, ifname, what, err, errlen);
	if (e < 0)
		return e;
	/* "default" needs a family: the gateway's, else IPv4 */
	if (gw && (e = nl_addr_parse(gw, AF_UNSPEC, &g)) < 0)
		goto out;
	e = nl_addr_parse(dst, g ? nl_addr_get_family(g) : strchr(dst, ':') ? AF_INET6 : AF_INET, &d);
	if (e < 0)
		goto out;
	if (g && nl_addr_get_family(g) != nl_addr_get_family(d)) {
		e = -NLE_AF_MISMATCH;
		goto out;
	}
	r = rtnl_route_alloc();
	nh = rtnl_route_nh_alloc();
	if (!r || !nh) {
		rtnl_route_nh_free(nh);
		e = -NLE_NOMEM;
		goto out;
	}
	rtnl_route_set_family(r, (uint8_t)nl_addr_get_family(d));
	rtnl_route_set_table(r, RT_TABLE_MAIN);
	rtnl_route_set_type(r, RTN_UNICAST);
	if ((e = rtnl_route_set_dst(r, d)) < 0) {
		rtnl_route_nh_free(nh);
		goto out;
	}
	rtnl_route_nh_set_ifindex(nh, a.ifindex);
	if (g)
		rtnl_route_nh_set_gateway(nh, g);
	rtnl_route_add_nexthop(r, nh);
	if (add) {
		/* as `ip route add`: protocol boot, scope link without a gateway */
		rtnl_route_set_protocol(r, RTPROT_BOOT);
		rtnl_route_set_scope(r, g ? RT_SCOPE_UNIVERSE : RT_SCOPE_LINK);
		e = rtnl_route_add(a.sk, r, NLM_F_EXCL);
	} else {
		/* as `ip route del`: any protocol and scope */
		rtnl_route_set_protocol(r, RTPROT_UNSPEC);
		rtnl_route_set_scope(r, RT_SCOPE_NOWHERE);
		e = rtnl_route_delete(a.sk, r, 0);
	}
out:
	if (e < 0)
		e = fail(&a, e);
	rtnl_route_put(r);
	nl_addr_put(d);
	nl_addr_put(g);
	act_close(&a);
	return e;
}

int nlaction_route_add(const char *ifname, const char *dst, const char *gw, char *err, size_t errlen)
{
	return route_change(ifname, dst, gw, 1, err, errlen);
}

int nlaction_route_del(const char *ifname, const char *dst, const char *gw, char *err, size_t errlen)
{
	return route_change(ifname, dst, gw, 0, err, errlen);
}

int nlaction_neigh_flush(const char *ifname, char *err, size_t errlen)
{
	struct nl_cache *cache = NULL;
	char what[64];
	struct act a;
	int e, n = 0;

	snprintf(what, sizeof(what), "neigh flush dev %s", ifname);
	e = act_open(&a, ifname, what, err, errlen);
	if (e < 0)
		return e;
	e = rtnl_neigh_alloc_cache(a.sk, &cache);
	for (struct nl_object *o = e < 0 ? NULL : nl_cache_get_first(cache); o; o = nl_cache_get_next(o)) {
		struct rtnl_neigh *nb = (struct rtnl_neigh *)o;
		int fam = rtnl_neigh_get_family(nb);

		if (rtnl_neigh_get_ifindex(nb) != a.ifindex || (fam != AF_INET && fam != AF_INET6) ||
		    (rtnl_neigh_get_state(nb) & (NUD_PERMANENT | NUD_NOARP)))
			continue;
		e = rtnl_neigh_delete(a.sk, nb, 0);
		/* an entry may go by itself between the dump and the delete */
		if (e == -NLE_OBJ_NOTFOUND)
			e = 0;
		if (e < 0)
			break;
		n++;
	}
	if (cache)
		nl_cache_free(cache);
	if (e < 0)
		e = fail(&a, e);
	act_close(&a);
	return e < 0 ? e : n;
}

int nlaction_carrier_set(int tunfd, int on, char *err, size_t errlen)
{
	int v = on != 0;

	if (ioctl(tunfd, TUNSETCARRIER, &v) < 0) {
		int e = errno;
		char what[64];

		snprintf(what, sizeof(what), "carrier %s (TUNSETCARRIER)", on ? "on" : "off");
		if (e != EPERM || !privdrop_refuse(what, err, errlen))
			snprintf(err, errlen, "%s: %s", what, strerror(e));
		return -e;
	}
	return 0;
}

int nlaction_queue_set(int tunfd, int attach, char *err, size_t errlen)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = attach ? IFF_ATTACH_QUEUE : IFF_DETACH_QUEUE;
	if (ioctl(tunfd, TUNSETQUEUE, &ifr) < 0) {
		int e = errno;

		if (e == EPERM && privdrop_refuse(attach ? "attaching the queue" : "detaching the queue", err, errlen))
			return -e;
		snprintf(err, errlen, "%s queue (TUNSETQUEUE): %s%s", attach ? "attach" : "detach", strerror(e),
			 e == EINVAL ? " (only a multi-queue device can detach a queue; close the fd instead)" : "");
		return -e;
	}
	return 0;
}
