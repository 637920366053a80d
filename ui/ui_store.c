/* ui_store.c — the frames the UI keeps for browsing: the bounded ring with a note beside each
 * frame, and the listeners (list panes) that hear of new frames. */
#include "ui_store.h"

#include <stdlib.h>
#include <string.h>

#include "capindex.h"

struct ui_store *store_new(size_t max)
{
	struct ui_store *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->ring = ring_new(max);
	if (!st->ring) {
		free(st);
		return NULL;
	}
	return st;
}

struct ui_store *store_new_file(struct capindex *ix)
{
	struct ui_store *st = calloc(1, sizeof(*st));
	char err[256];

	if (!st || !(st->fr = calloc(1, sizeof(*st->fr)))) {
		free(st);
		return NULL;
	}
	st->ix = ix;
	if (capindex_read(ix, 1, st->fr, err, sizeof(err)) == 0)
		st->t0 = st->fr->ts;
	return st;
}

void store_free(struct ui_store *st)
{
	if (!st)
		return;
	if (st->ring)
		ring_free(st->ring);
	free(st->fr);
	free(st);
}

void store_add(struct ui_store *st, const struct frame *f, const struct frame_meta *m)
{
	struct frame_note n = { 0 };

	if (m) {
		n.why = (uint8_t)m->why;
		n.origin = (uint8_t)m->origin;
		n.held = (uint8_t)!!m->held;
		n.edited = (uint8_t)!!m->edited;
		n.job = m->job;
		n.answers = m->answers;
	}
	if (!st->t0.tv_sec && !st->t0.tv_usec)
		st->t0 = f->ts;
	if (ring_push(st->ring, f, &n) < 0)
		return;
	for (int i = 0; i < st->nlisten; i++)
		st->listen[i].fn(st->listen[i].arg, STORE_ADDED, f);
}

static const struct frame *file_get(const struct ui_store *st, uint64_t num, const struct frame_note **note)
{
	static const struct frame_note none;
	char err[256];

	if (capindex_read(st->ix, num, st->fr, err, sizeof(err)) < 0)
		return NULL;
	if (note)
		*note = &none;
	return st->fr;
}

const struct frame *store_get(const struct ui_store *st, uint64_t num, const struct frame_note **note)
{
	long i;

	if (st->ix)
		return file_get(st, num, note);
	i = num ? ring_find(st->ring, num) : -1;

	if (i < 0)
		return NULL;
	if (note)
		*note = ring_note(st->ring, (size_t)i);
	return ring_get(st->ring, (size_t)i);
}

const struct frame *store_at(const struct ui_store *st, size_t i)
{
	if (!st->ring)
		return NULL;
	return ring_get(st->ring, i);
}

size_t store_count(const struct ui_store *st)
{
	if (!st->ring)
		return 0;
	return ring_count(st->ring);
}

uint64_t store_oldest(const struct ui_store *st)
{
	const struct frame *f = st->ring ? ring_get(st->ring, 0) : NULL;

	return f ? f->number : 0;
}

uint64_t store_dropped(const struct ui_store *st)
{
	if (!st->ring)
		return 0;
	return ring_dropped(st->ring);
}

void store_clear(struct ui_store *st)
{
	if (!st->ring)
		return;
	ring_clear(st->ring);
	for (int i = 0; i < st->nlisten; i++)
		st->listen[i].fn(st->listen[i].arg, STORE_CLEARED, NULL);
}

int store_listen(struct ui_store *st, store_listen_fn fn, void *arg)
{
	if (st->nlisten == STORE_LISTENERS)
		return -1;
	st->listen[st->nlisten].fn = fn;
	st->listen[st->nlisten++].arg = arg;
	return 0;
}

double store_rel_time(const struct ui_store *st, const struct frame *f)
{
	return (double)(f->ts.tv_sec - st->t0.tv_sec) + (double)(f->ts.tv_usec - st->t0.tv_usec) / 1e6;
}
