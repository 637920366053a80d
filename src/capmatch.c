/* capmatch.c — which frames of an indexed capture pass a BPF filter or a find query: a bitmap and a count per block. */
/*
 * One bit a frame (10 million frames: 1.25 MB) and a count per block of 4096 frames, so that the
 * k-th match (the k-th row of a filtered list), the rank of a frame and the next/previous match
 * skip empty blocks instead of walking bits.
 */
#include "capindex.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bpf.h"

#define BLOCK_BITS 4096
#define WORDS_PER_BLOCK (BLOCK_BITS / 64)

struct capmatch {
	struct bpf_filter *bpf;		/* a BPF filter, or */
	struct capfind *find;		/* a find query */
	uint64_t scanned, count;
	uint64_t *bits;			/* bit n-1 for frame n */
	uint32_t *block;		/* matches in block b: frames b*4096+1 .. (b+1)*4096 */
	size_t nblocks;			/* blocks allocated */
};

static struct capmatch *capmatch_alloc(void)
{
	return calloc(1, sizeof(struct capmatch));
}

struct capmatch *capmatch_new_bpf(struct capindex *ix, const char *expr, char *err, size_t errlen)
{
	struct capmatch *m = capmatch_alloc();

	if (!m) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->bpf = bpf_filter_new(capindex_dlt(ix), expr, err, errlen);
	if (!m->bpf) {
		free(m);
		return NULL;
	}
	return m;
}

struct capmatch *capmatch_new_find(struct capindex *ix, const char *query, char *err, size_t errlen)
{
	struct capmatch *m = capmatch_alloc();

	(void)ix;
	if (!m) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	m->find = capfind_new(query, err, errlen);
	if (!m->find) {
		free(m);
		return NULL;
	}
	return m;
}

static int grow(struct capmatch *m, uint64_t frames)
{
	size_t need = (size_t)((frames + BLOCK_BITS - 1) / BLOCK_BITS), n;
	uint64_t *bits;
	uint32_t *block;

	if (need <= m->nblocks)
		return 0;
	n = m->nblocks ? m->nblocks : 16;
	while (n < need)
		n *= 2;
	bits = realloc(m->bits, n * WORDS_PER_BLOCK * sizeof(*bits));
	if (!bits)
		return -ENOMEM;
	m->bits = bits;
	block = realloc(m->block, n * sizeof(*block));
	if (!block)
		return -ENOMEM;
	m->block = block;
	memset(m->bits + m->nblocks * WORDS_PER_BLOCK, 0, (n - m->nblocks) * WORDS_PER_BLOCK * sizeof(*bits));
	memset(m->block + m->nblocks, 0, (n - m->nblocks) * sizeof(*block));
	m->nblocks = n;
	return 0;
}

int capmatch_step(struct capindex *ix, struct capmatch *m, unsigned max_frames, char *err, size_t errlen)
{
	uint64_t end = capindex_count(ix);
	unsigned k;

	if (end > m->scanned && grow(m, end) < 0) {
		snprintf(err, errlen, "out of memory");
		return -ENOMEM;
	}
	for (k = 0; k < max_frames && m->scanned < end; k++) {
		uint64_t n = m->scanned + 1;
		struct frame f;
		int rc = capindex_read(ix, n, &f, err, errlen), hit;

		if (rc < 0)
			return rc;
		hit = m->bpf ? bpf_filter_match(m->bpf, &f) : capfind_match(m->find, &f);
		if (hit) {
			m->bits[(n - 1) / 64] |= 1ull << ((n - 1) % 64);
			m->block[(n - 1) / BLOCK_BITS]++;
			m->count++;
		}
		m->scanned = n;
	}
	return m->scanned == end && capindex_done(ix) ? 1 : 0;
}

uint64_t capmatch_scanned(const struct capmatch *m) { return m->scanned; }
uint64_t capmatch_count(const struct capmatch *m) { return m->count; }

int capmatch_has(const struct capmatch *m, uint64_t n)
{
	if (n < 1 || n > m->scanned)
		return 0;
	return (int)(m->bits[(n - 1) / 64] >> ((n - 1) % 64) & 1);
}

uint64_t capmatch_kth(const struct capmatch *m, uint64_t k)
{
	size_t b, nb = (size_t)((m->scanned + BLOCK_BITS - 1) / BLOCK_BITS), w;

	if (k < 1 || k > m->count)
		return 0;
	for (b = 0; b < nb && k > m->block[b]; b++)
		k -= m->block[b];
	if (b == nb)
		return 0;
	for (w = b * WORDS_PER_BLOCK; w < (b + 1) * WORDS_PER_BLOCK; w++) {
		uint64_t x = m->bits[w];
		unsigned c = (unsigned)__builtin_popcountll(x);

		if (k > c) {
			k -= c;
			continue;
		}
		while (--k)
			x &= x - 1;	/* drop the lowest set bit k-1 times */
		return (uint64_t)w * 64 + (uint64_t)__builtin_ctzll(x) + 1;
	}
	return 0;
}

uint64_t capmatch_rank(const struct capmatch *m, uint64_t n)
{
	uint64_t r = 0, bit;
	size_t b, w;

	if (n > m->scanned)
		n = m->scanned;
	if (n == 0)
		return 0;
	bit = n - 1;	/* frames 1..n are bits 0..n-1 */
	for (b = 0; b < bit / BLOCK_BITS; b++)
		r += m->block[b];
	for (w = (size_t)(bit / BLOCK_BITS) * WORDS_PER_BLOCK; w < bit / 64; w++)
		r += (uint64_t)__builtin_popcountll(m->bits[w]);
	r += (uint64_t)__builtin_popcountll(m->bits[bit / 64] & (~0ull >> (63 - bit % 64)));
	return r;
}

uint64_t capmatch_next(const struct capmatch *m, uint64_t n)
{
	uint64_t bit = n;	/* the first candidate is frame n+1: bit n */

	while (bit < m->scanned) {
		size_t b = (size_t)(bit / BLOCK_BITS);
		uint64_t x;

		if (!m->block[b]) {
			bit = (uint64_t)(b + 1) * BLOCK_BITS;
			continue;
		}
		x = m->bits[bit / 64] & (~0ull << (bit % 64));
		if (x) {
			uint64_t hit = bit / 64 * 64 + (uint64_t)__builtin_ctzll(x);

			return hit < m->scanned ? hit + 1 : 0;
		}
		bit = (bit / 64 + 1) * 64;
	}
	return 0;
}

uint64_t capmatch_prev(const struct capmatch *m, uint64_t n)
{
	uint64_t bit;

	if (n <= 1)
		return 0;
	if (n - 1 > m->scanned)
		n = m->scanned + 1;
	bit = n - 2;	/* the first candidate is frame n-1: bit n-2 */
	for (;;) {
		size_t b = (size_t)(bit / BLOCK_BITS);
		uint64_t x;

		if (!m->block[b]) {
			if (b == 0)
				return 0;
			bit = (uint64_t)b * BLOCK_BITS - 1;
			continue;
		}
		x = m->bits[bit / 64] & (~0ull >> (63 - bit % 64));
		if (x)
			return bit / 64 * 64 + (uint64_t)(63 - __builtin_clzll(x)) + 1;
		if (bit < 64)
			return 0;
		bit = bit / 64 * 64 - 1;
	}
}

void capmatch_free(struct capmatch *m)
{
	if (!m)
		return;
	bpf_filter_free(m->bpf);
	capfind_free(m->find);
	free(m->bits);
	free(m->block);
	free(m);
}
