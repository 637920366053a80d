/* quotering.c — the last frames kept for quoting (quote=frame:N): their first bytes, found by number. */
#include "quotering.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int quotering_init(struct quotering *q)
{
	q->slots = calloc(QUOTERING_FRAMES, sizeof(*q->slots));
	return q->slots ? 0 : -ENOMEM;
}

void quotering_free(struct quotering *q)
{
	free(q->slots);
	q->slots = NULL;
}

void quotering_put(struct quotering *q, const struct frame *f)
{
	struct quotering_slot *s;
	uint32_t n = f->caplen < QUOTERING_BYTES ? f->caplen : QUOTERING_BYTES;

	if (!q->slots || !f->number)
		return;
	s = &q->slots[f->number % QUOTERING_FRAMES];
	s->f = *f;
	memcpy(s->data, f->data, n);
	s->f.data = s->data;
	s->f.caplen = n;
}

const struct frame *quotering_get(const struct quotering *q, uint64_t n)
{
	const struct quotering_slot *s;

	if (!q->slots || !n)
		return NULL;
	s = &q->slots[n % QUOTERING_FRAMES];
	return s->f.number == n ? &s->f : NULL;
}
