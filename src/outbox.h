/* outbox.h — every frame tapscope will write to the device waits here, in order, until the session drains it (or, on hold, until it is released). */
#ifndef TAPSCOPE_OUTBOX_H
#define TAPSCOPE_OUTBOX_H

#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

#define OUTBOX_MAX_FRAMES 4096		/* held frames beyond this are refused (counted) */

enum outbox_origin {
	OUTBOX_REPLY,		/* the responder's answer to a frame the kernel sent */
	OUTBOX_INJECT,		/* an injection job's packet */
};

struct outbox_item {
	uint64_t id;			/* 1, 2, ...: stable while the item waits */
	enum outbox_origin origin;
	unsigned job;			/* OUTBOX_INJECT: the job that made it */
	uint64_t answers;		/* OUTBOX_REPLY: the number of the frame it answers (0: unknown) */
	struct timeval queued;
	int edited;			/* replaced by a new spec while held */
	uint32_t len;
	uint8_t *data;
	struct outbox_item *next;
};

struct outbox {
	struct outbox_item *head, *tail;
	size_t n;
	int hold;			/* on: nothing leaves until released */
	uint64_t next_id;
	uint64_t refused_full;		/* frames not queued because the outbox was full */
};

void outbox_init(struct outbox *o);
/* Frees every waiting item. */
void outbox_clear(struct outbox *o);
/* Queues a copy of data. Returns the new item's id (> 0), -ENOBUFS when OUTBOX_MAX_FRAMES
 * wait already, or -ENOMEM. */
int64_t outbox_put(struct outbox *o, enum outbox_origin origin, unsigned job, uint64_t answers,
		   const uint8_t *data, size_t len);
/* Removes and returns the item with that id (0: the oldest), or NULL. Free it with outbox_item_free. */
struct outbox_item *outbox_take(struct outbox *o, uint64_t id);
void outbox_item_free(struct outbox_item *it);
/* The i-th waiting item (0: the oldest, next to leave), or NULL. */
const struct outbox_item *outbox_at(const struct outbox *o, size_t i);
/* The item with that id, or NULL. */
const struct outbox_item *outbox_find(const struct outbox *o, uint64_t id);
/* Replaces the bytes of item id in place (same position, same id). 0, -ENOENT or -ENOMEM. */
int outbox_replace(struct outbox *o, uint64_t id, const uint8_t *data, size_t len);

#endif
