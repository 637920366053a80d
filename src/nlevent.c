/* nlevent.c — one netlink change on the device (link, addr, route, neigh), and its `ip monitor`-like line. */
#include "nlevent.h"

#include <time.h>

#include "nlfmt.h"

static const char *kind_names[] = { "link", "addr", "route", "neigh", "resync" };
static const char *action_names[] = { "add", "change", "del" };

const char *nlevent_kind_name(enum nl_event_kind kind)
{
	if ((unsigned)kind >= sizeof(kind_names) / sizeof(kind_names[0]))
		return "?";
	return kind_names[kind];
}

static int format_link(const struct nl_event *ev, char *buf, size_t len)
{
	char body[160];

	if (ev->action == NL_EVENT_DEL)
		return snprintf(buf, len, "link del %s", ev->ifname);
	nlfmt_link_line(&ev->u.link, body, sizeof(body));
	/* a change reads as ip monitor's: "link tap0 UP LOWER_UP ..." */
	return snprintf(buf, len, "link %s%s", ev->action == NL_EVENT_ADD ? "add " : "", body);
}

int nlevent_format(const struct nl_event *ev, char *buf, size_t len)
{
	char body[256];

	switch (ev->kind) {
	case NL_EVENT_LINK:
		return format_link(ev, buf, len);
	case NL_EVENT_ADDR:
		nlfmt_addr_line(&ev->u.addr, ev->ifname, body, sizeof(body));
		break;
	case NL_EVENT_ROUTE:
		nlfmt_route_line(&ev->u.route, ev->ifname, body, sizeof(body));
		break;
	case NL_EVENT_NEIGH:
		nlfmt_neigh_line(&ev->u.neigh, ev->ifname, body, sizeof(body));
		break;
	case NL_EVENT_RESYNC:
		return snprintf(buf, len, "resync: netlink notifications were lost (the socket overran); re-read "
				"links, addresses, routes and neighbours: %u change%s to %s, %lu stale notification%s dropped",
				ev->u.resync.changes, ev->u.resync.changes == 1 ? "" : "s", ev->ifname,
				ev->u.resync.stale, ev->u.resync.stale == 1 ? "" : "s");
	default:
		return snprintf(buf, len, "?");
	}
	return snprintf(buf, len, "%s %s %s", nlevent_kind_name(ev->kind),
			action_names[ev->action <= NL_EVENT_DEL ? ev->action : NL_EVENT_CHANGE], body);
}

void nlevent_print(FILE *out, const struct nl_event *ev)
{
	char line[320], ts[16];
	time_t secs = ev->ts.tv_sec;
	struct tm tm;

	localtime_r(&secs, &tm);
	strftime(ts, sizeof(ts), "%H:%M:%S", &tm);
	nlevent_format(ev, line, sizeof(line));
	fprintf(out, "%s.%06ld %s\n", ts, (long)ev->ts.tv_usec, line);
}
