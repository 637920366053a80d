/* quotering.h — the last frames kept for quoting (quote=frame:N): their first bytes, found by number. */
#ifndef TAPSCOPE_QUOTERING_H
#define TAPSCOPE_QUOTERING_H

#include <stdint.h>

#include "frame.h"

#define QUOTERING_FRAMES 1024	/* frames kept: at least the last this many */
#define QUOTERING_BYTES 1600	/* bytes kept of each: more than any ICMP error quotes (1280 + headers) */

struct quotering_slot {
	struct frame f;
	uint8_t data[QUOTERING_BYTES];
};

struct quotering {
	struct quotering_slot *slots;	/* QUOTERING_FRAMES, indexed by number % QUOTERING_FRAMES */
};

/* Returns 0 or -ENOMEM. */
int quotering_init(struct quotering *q);
void quotering_free(struct quotering *q);
/* Keeps a copy of f (f->number must be set, > 0), its data cut to QUOTERING_BYTES. */
void quotering_put(struct quotering *q, const struct frame *f);
/* Frame number n if still kept, else NULL. Valid until the next put. */
const struct frame *quotering_get(const struct quotering *q, uint64_t n);

#endif
