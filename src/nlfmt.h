/* nlfmt.h — names and one-line text for links, addresses, routes and neighbours, as `ip` writes them. */
#ifndef TAPSCOPE_NLFMT_H
#define TAPSCOPE_NLFMT_H

#include <stddef.h>
#include <stdint.h>

#include "nlsnap.h"

/* Each writes into buf (always terminated) and returns buf. */
const char *nlfmt_ip(int family, const uint8_t *addr, char *buf, size_t len);
const char *nlfmt_mac(const uint8_t mac[6], char *buf, size_t len);
/* A route destination as `ip -j route` has it: "default", "10.1.2.3" (host), "10.18.0.0/24". */
const char *nlfmt_route_dst(const struct snap_route *r, char *buf, size_t len);
/* Space-separated names: link flags as `ip link` ("NO-CARRIER BROADCAST MULTICAST UP LOWER_UP"),
 * address flags ("tentative dadfailed"), neighbour state ("REACHABLE", "FAILED"). */
const char *nlfmt_link_flags(unsigned flags, char *buf, size_t len);
const char *nlfmt_addr_flags(int family, unsigned flags, char *buf, size_t len);
const char *nlfmt_nud(int state, char *buf, size_t len);

/* Value → name; numbers for unknown values go into buf. */
const char *nlfmt_scope(int scope, char *buf, size_t len);
const char *nlfmt_proto(int proto, char *buf, size_t len);
const char *nlfmt_table(unsigned table, char *buf, size_t len);
const char *nlfmt_rtntype(int type, char *buf, size_t len);
const char *nlfmt_operstate(int operstate);
const char *nlfmt_family(int family);	/* "inet", "inet6" */

/* One line each, without a leading verb:
 *   "tap0 UP LOWER_UP state UP mtu 1500"
 *   "10.18.0.1/24 dev tap0 scope global"
 *   "10.18.0.0/24 dev tap0 proto kernel scope link src 10.18.0.1"
 *   "10.18.0.3 dev tap0 lladdr 02:00:0a:12:00:03 REACHABLE"
 * Return the length that the full line needs (like snprintf). */
int nlfmt_link_line(const struct snap_link *l, char *buf, size_t len);
int nlfmt_addr_line(const struct snap_addr *a, const char *ifname, char *buf, size_t len);
int nlfmt_route_line(const struct snap_route *r, const char *ifname, char *buf, size_t len);
int nlfmt_neigh_line(const struct snap_neigh *n, const char *ifname, char *buf, size_t len);

#endif
