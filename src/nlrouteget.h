/* nlrouteget.h — the kernel's own route for one address (RTM_GETROUTE, what `ip route get` asks). */
#ifndef TAPSCOPE_NLROUTEGET_H
#define TAPSCOPE_NLROUTEGET_H

#include <stdint.h>
#include <sys/socket.h>

struct nl_sock;

/* The index of the device the kernel sends traffic for addr (AF_INET: 4 bytes, AF_INET6: 16)
 * out of, asked on sk (a connected NETLINK_ROUTE socket): 0 with *ifindex set; -ENETUNREACH or
 * -ENOENT when no route takes it anywhere; -ENOMEM. */
int nlrouteget_oif(struct nl_sock *sk, int family, const uint8_t *addr, int *ifindex);

#endif
