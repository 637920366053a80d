/* nlconf.h — one-shot lookups through libnl-route-3: what a link is, which addresses it has.
 * (Changes to the kernel go through nlaction.) */
#ifndef TAPSCOPE_NLCONF_H
#define TAPSCOPE_NLCONF_H

#include <stddef.h>
#include "addrset.h"

struct nlconf;

/* Opens a NETLINK_ROUTE socket in the current namespace. NULL with err on failure. */
struct nlconf *nlconf_open(char *err, size_t errlen);
void nlconf_close(struct nlconf *nc);

struct nlconf_link {
	int ifindex;
	char kind[16];		/* IFLA_INFO_KIND: "tun" for tun and tap devices */
	unsigned arptype;	/* ARPHRD_ETHER (tap) or ARPHRD_NONE (tun) */
	unsigned flags;		/* IFF_UP, IFF_LOWER_UP, ... */
};

/* Looks a link up by name. Returns 0, -ENODEV when absent, or a negative libnl error. */
int nlconf_link_get(struct nlconf *nc, const char *name, struct nlconf_link *out);
/* Fills set with the link's current addresses. Returns 0 or a negative libnl error. */
int nlconf_addr_list(struct nlconf *nc, int ifindex, struct addrset *set);

#endif
