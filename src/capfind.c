/* capfind.c — find in a capture: the next or previous frame whose summary holds a text, or that satisfies a field condition. */
#include "capindex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "fieldmatch.h"

struct capfind {
	int condition;
	int name_seen;		/* a frame tested had the condition's field */
	int tested;		/* a frame was tested at all */
	struct fieldmatch m;
	char text[256];
	struct decoded d;	/* reused for every frame tested (fixed size, no allocation a frame) */
};

struct capfind *capfind_new(const char *query, char *err, size_t errlen)
{
	struct capfind *q;

	if (!query || !*query) {
		snprintf(err, errlen, "nothing to find: give a text, or a field condition such as ip.ttl == 1");
		return NULL;
	}
	q = calloc(1, sizeof(*q));
	if (!q) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	if (fieldmatch_looks_like(query)) {
		if (fieldmatch_parse(&q->m, query, err, errlen) < 0) {
			free(q);
			return NULL;
		}
		q->condition = 1;
	} else {
		size_t n = strlen(query);

		if (n >= 2 && query[0] == '"' && query[n - 1] == '"') {	/* "echo reply": the text inside */
			query++;
			n -= 2;
		}
		if (!n || n >= sizeof(q->text)) {
			snprintf(err, errlen, n ? "text to find too long (at most %zu characters)" :
				 "nothing to find between the quotes", sizeof(q->text) - 1);
			free(q);
			return NULL;
		}
		memcpy(q->text, query, n);
		q->text[n] = '\0';
	}
	return q;
}

int capfind_is_condition(const struct capfind *q) { return q->condition; }

const char *capfind_text(const struct capfind *q) { return q->condition ? "" : q->text; }

const char *capfind_name_unseen(const struct capfind *q)
{
	return q->condition && q->tested && !q->name_seen ? q->m.name : NULL;
}

int capfind_match(struct capfind *q, const struct frame *f)
{
	if (q->condition) {
		int hit;

		decode_frame(&q->d, f);
		q->tested = 1;
		hit = fieldmatch_eval(&q->m, &q->d);
		if (!q->name_seen)
			q->name_seen = hit || fieldmatch_seen(&q->m, &q->d);
		return hit;
	}
	decode_frame_summary(&q->d, f);
	return strcasestr(decode_summary(&q->d), q->text) != NULL;
}

/* Backward, a stride at a time read forward (frames are re-read forward from a kept offset, so
 * stepping back one frame at a time would re-read a stride per frame): the last match wins. */
static int search_back(struct capindex *ix, struct capfind *q, const struct capmatch *within, uint64_t from,
		       unsigned max_frames, uint64_t *at, char *err, size_t errlen)
{
	uint64_t hi = from - 1, tested = 0;

	if (hi > capindex_count(ix))
		hi = capindex_count(ix);
	while (hi >= 1 && tested < max_frames) {
		uint64_t lo = (hi - 1) / CAPINDEX_STRIDE * CAPINDEX_STRIDE + 1, n, found = 0;

		for (n = lo; n <= hi; n++) {
			struct frame f;
			int rc = capindex_read(ix, n, &f, err, errlen);

			if (rc < 0)
				return rc;
			if ((!within || capmatch_has(within, n)) && capfind_match(q, &f))
				found = n;
		}
		tested += hi - lo + 1;
		*at = lo;
		if (found) {
			*at = found;
			return 1;
		}
		hi = lo - 1;
	}
	return hi >= 1 ? 0 : -ENOENT;
}

int capfind_search(struct capindex *ix, struct capfind *q, uint64_t from, int backward, unsigned max_frames,
		   uint64_t *at, char *err, size_t errlen)
{
	return capfind_search_in(ix, q, NULL, from, backward, max_frames, at, err, errlen);
}

/* The next frame after n to test: the next indexed frame, or the next one within matches;
 * 0 when there is none (yet). */
static uint64_t next_candidate(const struct capindex *ix, const struct capmatch *within, uint64_t n)
{
	if (!within)
		return n < capindex_count(ix) ? n + 1 : 0;
	return capmatch_next(within, n);
}

int capfind_search_in(struct capindex *ix, struct capfind *q, const struct capmatch *within, uint64_t from,
		      int backward, unsigned max_frames, uint64_t *at, char *err, size_t errlen)
{
	uint64_t n = from;
	unsigned k;

	*at = from;
	if (backward)
		return from <= 1 ? -ENOENT : search_back(ix, q, within, from, max_frames, at, err, errlen);
	for (k = 0; k < max_frames; k++) {
		struct frame f;
		int rc;

		n = next_candidate(ix, within, n);
		if (!n) {
			if (within)	/* none among the frames tested: go on from the last one tested */
				*at = *at > capmatch_scanned(within) ? *at : capmatch_scanned(within);
			return -ENOENT;
		}
		rc = capindex_read(ix, n, &f, err, errlen);
		if (rc < 0)
			return rc;
		*at = n;
		if (capfind_match(q, &f))
			return 1;
	}
	return 0;
}

void capfind_free(struct capfind *q)
{
	free(q);
}
