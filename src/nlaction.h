/* nlaction.h — what a user does to the device: addresses, up/down, MTU, routes, neighbours (libnl), carrier and queue (tun ioctls). */
#ifndef TAPSCOPE_NLACTION_H
#define TAPSCOPE_NLACTION_H

#include <stddef.h>

/* Each acts in the current network namespace and returns 0 (nlaction_neigh_flush: how many
 * entries went) or a negative code — libnl's (-NLE_*) for netlink actions, -errno for the
 * ioctls — and then puts the reason in err, with the kernel's words as libnl gives them,
 * e.g. "addr add 10.18.0.1/24 dev tap0: Object exists" or "...: Operation not permitted".
 * None of them prints or runs `ip`. */

/* cidr: "10.18.0.1/24", "fd00::1/64" (no prefix: a host address). */
int nlaction_addr_add(const char *ifname, const char *cidr, char *err, size_t errlen);
int nlaction_addr_del(const char *ifname, const char *cidr, char *err, size_t errlen);

/* Admin state: up 1 sets IFF_UP, 0 clears it. */
int nlaction_link_set_up(const char *ifname, int up, char *err, size_t errlen);
int nlaction_link_set_mtu(const char *ifname, unsigned mtu, char *err, size_t errlen);

/* A main-table route to dst ("10.99.0.0/16", "default", "fd01::/64") through the device,
 * via gateway gw or (gw NULL) directly on the link, like `ip route add DST [via GW] dev IF`. */
int nlaction_route_add(const char *ifname, const char *dst, const char *gw, char *err, size_t errlen);
/* Deletes the main-table route to dst through the device (gw may narrow it, or be NULL). */
int nlaction_route_del(const char *ifname, const char *dst, const char *gw, char *err, size_t errlen);

/* Deletes the device's ARP/NDP entries except PERMANENT and NOARP ones, as
 * `ip neigh flush dev IF` does. Returns how many went, or a negative code. */
int nlaction_neigh_flush(const char *ifname, char *err, size_t errlen);

/* TUNSETCARRIER on tunfd (an fd attached to the device): on 0 makes the kernel see
 * NO-CARRIER although a reader is attached, on 1 gives the carrier back. */
int nlaction_carrier_set(int tunfd, int on, char *err, size_t errlen);

/* TUNSETQUEUE on tunfd: attach 0 detaches this queue (IFF_DETACH_QUEUE), 1 re-attaches it
 * (IFF_ATTACH_QUEUE). The kernel allows this only on a multi-queue device (IFF_MULTI_QUEUE),
 * and detaching the last attached queue takes the carrier away. On a single-queue device
 * it fails with -EINVAL: the caller closes the fd to detach and opens the device again
 * (TUNSETIFF) to re-attach. */
int nlaction_queue_set(int tunfd, int attach, char *err, size_t errlen);

#endif
