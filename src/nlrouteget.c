/* nlrouteget.c — the kernel's own route for one address (RTM_GETROUTE, what `ip route get` asks): the device its traffic leaves by. */
#include "nlrouteget.h"

#include <errno.h>
#include <string.h>

#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

struct answer {
	int oif;
};

static int on_route(struct nl_msg *msg, void *arg)
{
	struct answer *a = arg;
	struct nlattr *tb[RTA_MAX + 1];

	if (nlmsg_hdr(msg)->nlmsg_type != RTM_NEWROUTE ||
	    nlmsg_parse(nlmsg_hdr(msg), sizeof(struct rtmsg), tb, RTA_MAX, NULL) < 0)
		return NL_SKIP;
	if (tb[RTA_OIF])
		a->oif = (int)nla_get_u32(tb[RTA_OIF]);
	return NL_OK;
}

int nlrouteget_oif(struct nl_sock *sk, int family, const uint8_t *addr, int *ifindex)
{
	struct rtmsg rtm = { .rtm_family = (unsigned char)family, .rtm_dst_len = family == AF_INET ? 32 : 128 };
	struct answer a = { .oif = 0 };
	struct nl_msg *msg;
	struct nl_cb *cb, *sock_cb;
	int e;

	if (family != AF_INET && family != AF_INET6)
		return -EAFNOSUPPORT;
	msg = nlmsg_alloc_simple(RTM_GETROUTE, NLM_F_REQUEST);
	sock_cb = nl_socket_get_cb(sk);	/* a reference of its own: put back, or the socket's cb outlives it */
	cb = nl_cb_clone(sock_cb);
	nl_cb_put(sock_cb);
	if (!msg || !cb) {
		nlmsg_free(msg);
		nl_cb_put(cb);
		return -ENOMEM;
	}
	e = nlmsg_append(msg, &rtm, sizeof(rtm), NLMSG_ALIGNTO);
	if (e >= 0)
		e = nla_put(msg, RTA_DST, family == AF_INET ? 4 : 16, addr);
	if (e >= 0)
		e = nl_send_auto(sk, msg);
	nlmsg_free(msg);
	if (e >= 0) {
		nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_route, &a);
		e = nl_recvmsgs(sk, cb);
	}
	nl_cb_put(cb);
	if (e < 0)
		return e == -NLE_OBJ_NOTFOUND ? -ENOENT : -ENETUNREACH;	/* (libnl's codes: no route, or unreachable) */
	if (!a.oif)
		return -ENOENT;	/* a route with no device (blackhole, unreachable, prohibit) */
	*ifindex = a.oif;
	return 0;
}
