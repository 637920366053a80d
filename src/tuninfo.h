/* tuninfo.h — tun/tap details libnl does not parse: flags, owner, group, queues, holders, stats64 (after iproute2's iptuntap.c). */
#ifndef TAPSCOPE_TUNINFO_H
#define TAPSCOPE_TUNINFO_H

#include "nlsnap.h"

struct nl_sock;

/* Asks the kernel for one link (RTM_GETLINK by index) on sk, a connected NETLINK_ROUTE
 * socket with auto-ack disabled, and fills what it finds: tun details from
 * IFLA_LINKINFO/IFLA_INFO_DATA when the kind is "tun" (tun->valid is set then), and the
 * stats64 counters. Either pointer may be NULL. Returns 0 or a negative libnl code. */
int tuninfo_query(struct nl_sock *sk, int ifindex, struct tun_info *tun, struct nl_counters *ctr);

/* Fills tun details from sysfs (/sys/class/net/IFNAME/tun_flags, owner, group), for kernels
 * that give no IFLA_INFO_DATA. Checks that sysfs shows the same ifindex, since a sysfs
 * mounted for another namespace may have a device of the same name.
 * Returns 0, -ENOENT (not a tun device there) or -ESTALE (sysfs of another namespace). */
int tuninfo_read_sysfs(const char *ifname, int ifindex, struct tun_info *tun);

/* Finds the processes that hold IFNAME open through /dev/net/tun, by their fdinfo "iff:"
 * line, keeping only processes in this network namespace (a device of the same name in
 * another namespace is another device). Fills tun->holders and tun->nholders. Returns the
 * number found (it may exceed NLSNAP_MAX_HOLDERS; only that many are kept) or -errno. */
int tuninfo_holders(const char *ifname, struct tun_info *tun);

#endif
