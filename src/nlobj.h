/* nlobj.h — libnl route objects (link, address, route, neighbour) turned into the plain structs of nlsnap.h. */
#ifndef TAPSCOPE_NLOBJ_H
#define TAPSCOPE_NLOBJ_H

#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>

#include "nlsnap.h"

/* Each fills the whole struct (zeroed first), so two results compare with memcmp. */
void nlobj_link_snap(struct rtnl_link *l, struct snap_link *s);
void nlobj_addr_snap(struct rtnl_addr *a, struct snap_addr *s);
/* nh: the route's nexthop through the device (nlobj_route_nh_on); linkdown: as shown. */
void nlobj_route_snap(struct rtnl_route *r, struct rtnl_nexthop *nh, int linkdown, struct snap_route *s);
void nlobj_neigh_snap(struct rtnl_neigh *n, struct snap_neigh *s);
/* The nexthop of r that goes through ifindex, or NULL. */
struct rtnl_nexthop *nlobj_route_nh_on(struct rtnl_route *r, int ifindex);

#endif
