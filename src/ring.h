/* ring.h — the bounded store of captured frames the UI browses (oldest dropped first). */
#ifndef TAPSCOPE_RING_H
#define TAPSCOPE_RING_H

#include <stddef.h>
#include <stdint.h>
#include "frame.h"

#define RING_DEFAULT_FRAMES 100000

/* What the UI keeps of a frame's pipeline meta (struct frame_meta without the locator), beside
 * the frame: why the responder did not answer it, who wrote it, which frame it answers. */
struct frame_note {
	uint8_t why;		/* FRAME_IN: enum resp_why */
	uint8_t origin;		/* FRAME_OUT: enum outbox_origin */
	uint8_t held;		/* FRAME_OUT: it waited on hold and was released */
	uint8_t edited;		/* FRAME_OUT: replaced by a new spec while held */
	unsigned job;		/* FRAME_OUT from an injection: its job (0: none) */
	uint64_t answers;	/* FRAME_OUT reply: the number of the frame it answers (0: none) */
};

struct ring;

/* A store for up to max_frames frames. NULL when out of memory. */
struct ring *ring_new(size_t max_frames);
void ring_free(struct ring *r);
/* Copies f in (data included) with its note (NULL: none); when full, the oldest frame is
 * dropped. Returns 0 or -ENOMEM. */
int ring_push(struct ring *r, const struct frame *f, const struct frame_note *note);
/* Frames held now. */
size_t ring_count(const struct ring *r);
/* Frames dropped to keep within the bound since the last ring_clear. */
uint64_t ring_dropped(const struct ring *r);
/* The i-th frame held (0: the oldest), or NULL. */
const struct frame *ring_get(const struct ring *r, size_t i);
/* The note kept with the i-th frame, or NULL. */
const struct frame_note *ring_note(const struct ring *r, size_t i);
/* Index of the frame with that number, or -1 if it is no longer (or not yet) held. */
long ring_find(const struct ring *r, uint64_t number);
/* Forgets every frame (numbers keep counting up). */
void ring_clear(struct ring *r);

#endif
