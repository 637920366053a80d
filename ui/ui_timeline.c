/* ui_timeline.c — a device's netlink events in a bounded ring, each placed after the frame that
 * came before it by time (the frame list interleaves them; pcapng keeps them as comments). */
#include "ui_timeline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "ui_store.h"

#define LOOK_BACK 256		/* frames looked at to place an event that came in late */

struct timeline {
	struct tl_event ev[TIMELINE_MAX];
	size_t start, n;
};

struct timeline *timeline_new(void)
{
	return calloc(1, sizeof(struct timeline));
}

void timeline_free(struct timeline *tl)
{
	free(tl);
}

size_t timeline_count(const struct timeline *tl)
{
	return tl ? tl->n : 0;
}

const struct tl_event *timeline_at(const struct timeline *tl, size_t i)
{
	return tl && i < tl->n ? &tl->ev[(tl->start + i) % TIMELINE_MAX] : NULL;
}

void timeline_clear(struct timeline *tl)
{
	if (tl)
		tl->start = tl->n = 0;
}

/* The newest frame kept whose time is not after ts: frames are read in batches, so one stamped
 * before the event may be stored after it. */
static uint64_t frame_before(const struct ui_store *st, const struct timeval *ts)
{
	size_t n = store_count(st);

	for (size_t k = 0; k < n && k < LOOK_BACK; k++) {
		const struct frame *f = store_at(st, n - 1 - k);

		if (!timercmp(&f->ts, ts, >))
			return f->number;
		if (k + 1 == n || k + 1 == LOOK_BACK)
			return f->number - 1;	/* earlier than every frame looked at */
	}
	return 0;
}

void timeline_add(struct timeline *tl, const struct nl_event *ev, struct ui_store *st)
{
	const struct tl_event *last = timeline_at(tl, tl ? tl->n - 1 : 0);
	struct tl_event *e;
	uint64_t after;

	if (!tl)
		return;
	if (!st->t0.tv_sec && !st->t0.tv_usec)
		st->t0 = ev->ts;
	after = frame_before(st, &ev->ts);
	if (last && last->after > after)
		after = last->after;	/* kept in order */
	if (tl->n == TIMELINE_MAX) {
		tl->start = (tl->start + 1) % TIMELINE_MAX;
		tl->n--;
	}
	e = &tl->ev[(tl->start + tl->n++) % TIMELINE_MAX];
	e->ev = *ev;
	e->after = after;
}

size_t timeline_from(const struct timeline *tl, uint64_t num)
{
	size_t lo = 0, hi = timeline_count(tl);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (timeline_at(tl, mid)->after < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

void timeline_text(const struct tl_event *e, char *buf, size_t len)
{
	struct tm tm;
	time_t t = e->ev.ts.tv_sec;
	int n;

	localtime_r(&t, &tm);
	n = (int)strftime(buf, len, "%Y-%m-%d %H:%M:%S", &tm);
	n += snprintf(buf + n, len > (size_t)n ? len - (size_t)n : 0, ".%06ld ", (long)e->ev.ts.tv_usec);
	if ((size_t)n < len)
		nlevent_format(&e->ev, buf + n, len - (size_t)n);
}
