/* nlsnap.h — a plain copy of what the kernel says about one device: link, tun details, addresses, routes, neighbours, counters. */
#ifndef TAPSCOPE_NLSNAP_H
#define TAPSCOPE_NLSNAP_H

#include <stdint.h>

/* IFNAMSIZ without <net/if.h> or <linux/if.h>, which clash when both are included */
#define NLSNAP_IFNAMSIZ 16

#define NLSNAP_MAX_HOLDERS 16	/* processes named as holders (tuninfo counts them all) */

/* stats64 of the device, as IFLA_STATS64 has them */
struct nl_counters {
	uint64_t rx_packets, tx_packets;
	uint64_t rx_bytes, tx_bytes;
	uint64_t rx_errors, tx_errors;
	uint64_t rx_dropped, tx_dropped;
};

/* per-second rates between the last two counter readings; valid is 0 until two readings exist */
struct nl_rates {
	int valid;
	double rx_packets, tx_packets;
	double rx_bytes, tx_bytes;
	double rx_errors, tx_errors;
	double rx_dropped, tx_dropped;
};

/* a process holding the device open, found as iproute2's iptuntap.c finds it (/proc/PID/fdinfo "iff:") */
struct tun_holder {
	int pid;
	int fd;
	char comm[32];
};

/* tun/tap details libnl does not parse (IFLA_INFO_DATA, or sysfs); valid is 0 for other kinds */
struct tun_info {
	int valid;
	int is_tap;		/* IFF_TAP (else IFF_TUN) */
	int pi;			/* packet information header (no IFF_NO_PI) */
	int vnet_hdr;
	int persist;
	int multi_queue;
	long owner;		/* -1: none */
	long group;		/* -1: none */
	int num_queues;		/* attached queues (-1: unknown) */
	int num_disabled_queues;	/* detached queues (-1: unknown) */
	int nholders;
	struct tun_holder holders[NLSNAP_MAX_HOLDERS];
};

struct snap_link {
	int present;		/* 0: no device of that name right now */
	int ifindex;
	char name[NLSNAP_IFNAMSIZ];
	char kind[16];		/* "tun" (tun and tap), "veth", ... ; "" if the kernel gave none */
	unsigned flags;		/* IFF_UP, IFF_LOWER_UP, IFF_RUNNING, ... */
	int operstate;		/* IF_OPER_* */
	int carrier;		/* IFLA_CARRIER */
	unsigned mtu;
	int has_mac;
	uint8_t mac[6];
	unsigned txqlen;
	char qdisc[16];
};

struct snap_addr {
	int family;		/* AF_INET, AF_INET6 */
	uint8_t addr[16];
	int prefixlen;
	int has_peer;		/* point-to-point peer (IFA_ADDRESS differs from IFA_LOCAL) */
	uint8_t peer[16];
	int scope;		/* RT_SCOPE_* */
	unsigned flags;		/* IFA_F_* */
};

struct snap_route {
	int family;
	uint8_t dst[16];
	int dst_len;
	unsigned table;		/* RT_TABLE_MAIN, RT_TABLE_LOCAL, ... */
	int type;		/* RTN_UNICAST, RTN_LOCAL, ... */
	int protocol;		/* RTPROT_* */
	int scope;		/* RT_SCOPE_* */
	int has_gw;
	uint8_t gw[16];
	int has_prefsrc;
	uint8_t prefsrc[16];
	int has_metric;
	uint32_t metric;
	int linkdown;		/* the nexthop's device has no carrier or is down */
};

struct snap_neigh {
	int family;
	uint8_t dst[16];
	int has_lladdr;
	uint8_t lladdr[6];
	int state;		/* NUD_* */
	unsigned flags;		/* NTF_* */
};

/* The kernel's own answer for one address (RTM_GETROUTE, as `ip route get`): the device its
 * traffic leaves by, which may be another than this one. family 0: not asked; ifindex 0: no
 * route takes it anywhere. */
struct snap_lookup {
	int family;
	uint8_t addr[16];
	int ifindex;
	char ifname[NLSNAP_IFNAMSIZ];
};

/* Addresses, routes and neighbours: as many as the device has, no cap. The arrays are the
 * snapshot's own and are reused by the next snapshot into it (so a static snapshot refilled
 * on every draw allocates only when the device grows); nlsnap_free releases them. */
struct nl_snapshot {
	char ifname[NLSNAP_IFNAMSIZ];
	struct snap_link link;
	struct tun_info tun;
	int has_counters;
	struct nl_counters ctr;
	struct nl_rates rate;
	int naddrs, nroutes, nneighs;
	struct snap_addr *addrs;
	struct snap_route *routes;
	struct snap_neigh *neighs;
	int addrs_cap, routes_cap, neighs_cap;
	struct snap_lookup lookup;	/* filled by nlmodel_lookup, after the snapshot */
};

/* Zeroes everything but keeps the arrays' storage. */
void nlsnap_clear(struct nl_snapshot *s);
/* Room for at least that many of each (contents kept). 0 or -ENOMEM. */
int nlsnap_reserve(struct nl_snapshot *s, int naddrs, int nroutes, int nneighs);
/* Releases the arrays; the snapshot is empty (and usable again). */
void nlsnap_free(struct nl_snapshot *s);

#endif
