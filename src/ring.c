/* ring.c — the bounded store of captured frames the UI browses (oldest dropped first). */
#include "ring.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct ring {
	struct frame *slots;
	struct frame_note *notes;	/* beside slots, same index */
	size_t max, head, count;	/* head: index of the oldest */
	uint64_t dropped;
};

struct ring *ring_new(size_t max_frames)
{
	struct ring *r = calloc(1, sizeof(*r));

	if (!r || !max_frames)
		goto fail;
	r->slots = calloc(max_frames, sizeof(*r->slots));
	r->notes = calloc(max_frames, sizeof(*r->notes));
	if (!r->slots || !r->notes)
		goto fail;
	r->max = max_frames;
	return r;
fail:
	if (r) {
		free(r->slots);
		free(r->notes);
	}
	free(r);
	return NULL;
}

void ring_clear(struct ring *r)
{
	for (size_t i = 0; i < r->count; i++)
		free((void *)r->slots[(r->head + i) % r->max].data);
	r->head = r->count = 0;
	r->dropped = 0;
}

void ring_free(struct ring *r)
{
	if (!r)
		return;
	ring_clear(r);
	free(r->slots);
	free(r->notes);
	free(r);
}

int ring_push(struct ring *r, const struct frame *f, const struct frame_note *note)
{
	static const struct frame_note none;
	size_t at;
	uint8_t *copy = malloc(f->caplen ? f->caplen : 1);
	struct frame *slot;

	if (!copy)
		return -ENOMEM;
	memcpy(copy, f->data, f->caplen);
	if (r->count == r->max) {
		free((void *)r->slots[r->head].data);
		r->head = (r->head + 1) % r->max;
		r->count--;
		r->dropped++;
	}
	at = (r->head + r->count) % r->max;
	slot = &r->slots[at];
	*slot = *f;
	r->notes[at] = note ? *note : none;
	slot->data = copy;
	r->count++;
	return 0;
}

size_t ring_count(const struct ring *r)
{
	return r->count;
}

uint64_t ring_dropped(const struct ring *r)
{
	return r->dropped;
}

const struct frame *ring_get(const struct ring *r, size_t i)
{
	return i < r->count ? &r->slots[(r->head + i) % r->max] : NULL;
}

const struct frame_note *ring_note(const struct ring *r, size_t i)
{
	return i < r->count ? &r->notes[(r->head + i) % r->max] : NULL;
}

long ring_find(const struct ring *r, uint64_t number)
{
	uint64_t first;

	if (!r->count)
		return -1;
	first = r->slots[r->head].number;
	if (number < first || number - first >= r->count)
		return -1;
	return (long)(number - first);
}
