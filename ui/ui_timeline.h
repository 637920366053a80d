/* ui_timeline.h — a device's netlink events (address added, carrier changed, neighbour state
 * changed...) kept in order with the frame each came after, so the frame list can show them as
 * dimmed rows between the frames around them ('t') and a saved pcapng can keep them as comments. */
#ifndef TAPSCOPE_UI_TIMELINE_H
#define TAPSCOPE_UI_TIMELINE_H

#include <stddef.h>
#include <stdint.h>

#include "nlevent.h"

#define TIMELINE_MAX 4096	/* events kept per device (the oldest go first) */

struct ui_store;

struct tl_event {
	struct nl_event ev;	/* a self-contained copy (nlevent.h) */
	uint64_t after;		/* the number of the last frame before it by time (0: before every frame) */
};

struct timeline;

struct timeline *timeline_new(void);
void timeline_free(struct timeline *tl);
/* Keeps ev, placed after the newest frame of st whose time is not later than the event's; an
 * event before any frame starts st's clock (the list's relative times count from it). */
void timeline_add(struct timeline *tl, const struct nl_event *ev, struct ui_store *st);
void timeline_clear(struct timeline *tl);
size_t timeline_count(const struct timeline *tl);
/* The i-th event kept (0: the oldest), or NULL. */
const struct tl_event *timeline_at(const struct timeline *tl, size_t i);
/* The index of the first event whose `after` is num or more (timeline_count when none). */
size_t timeline_from(const struct timeline *tl, uint64_t num);
/* The event as a line: "2026-12-01 12:00:01.234567 addr add 10.18.0.1/24 dev tap0 scope global". */
void timeline_text(const struct tl_event *e, char *buf, size_t len);

#endif
