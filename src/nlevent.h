/* nlevent.h — one netlink change on the device (link, addr, route, neigh), and its `ip monitor`-like line. */
#ifndef TAPSCOPE_NLEVENT_H
#define TAPSCOPE_NLEVENT_H

#include <stdio.h>
#include <sys/time.h>

#include "nlsnap.h"

/* RESYNC: the event socket overran (notifications were lost) and the model was re-read from
 * the kernel; the changes it found came as events of the other kinds just before it. */
enum nl_event_kind { NL_EVENT_LINK, NL_EVENT_ADDR, NL_EVENT_ROUTE, NL_EVENT_NEIGH, NL_EVENT_RESYNC };
enum nl_event_action { NL_EVENT_ADD, NL_EVENT_CHANGE, NL_EVENT_DEL };

/* A self-contained copy: the UI may keep it on its timeline after the callback returns. */
struct nl_event {
	enum nl_event_kind kind;
	enum nl_event_action action;
	struct timeval ts;		/* wall clock when tapscope learnt of it, like frame.ts */
	char ifname[NLSNAP_IFNAMSIZ];
	union {
		struct snap_link link;
		struct snap_addr addr;
		struct snap_route route;
		struct snap_neigh neigh;
		struct {
			unsigned changes;	/* adds, changes and deletions found for the device */
			unsigned long stale;	/* queued notifications dropped unread: older than the re-read */
		} resync;
	} u;
};

/* "link", "addr", "route", "neigh", "resync" */
const char *nlevent_kind_name(enum nl_event_kind kind);

/* The line without its timestamp, e.g. "addr add 10.18.0.1/24 dev tap0 scope global" or
 * "link tap0 UP LOWER_UP state UP mtu 1500". Returns the length the whole line needs. */
int nlevent_format(const struct nl_event *ev, char *buf, size_t len);

/* Writes "HH:MM:SS.uuuuuu " (local time, as frame lines) and the line above, and a newline. */
void nlevent_print(FILE *out, const struct nl_event *ev);

#endif
