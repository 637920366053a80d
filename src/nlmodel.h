/* nlmodel.h — the live netlink model of one device: libnl-route caches on our epoll, change events, counters, snapshots. */
#ifndef TAPSCOPE_NLMODEL_H
#define TAPSCOPE_NLMODEL_H

#include <stddef.h>
#include <stdint.h>

#include "nlevent.h"
#include "nlsnap.h"

struct loop;
struct addrset;
struct nlmodel;

typedef void (*nlmodel_event_fn)(const struct nl_event *ev, void *arg);
typedef void (*nlmodel_addrs_fn)(const struct addrset *addrs, void *arg);

/* Subscribes to links, addresses, routes and neighbours of the current network namespace
 * (libnl cache manager) and loads them once; after that the model changes only through
 * netlink notifications read from the manager's fd in loop's epoll — no periodic resync.
 * ifname need not exist yet: the model follows it when it appears, vanishes, comes back.
 * loop may be NULL for a one-shot, read-only model (what --status uses): nothing is then
 * watched and the model stays as loaded. Returns NULL with a message in err on failure. */
struct nlmodel *nlmodel_new(struct loop *loop, const char *ifname, char *err, size_t errlen);
/* Removes the fd and timer from the loop and frees everything. NULL is fine. */
void nlmodel_free(struct nlmodel *m);

/* fn is called for every add/change/delete that touches the device, after the model has
 * taken it in (a snapshot in the callback already shows it). */
void nlmodel_set_event_cb(struct nlmodel *m, nlmodel_event_fn fn, void *arg);
/* fn is called with the device's own addresses now, and again whenever they change: the
 * responder's live feed. */
void nlmodel_set_addrs_cb(struct nlmodel *m, nlmodel_addrs_fn fn, void *arg);

/* Fills out (zeroed, or a set used before: its storage is reused) with the device's own
 * addresses (IPv4 and IPv6, including link-local; not those whose DAD failed). Returns how
 * many, or -ENODEV when the device is absent. */
int nlmodel_addrs(struct nlmodel *m, struct addrset *out);

/* Routes of the local table too (off: main table only), in snapshots and events. */
void nlmodel_set_local_routes(struct nlmodel *m, int on);

/* Counted: while at least one watcher is on, a 1 s loop timer reads the device's counters
 * (and tun details) so rates stay current. Link counters change without notifications,
 * so this is the only reading the model does on its own; it is off when nobody shows them. */
void nlmodel_watch_counters(struct nlmodel *m, int on);

/* Copies the model for the device into out (zeroed, or a snapshot used before: its arrays
 * are reused and grown to hold every address, route and neighbour; nlsnap_free releases
 * them). Holders of a tun device (from /proc) are as found at the last link change; when no
 * watcher is on, counters and holders are read now. Returns 0, -ENODEV when the device does
 * not exist (out->link.present is 0 then), or -ENOMEM. */
int nlmodel_snapshot(struct nlmodel *m, struct nl_snapshot *out);
/* Asks the kernel where traffic for addr leaves (RTM_GETROUTE) into out (family, addr, the
 * device's index and name; index 0 when no route takes it). 0, or -errno when asking failed. */
struct snap_lookup;
int nlmodel_lookup(struct nlmodel *m, int family, const uint8_t *addr, struct snap_lookup *out);

/* Grows by one on every change of the model (events, counter readings): a UI compares it
 * with the value it last drew. */
uint64_t nlmodel_generation(const struct nlmodel *m);

/* Reads the device's counters now into out (the rates follow). 0, -ENODEV or -EIO. */
int nlmodel_read_counters(struct nlmodel *m, struct nl_counters *out);

/* 1 while one of the device's IPv6 addresses is still tentative (duplicate address detection). */
int nlmodel_dad_running(struct nlmodel *m);

/* How many times the event socket overran (notifications lost) and the model was re-read:
 * each one is also a NL_EVENT_RESYNC event. */
unsigned nlmodel_resyncs(const struct nlmodel *m);

/* The device's ifindex, 0 when absent. */
int nlmodel_ifindex(const struct nlmodel *m);

#endif
