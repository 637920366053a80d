/* nlmodel.c — the live netlink model of one device: libnl-route caches on our epoll, change events, counters, snapshots. */
#include "nlmodel.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/neighbour.h>
#include <linux/rtnetlink.h>
#include <netlink/cache.h>
#include <netlink/netlink.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/route/neighbour.h>
#include <netlink/route/route.h>

#include "addrset.h"
#include "loop.h"
#include "nlobj.h"
#include "nlrouteget.h"
#include "tuninfo.h"

#define COUNTER_PERIOD_NS 1000000000ull
#define EVENT_RCVBUF (8 << 20)	/* the kernel doubles it: about 16 MiB of queued notifications */
#define RECONCILE_DELAY_NS 50000000ull

struct nlmodel {
	struct loop *loop;
	char ifname[NLSNAP_IFNAMSIZ];
	int ifindex;
	struct nl_cache_mngr *mngr;
	struct nl_sock *sync;		/* our own requests: tun details, counters, reconciling */
	int mngr_fd;
	struct nl_cache *links, *addrs, *routes, *neighs;
	int local_routes;
	int ready;			/* initial load done: events are reported from then on */
	int need_reconcile;
	int reconcile_timer;		/* pending one-shot, or -1 */
	int gone_ifindex;		/* the device vanished: its objects go at the reconcile */
	struct snap_link last_link;	/* as last reported, to drop link messages that change nothing visible */
	nlmodel_event_fn event_fn;
	void *event_arg;
	nlmodel_addrs_fn addrs_fn;
	void *addrs_arg;
	struct addrset feed;		/* what addrs_fn was last given (storage reused) */
	int addrs_dirty;		/* the device's addresses changed since the feed was last given */
	struct tun_info tun;
	int has_counters;
	struct nl_counters ctr;
	struct nl_rates rate;
	uint64_t ctr_ns;
	int watchers;
	int timer;
	uint64_t gen;
	unsigned resyncs;		/* times the event socket overran and the model was re-read */
};

/* ---- what belongs to the device ---- */

static struct rtnl_link *find_link(struct nlmodel *m)
{
	for (struct nl_object *o = nl_cache_get_first(m->links); o; o = nl_cache_get_next(o)) {
		struct rtnl_link *l = (struct rtnl_link *)o;
		const char *name = rtnl_link_get_name(l);

		if (rtnl_link_get_family(l) == AF_UNSPEC && name && !strcmp(name, m->ifname))
			return l;
	}
	return NULL;
}

static int link_is_down(struct nlmodel *m)
{
	struct rtnl_link *l = find_link(m);

	return !l || !(rtnl_link_get_flags(l) & IFF_UP) || !rtnl_link_get_carrier(l);
}

static int table_wanted(struct nlmodel *m, unsigned table)
{
	return table == RT_TABLE_MAIN || (m->local_routes && table == RT_TABLE_LOCAL);
}

static int addr_is_ours(struct nlmodel *m, struct rtnl_addr *a)
{
	int fam = rtnl_addr_get_family(a);

	return m->ifindex && rtnl_addr_get_ifindex(a) == m->ifindex && (fam == AF_INET || fam == AF_INET6);
}

static struct rtnl_nexthop *route_is_ours(struct nlmodel *m, struct rtnl_route *r)
{
	int fam = rtnl_route_get_family(r);

	if (!m->ifindex || (fam != AF_INET && fam != AF_INET6) || !table_wanted(m, rtnl_route_get_table(r)))
		return NULL;
	return nlobj_route_nh_on(r, m->ifindex);
}

static int neigh_is_ours(struct nlmodel *m, struct rtnl_neigh *n)
{
	int fam = rtnl_neigh_get_family(n);

	/* as `ip neigh show`: entries in NOARP state (multicast, loopback) are not shown */
	return m->ifindex && rtnl_neigh_get_ifindex(n) == m->ifindex && (fam == AF_INET || fam == AF_INET6) &&
	       !(rtnl_neigh_get_state(n) & NUD_NOARP);
}

/* ---- tun details, holders, counters ---- */

static void refresh_tun(struct nlmodel *m, int holders)
{
	struct tun_info tun;
	struct nl_counters ctr;

	memset(&tun, 0, sizeof(tun));
	tun.owner = tun.group = -1;
	tun.num_queues = tun.num_disabled_queues = -1;
	if (!m->ifindex) {
		m->tun = tun;
		return;
	}
	memset(&ctr, 0, sizeof(ctr));
	if (tuninfo_query(m->sync, m->ifindex, &tun, &ctr) == 0) {
		if (!m->has_counters) {
			m->ctr = ctr;
			m->has_counters = 1;
			m->ctr_ns = loop_now_ns();
		}
	}
	if (!tun.valid) {
		struct rtnl_link *l = find_link(m);
		const char *kind = l ? rtnl_link_get_type(l) : NULL;

		if (kind && !strcmp(kind, "tun"))
			tuninfo_read_sysfs(m->ifname, m->ifindex, &tun);
	}
	if (tun.valid) {
		if (holders)
			tuninfo_holders(m->ifname, &tun);
		else {
			tun.nholders = m->tun.nholders;
			memcpy(tun.holders, m->tun.holders, sizeof(tun.holders));
		}
	}
	m->tun = tun;
}

static void rate_of(double *out, uint64_t now, uint64_t before, double secs)
{
	*out = now >= before ? (double)(now - before) / secs : 0;
}

static void read_counters(struct nlmodel *m)
{
	struct nl_counters c;
	struct nl_rates *r = &m->rate;
	uint64_t now = loop_now_ns();
	double secs;

	if (!m->ifindex || tuninfo_query(m->sync, m->ifindex, NULL, &c) < 0)
		return;
	secs = (double)(now - m->ctr_ns) / 1e9;
	if (m->has_counters && secs > 0.05) {
		rate_of(&r->rx_packets, c.rx_packets, m->ctr.rx_packets, secs);
		rate_of(&r->tx_packets, c.tx_packets, m->ctr.tx_packets, secs);
		rate_of(&r->rx_bytes, c.rx_bytes, m->ctr.rx_bytes, secs);
		rate_of(&r->tx_bytes, c.tx_bytes, m->ctr.tx_bytes, secs);
		rate_of(&r->rx_errors, c.rx_errors, m->ctr.rx_errors, secs);
		rate_of(&r->tx_errors, c.tx_errors, m->ctr.tx_errors, secs);
		rate_of(&r->rx_dropped, c.rx_dropped, m->ctr.rx_dropped, secs);
		rate_of(&r->tx_dropped, c.tx_dropped, m->ctr.tx_dropped, secs);
		r->valid = 1;
	}
	m->ctr = c;
	m->ctr_ns = now;
	m->has_counters = 1;
}

static void counter_tick(struct loop *loop, int timer, void *arg)
{
	struct nlmodel *m = arg;

	(void)loop;
	(void)timer;
	read_counters(m);
	m->gen++;	/* not in snapshots' own readings: a UI redrawing on change would spin */
}

void nlmodel_watch_counters(struct nlmodel *m, int on)
{
	if (on) {
		if (m->watchers++ == 0 && m->loop) {
			read_counters(m);
			m->timer = loop_add_timer(m->loop, COUNTER_PERIOD_NS, COUNTER_PERIOD_NS, counter_tick, m);
		}
		return;
	}
	if (m->watchers > 0 && --m->watchers == 0 && m->timer >= 0 && m->loop) {
		loop_del_timer(m->loop, m->timer);
		m->timer = -1;
	}
}

/* ---- events ---- */

static void emit(struct nlmodel *m, struct nl_event *ev)
{
	m->gen++;
	if (!m->event_fn)
		return;
	gettimeofday(&ev->ts, NULL);
	snprintf(ev->ifname, sizeof(ev->ifname), "%s", m->ifname);
	m->event_fn(ev, m->event_arg);
}

/* The address feed is given once per wake-up, not once per change: a batch of thousands of
 * address changes would otherwise rebuild the whole set thousands of times. */
static void notify_addrs(struct nlmodel *m)
{
	m->addrs_dirty = 1;
}

static void feed_addrs(struct nlmodel *m)
{
	if (!m->addrs_fn || !m->addrs_dirty)
		return;
	m->addrs_dirty = 0;
	nlmodel_addrs(m, &m->feed);
	m->addrs_fn(&m->feed, m->addrs_arg);
}

static enum nl_event_action action_of(int act)
{
	return act == NL_ACT_NEW ? NL_EVENT_ADD : act == NL_ACT_DEL ? NL_EVENT_DEL : NL_EVENT_CHANGE;
}

static int same_link(const struct snap_link *a, const struct snap_link *b)
{
	return a->present == b->present && a->ifindex == b->ifindex && a->flags == b->flags &&
	       a->operstate == b->operstate && a->carrier == b->carrier && a->mtu == b->mtu &&
	       a->has_mac == b->has_mac && !memcmp(a->mac, b->mac, 6) && a->txqlen == b->txqlen &&
	       !strcmp(a->qdisc, b->qdisc) && !strcmp(a->name, b->name);
}

static void on_link(struct nlmodel *m, struct rtnl_link *l, int act)
{
	const char *name = rtnl_link_get_name(l);
	struct nl_event ev = { .kind = NL_EVENT_LINK, .action = action_of(act) };
	int was_up;

	if (rtnl_link_get_family(l) != AF_UNSPEC || !name)
		return;
	/* renamed away: for the model, the device of that name is gone */
	if (strcmp(name, m->ifname) != 0 && !(m->ifindex && rtnl_link_get_ifindex(l) == m->ifindex))
		return;
	if (strcmp(name, m->ifname) != 0)
		act = NL_ACT_DEL;
	ev.action = action_of(act);
	was_up = m->last_link.present && (m->last_link.flags & IFF_UP);
	if (act == NL_ACT_DEL) {
		if (rtnl_link_get_ifindex(l) != m->ifindex)
			return;
		ev.u.link = m->last_link;
		memset(&m->last_link, 0, sizeof(m->last_link));
		m->need_reconcile = 1;
		emit(m, &ev);
		m->ifindex = 0;
		m->has_counters = 0;
		memset(&m->rate, 0, sizeof(m->rate));
		refresh_tun(m, 0);
		notify_addrs(m);
		return;
	}
	if (m->ifindex != rtnl_link_get_ifindex(l)) {
		m->ifindex = rtnl_link_get_ifindex(l);
		m->has_counters = 0;
		memset(&m->rate, 0, sizeof(m->rate));
		ev.action = NL_EVENT_ADD;
	}
	nlobj_link_snap(l, &ev.u.link);
	refresh_tun(m, 1);
	if (ev.action == NL_EVENT_CHANGE && same_link(&ev.u.link, &m->last_link)) {
		m->gen++;	/* holders may have changed */
		return;
	}
	/* the kernel drops IPv4 routes of a device going down without telling anyone */
	if ((was_up && !(ev.u.link.flags & IFF_UP)) || (m->last_link.carrier && !ev.u.link.carrier))
		m->need_reconcile = 1;
	m->last_link = ev.u.link;
	emit(m, &ev);
	/* a device renamed back brings its addresses without address events */
	if (ev.action == NL_EVENT_ADD)
		notify_addrs(m);
}

static void on_addr(struct nlmodel *m, struct rtnl_addr *a, int act)
{
	struct nl_event ev = { .kind = NL_EVENT_ADDR, .action = action_of(act) };

	if (!addr_is_ours(m, a))
		return;
	nlobj_addr_snap(a, &ev.u.addr);
	/* routes whose source was this address go silently */
	if (act == NL_ACT_DEL)
		m->need_reconcile = 1;
	emit(m, &ev);
	notify_addrs(m);
}

static void on_route(struct nlmodel *m, struct rtnl_route *r, int act)
{
	struct nl_event ev = { .kind = NL_EVENT_ROUTE, .action = action_of(act) };
	struct rtnl_nexthop *nh = route_is_ours(m, r);

	if (!nh)
		return;
	/* the message's own flag: the link may not have caught up yet */
	nlobj_route_snap(r, nh, (rtnl_route_nh_get_flags(nh) & RTNH_F_LINKDOWN) != 0, &ev.u.route);
	emit(m, &ev);
}

static void on_neigh(struct nlmodel *m, struct rtnl_neigh *n, int act)
{
	struct nl_event ev = { .kind = NL_EVENT_NEIGH, .action = action_of(act) };

	if (!neigh_is_ours(m, n))
		return;
	nlobj_neigh_snap(n, &ev.u.neigh);
	emit(m, &ev);
}

static void on_change(struct nl_cache *cache, struct nl_object *obj, int act, void *arg)
{
	struct nlmodel *m = arg;
	const char *type = nl_object_get_type(obj);

	(void)cache;
	if (!m->ready || !type)
		return;
	if (!strcmp(type, "route/link"))
		on_link(m, (struct rtnl_link *)obj, act);
	else if (!strcmp(type, "route/addr"))
		on_addr(m, (struct rtnl_addr *)obj, act);
	else if (!strcmp(type, "route/route"))
		on_route(m, (struct rtnl_route *)obj, act);
	else if (!strcmp(type, "route/neigh"))
		on_neigh(m, (struct rtnl_neigh *)obj, act);
}

/* ---- reconciling what the kernel removes without a notification ---- */

typedef int (*ours_fn)(struct nlmodel *m, struct nl_object *o);

static int route_obj_ours(struct nlmodel *m, struct nl_object *o)
{
	return route_is_ours(m, (struct rtnl_route *)o) != NULL;
}

static int neigh_obj_ours(struct nlmodel *m, struct nl_object *o)
{
	return neigh_is_ours(m, (struct rtnl_neigh *)o);
}

static int ifindex_of(struct nl_object *o, int route)
{
	if (route) {
		struct rtnl_route *r = (struct rtnl_route *)o;
		struct rtnl_nexthop *nh = rtnl_route_get_nnexthops(r) > 0 ? rtnl_route_nexthop_n(r, 0) : NULL;

		return nh ? rtnl_route_nh_get_ifindex(nh) : 0;
	}
	return rtnl_neigh_get_ifindex((struct rtnl_neigh *)o);
}

/* Drops objects of the managed cache that the kernel no longer has (reporting each as a
 * deletion) and takes in ones it has but we missed. gone_ifindex: objects of a device that
 * vanished, which route_obj_ours can no longer recognise. */
static void reconcile_cache(struct nlmodel *m, struct nl_cache *managed, struct nl_cache *fresh,
			    ours_fn ours, int route, int gone_ifindex)
{
	struct nl_object *o, *next;

	for (o = nl_cache_get_first(managed); o; o = next) {
		struct nl_object *hit;

		next = nl_cache_get_next(o);
		if (!ours(m, o) && !(gone_ifindex && ifindex_of(o, route) == gone_ifindex))
			continue;
		hit = nl_cache_search(fresh, o);
		if (hit) {
			nl_object_put(hit);
			continue;
		}
		nl_object_get(o);
		nl_cache_remove(o);
		if (ours(m, o))
			on_change(managed, o, NL_ACT_DEL, m);
		nl_object_put(o);
	}
	for (o = nl_cache_get_first(fresh); o; o = nl_cache_get_next(o)) {
		struct nl_object *hit, *copy;

		if (!ours(m, o))
			continue;
		hit = nl_cache_search(managed, o);
		if (hit) {
			nl_object_put(hit);
			continue;
		}
		copy = nl_object_clone(o);
		if (!copy)
			continue;
		if (nl_cache_add(managed, copy) == 0)
			on_change(managed, copy, NL_ACT_NEW, m);
		nl_object_put(copy);
	}
}

static void reconcile(struct nlmodel *m, int gone_ifindex)
{
	struct nl_cache *fresh;

	m->need_reconcile = 0;
	if (rtnl_route_alloc_cache(m->sync, AF_UNSPEC, 0, &fresh) == 0) {
		reconcile_cache(m, m->routes, fresh, route_obj_ours, 1, gone_ifindex);
		nl_cache_free(fresh);
	}
	if (rtnl_neigh_alloc_cache(m->sync, &fresh) == 0) {
		reconcile_cache(m, m->neighs, fresh, neigh_obj_ours, 0, gone_ifindex);
		nl_cache_free(fresh);
	}
}

/* ---- resync after the event socket overran (ENOBUFS): notifications were lost ---- */

/* Reads and drops everything queued on the event socket. It predates the re-read that follows,
 * and a gap (the lost notifications) lies somewhere in it: applying it on top of the re-read
 * would bring back what the lost notifications removed. Returns how many were dropped. */
static unsigned long drain(int fd)
{
	static char buf[65536];
	unsigned long n = 0;

	for (;;) {
		ssize_t r = recv(fd, buf, sizeof(buf), MSG_DONTWAIT);

		if (r > 0)
			n++;
		else if (r < 0 && (errno == EINTR || errno == ENOBUFS))
			continue;	/* ENOBUFS: it overran again meanwhile; keep draining */
		else
			return n;
	}
}

/* 1 if o (in a managed cache) is the device's: what on_change would report. */
static int obj_ours(struct nlmodel *m, struct nl_object *o)
{
	const char *type = nl_object_get_type(o);

	if (!strcmp(type, "route/link")) {
		struct rtnl_link *l = (struct rtnl_link *)o;
		const char *name = rtnl_link_get_name(l);

		return rtnl_link_get_family(l) == AF_UNSPEC &&
		       ((name && !strcmp(name, m->ifname)) || (m->ifindex && rtnl_link_get_ifindex(l) == m->ifindex));
	}
	if (!strcmp(type, "route/addr"))
		return addr_is_ours(m, (struct rtnl_addr *)o);
	if (!strcmp(type, "route/route"))
		return route_is_ours(m, (struct rtnl_route *)o) != NULL;
	return neigh_is_ours(m, (struct rtnl_neigh *)o);
}

/* 1 if the device's object a (the model's) and b (the kernel's) would show the same. */
static int obj_same(struct nlmodel *m, struct nl_object *a, struct nl_object *b)
{
	const char *type = nl_object_get_type(a);
	union { struct snap_link l; struct snap_addr a; struct snap_route r; struct snap_neigh n; } x, y;

	memset(&x, 0, sizeof(x));
	memset(&y, 0, sizeof(y));
	if (!strcmp(type, "route/link")) {
		nlobj_link_snap((struct rtnl_link *)a, &x.l);
		nlobj_link_snap((struct rtnl_link *)b, &y.l);
		return same_link(&x.l, &y.l);
	} else if (!strcmp(type, "route/addr")) {
		nlobj_addr_snap((struct rtnl_addr *)a, &x.a);
		nlobj_addr_snap((struct rtnl_addr *)b, &y.a);
	} else if (!strcmp(type, "route/route")) {
		struct rtnl_nexthop *na = route_is_ours(m, (struct rtnl_route *)a);
		struct rtnl_nexthop *nb = route_is_ours(m, (struct rtnl_route *)b);

		if (!na || !nb)
			return !na && !nb;
		nlobj_route_snap((struct rtnl_route *)a, na, 0, &x.r);
		nlobj_route_snap((struct rtnl_route *)b, nb, 0, &y.r);
	} else {
		nlobj_neigh_snap((struct rtnl_neigh *)a, &x.n);
		nlobj_neigh_snap((struct rtnl_neigh *)b, &y.n);
	}
	return !memcmp(&x, &y, sizeof(x));
}

/* Takes o out of managed, reporting it as deleted if it was the device's. */
static unsigned take_out(struct nlmodel *m, struct nl_cache *managed, struct nl_object *o)
{
	unsigned n = 0;

	nl_object_get(o);
	nl_cache_remove(o);
	if (obj_ours(m, o)) {
		on_change(managed, o, NL_ACT_DEL, m);
		n = 1;
	}
	nl_object_put(o);
	return n;
}

/* Makes managed hold exactly what fresh holds. The device's objects go through on_change, so
 * events, the address feed and the generation follow. Returns how many of them changed. */
static unsigned sync_cache(struct nlmodel *m, struct nl_cache *managed, struct nl_cache *fresh)
{
	struct nl_object *o, *next, *hit, *copy;
	unsigned n = 0;

	for (o = nl_cache_get_first(managed); o; o = next) {
		next = nl_cache_get_next(o);
		hit = nl_cache_search(fresh, o);
		if (hit)
			nl_object_put(hit);
		else
			n += take_out(m, managed, o);
	}
	for (o = nl_cache_get_first(fresh); o; o = nl_cache_get_next(o)) {
		int act = NL_ACT_NEW;

		hit = nl_cache_search(managed, o);
		if (hit) {
			int same = obj_ours(m, hit) ? obj_same(m, hit, o) : !nl_object_diff(hit, o);

			if (!same) {
				nl_cache_remove(hit);
				act = NL_ACT_CHANGE;
			}
			nl_object_put(hit);
			if (same)
				continue;
		}
		copy = nl_object_clone(o);
		if (!copy)
			continue;
		if (nl_cache_add(managed, copy) == 0 && obj_ours(m, copy)) {
			on_change(managed, copy, act, m);
			n++;
		}
		nl_object_put(copy);
	}
	return n;
}

/* Drain, re-read every cache, diff against the model (events for what differs), and one
 * RESYNC event saying it happened. Links go first: they decide what the device's index is. */
static void resync(struct nlmodel *m)
{
	struct nl_event ev = { .kind = NL_EVENT_RESYNC };
	struct nl_cache *fresh;
	unsigned changes = 0;

	ev.u.resync.stale = drain(nl_cache_mngr_get_fd(m->mngr));
	m->resyncs++;
	if (rtnl_link_alloc_cache(m->sync, AF_UNSPEC, &fresh) == 0) {
		changes += sync_cache(m, m->links, fresh);
		nl_cache_free(fresh);
	}
	if (!find_link(m) && m->ifindex) {
		struct rtnl_link *gone = rtnl_link_alloc();	/* vanished unseen: report it as on_link would */

		if (gone) {
			rtnl_link_set_ifindex(gone, m->ifindex);
			rtnl_link_set_name(gone, m->ifname);
			rtnl_link_set_family(gone, AF_UNSPEC);
			on_link(m, gone, NL_ACT_DEL);
			rtnl_link_put(gone);
			changes++;
		}
	}
	if (rtnl_addr_alloc_cache(m->sync, &fresh) == 0) {
		changes += sync_cache(m, m->addrs, fresh);
		nl_cache_free(fresh);
	}
	if (rtnl_route_alloc_cache(m->sync, AF_UNSPEC, 0, &fresh) == 0) {
		changes += sync_cache(m, m->routes, fresh);
		nl_cache_free(fresh);
	}
	if (rtnl_neigh_alloc_cache(m->sync, &fresh) == 0) {
		changes += sync_cache(m, m->neighs, fresh);
		nl_cache_free(fresh);
	}
	notify_addrs(m);
	ev.u.resync.changes = changes;
	emit(m, &ev);
}

static void on_reconcile(struct loop *loop, int timer, void *arg)
{
	struct nlmodel *m = arg;

	(void)loop;
	(void)timer;
	m->reconcile_timer = -1;	/* one-shot: the loop has removed it */
	reconcile(m, m->gone_ifindex);
	m->gone_ifindex = 0;
	feed_addrs(m);
}

static void on_readable(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct nlmodel *m = arg;
	int gone = m->ifindex, err;

	(void)loop;
	(void)fd;
	(void)events;
	err = nl_cache_mngr_data_ready(m->mngr);
	/* libnl reports the socket's ENOBUFS as NLE_NOMEM */
	if (err == -NLE_NOMEM || err == -NLE_DUMP_INTR)
		resync(m);
	feed_addrs(m);
	if (!m->need_reconcile)
		return;
	if (!m->ifindex && gone)
		m->gone_ifindex = gone;
	/* the kernel announces a link going down before it has dropped the routes: ask a moment later */
	if (m->reconcile_timer < 0)
		m->reconcile_timer = loop_add_timer(m->loop, RECONCILE_DELAY_NS, 0, on_reconcile, m);
	if (m->reconcile_timer < 0) {
		reconcile(m, m->gone_ifindex);
		m->gone_ifindex = 0;
		feed_addrs(m);
	}
}

/* ---- construction ---- */

static int add_cache(struct nlmodel *m, const char *name, struct nl_cache **out, char *err, size_t errlen)
{
	int e = nl_cache_mngr_add(m->mngr, name, on_change, m, out);

	if (e < 0)
		snprintf(err, errlen, "netlink: cannot follow %s: %s", name, nl_geterror(e));
	return e;
}

struct nlmodel *nlmodel_new(struct loop *loop, const char *ifname, char *err, size_t errlen)
{
	struct nlmodel *m = calloc(1, sizeof(*m));
	struct rtnl_link *l;
	int e = 0, rcvbuf = EVENT_RCVBUF;

	if (!m) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->loop = loop;
	m->timer = -1;
	m->reconcile_timer = -1;
	m->mngr_fd = -1;
	snprintf(m->ifname, sizeof(m->ifname), "%s", ifname);
	m->sync = nl_socket_alloc();
	if (!m->sync || (e = nl_connect(m->sync, NETLINK_ROUTE)) < 0) {
		snprintf(err, errlen, "netlink: %s", m->sync ? nl_geterror(e) : "out of memory");
		goto fail;
	}
	nl_socket_disable_auto_ack(m->sync);
	e = nl_cache_mngr_alloc(NULL, NETLINK_ROUTE, 0, &m->mngr);
	if (e < 0) {
		snprintf(err, errlen, "netlink: cannot start the cache manager: %s", nl_geterror(e));
		goto fail;
	}
	if (add_cache(m, "route/link", &m->links, err, errlen) < 0 ||
	    add_cache(m, "route/addr", &m->addrs, err, errlen) < 0 ||
	    add_cache(m, "route/route", &m->routes, err, errlen) < 0 ||
	    add_cache(m, "route/neigh", &m->neighs, err, errlen) < 0)
		goto fail;
	/* a burst (a device with many routes going down, a script adding thousands of addresses)
	 * should not overrun the socket; FORCE passes net.core.rmem_max with CAP_NET_ADMIN. If it
	 * overruns anyway, resync() repairs the model. */
	if (setsockopt(nl_cache_mngr_get_fd(m->mngr), SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)) < 0)
		setsockopt(nl_cache_mngr_get_fd(m->mngr), SOL_SOCKET, SO_RCVBUF, &rcvbuf, sizeof(rcvbuf));
	l = find_link(m);
	if (l) {
		m->ifindex = rtnl_link_get_ifindex(l);
		nlobj_link_snap(l, &m->last_link);
	}
	refresh_tun(m, 1);
	m->ready = 1;
	if (loop) {
		m->mngr_fd = nl_cache_mngr_get_fd(m->mngr);
		e = loop_add_fd(loop, m->mngr_fd, EPOLLIN, on_readable, m);
		if (e < 0) {
			snprintf(err, errlen, "cannot watch netlink: %s", strerror(-e));
			m->mngr_fd = -1;
			goto fail;
		}
	}
	return m;
fail:
	nlmodel_free(m);
	return NULL;
}

void nlmodel_free(struct nlmodel *m)
{
	if (!m)
		return;
	if (m->loop && m->timer >= 0)
		loop_del_timer(m->loop, m->timer);
	if (m->loop && m->reconcile_timer >= 0)
		loop_del_timer(m->loop, m->reconcile_timer);
	if (m->loop && m->mngr_fd >= 0)
		loop_del_fd(m->loop, m->mngr_fd);
	if (m->mngr)
		nl_cache_mngr_free(m->mngr);
	if (m->sync)
		nl_socket_free(m->sync);
	addrset_free(&m->feed);
	free(m);
}

void nlmodel_set_event_cb(struct nlmodel *m, nlmodel_event_fn fn, void *arg)
{
	m->event_fn = fn;
	m->event_arg = arg;
}

void nlmodel_set_addrs_cb(struct nlmodel *m, nlmodel_addrs_fn fn, void *arg)
{
	m->addrs_fn = fn;
	m->addrs_arg = arg;
	m->addrs_dirty = 1;
	feed_addrs(m);
}

void nlmodel_set_local_routes(struct nlmodel *m, int on)
{
	m->local_routes = on;
	m->gen++;
}

int nlmodel_addrs(struct nlmodel *m, struct addrset *out)
{
	addrset_clear(out);
	if (!m->ifindex)
		return -ENODEV;
	for (struct nl_object *o = nl_cache_get_first(m->addrs); o; o = nl_cache_get_next(o)) {
		struct rtnl_addr *a = (struct rtnl_addr *)o;
		struct snap_addr s;
		struct dev_addr d = { 0 };

		if (!addr_is_ours(m, a))
			continue;
		nlobj_addr_snap(a, &s);
		if (s.flags & IFA_F_DADFAILED)
			continue;
		d.family = s.family;
		memcpy(d.addr, s.addr, sizeof(d.addr));
		d.prefixlen = s.prefixlen;
		addrset_append(out, &d);	/* the cache holds each address once */
	}
	return out->n;
}

int nlmodel_snapshot(struct nlmodel *m, struct nl_snapshot *out)
{
	struct rtnl_link *l = find_link(m);
	int down;

	nlsnap_clear(out);
	snprintf(out->ifname, sizeof(out->ifname), "%s", m->ifname);
	out->tun.owner = out->tun.group = -1;
	if (!l || !m->ifindex)
		return -ENODEV;
	nlobj_link_snap(l, &out->link);
	if (m->watchers == 0) {
		read_counters(m);
		refresh_tun(m, 1);
	}
	out->tun = m->tun;
	if (out->tun.valid)
		snprintf(out->link.kind, sizeof(out->link.kind), "%s", out->tun.is_tap ? "tap" : "tun");
	out->has_counters = m->has_counters;
	out->ctr = m->ctr;
	out->rate = m->rate;
	down = link_is_down(m);
	/* every object the device has: room is made first (the caches hold at most that many) */
	if (nlsnap_reserve(out, nl_cache_nitems(m->addrs), nl_cache_nitems(m->routes), nl_cache_nitems(m->neighs)) < 0)
		return -ENOMEM;
	for (struct nl_object *o = nl_cache_get_first(m->addrs); o; o = nl_cache_get_next(o))
		if (addr_is_ours(m, (struct rtnl_addr *)o))
			nlobj_addr_snap((struct rtnl_addr *)o, &out->addrs[out->naddrs++]);
	for (struct nl_object *o = nl_cache_get_first(m->routes); o; o = nl_cache_get_next(o)) {
		struct rtnl_nexthop *nh = route_is_ours(m, (struct rtnl_route *)o);

		if (nh)
			nlobj_route_snap((struct rtnl_route *)o, nh, down, &out->routes[out->nroutes++]);
	}
	for (struct nl_object *o = nl_cache_get_first(m->neighs); o; o = nl_cache_get_next(o))
		if (neigh_is_ours(m, (struct rtnl_neigh *)o))
			nlobj_neigh_snap((struct rtnl_neigh *)o, &out->neighs[out->nneighs++]);
	return 0;
}

int nlmodel_lookup(struct nlmodel *m, int family, const uint8_t *addr, struct snap_lookup *out)
{
	int e, oif = 0;

	memset(out, 0, sizeof(*out));
	out->family = family;
	memcpy(out->addr, addr, family == AF_INET ? 4 : 16);
	e = nlrouteget_oif(m->sync, family, addr, &oif);
	if (e == -ENETUNREACH || e == -ENOENT)
		return 0;	/* asked: no route takes it anywhere */
	if (e < 0) {
		out->family = 0;
		return e;
	}
	out->ifindex = oif;
	if (!rtnl_link_i2name(m->links, oif, out->ifname, sizeof(out->ifname)))
		snprintf(out->ifname, sizeof(out->ifname), "if%d", oif);
	return 0;
}

uint64_t nlmodel_generation(const struct nlmodel *m)
{
	return m->gen;
}

unsigned nlmodel_resyncs(const struct nlmodel *m)
{
	return m->resyncs;
}

int nlmodel_ifindex(const struct nlmodel *m)
{
	return m->ifindex;
}

int nlmodel_read_counters(struct nlmodel *m, struct nl_counters *out)
{
	if (!m || !m->ifindex)
		return -ENODEV;
	read_counters(m);
	if (!m->has_counters)
		return -EIO;
	*out = m->ctr;
	return 0;
}

int nlmodel_dad_running(struct nlmodel *m)
{
	if (!m)
		return 0;
	for (struct nl_object *o = nl_cache_get_first(m->addrs); o; o = nl_cache_get_next(o)) {
		struct rtnl_addr *a = (struct rtnl_addr *)o;

		if (addr_is_ours(m, a) && rtnl_addr_get_family(a) == AF_INET6 &&
		    (rtnl_addr_get_flags(a) & IFA_F_TENTATIVE))
			return 1;
	}
	return 0;
}
