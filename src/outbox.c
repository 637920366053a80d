/* outbox.c — every frame tapscope will write to the device waits here, in order, until drained or released. */
#include "outbox.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void outbox_init(struct outbox *o)
{
	memset(o, 0, sizeof(*o));
	o->next_id = 1;
}

void outbox_item_free(struct outbox_item *it)
{
	if (it)
		free(it->data);
	free(it);
}

void outbox_clear(struct outbox *o)
{
	while (o->head) {
		struct outbox_item *it = o->head;

		o->head = it->next;
		outbox_item_free(it);
	}
	o->tail = NULL;
	o->n = 0;
}

int64_t outbox_put(struct outbox *o, enum outbox_origin origin, unsigned job, uint64_t answers,
		   const uint8_t *data, size_t len)
{
	struct outbox_item *it;

	if (o->n >= OUTBOX_MAX_FRAMES) {
		o->refused_full++;
		return -ENOBUFS;
	}
	it = calloc(1, sizeof(*it));
	if (!it || !(it->data = malloc(len ? len : 1))) {
		free(it);
		return -ENOMEM;
	}
	memcpy(it->data, data, len);
	it->len = (uint32_t)len;
	it->id = o->next_id++;
	it->origin = origin;
	it->job = job;
	it->answers = answers;
	gettimeofday(&it->queued, NULL);
	if (o->tail)
		o->tail->next = it;
	else
		o->head = it;
	o->tail = it;
	o->n++;
	return (int64_t)it->id;
}

struct outbox_item *outbox_take(struct outbox *o, uint64_t id)
{
	struct outbox_item *prev = NULL, *it = o->head;

	while (it && id && it->id != id) {
		prev = it;
		it = it->next;
	}
	if (!it)
		return NULL;
	if (prev)
		prev->next = it->next;
	else
		o->head = it->next;
	if (o->tail == it)
		o->tail = prev;
	it->next = NULL;
	o->n--;
	return it;
}

const struct outbox_item *outbox_at(const struct outbox *o, size_t i)
{
	const struct outbox_item *it = o->head;

	while (it && i--)
		it = it->next;
	return it;
}

const struct outbox_item *outbox_find(const struct outbox *o, uint64_t id)
{
	const struct outbox_item *it = o->head;

	while (it && it->id != id)
		it = it->next;
	return it;
}

int outbox_replace(struct outbox *o, uint64_t id, const uint8_t *data, size_t len)
{
	struct outbox_item *it = (struct outbox_item *)outbox_find(o, id);
	uint8_t *copy;

	if (!it)
		return -ENOENT;
	copy = malloc(len ? len : 1);
	if (!copy)
		return -ENOMEM;
	memcpy(copy, data, len);
	free(it->data);
	it->data = copy;
	it->len = (uint32_t)len;
	it->edited = 1;
	return 0;
}
