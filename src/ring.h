/* ring.h — the bounded store of captured frames the UI browses (oldest dropped first). */
#ifndef TAPSCOPE_RING_H
#define TAPSCOPE_RING_H

#include <stddef.h>
#include <stdint.h>
#include "frame.h"

#define RING_DEFAULT_FRAMES 100000

struct ring;

/* A store for up to max_frames frames. NULL when out of memory. */
struct ring *ring_new(size_t max_frames);
void ring_free(struct ring *r);
/* Copies f in (data included); when full, the oldest frame is dropped. Returns 0 or -ENOMEM. */
int ring_push(struct ring *r, const struct frame *f);
/* Frames held now. */
size_t ring_count(const struct ring *r);
/* Frames dropped to keep within the bound since the last ring_clear. */
uint64_t ring_dropped(const struct ring *r);
/* The i-th frame held (0: the oldest), or NULL. */
const struct frame *ring_get(const struct ring *r, size_t i);
/* Index of the frame with that number, or -1 if it is no longer (or not yet) held. */
long ring_find(const struct ring *r, uint64_t number);
/* Forgets every frame (numbers keep counting up). */
void ring_clear(struct ring *r);

#endif
