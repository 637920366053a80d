/* cursor.h — the bounds-checked reader every decoder uses: no read ever passes the end it was given. */
#ifndef TAPSCOPE_CURSOR_H
#define TAPSCOPE_CURSOR_H

#include <stddef.h>
#include <stdint.h>

/*
 * A cursor walks buf[off .. end). A read that would pass end returns 0 and sets the
 * sticky "truncated" flag (tcpdump longjmps instead; we check the flag where a layer ends).
 * Offsets are absolute in the frame, so a field's offset is simply c->off before the read.
 */
struct cursor {
	const uint8_t *buf;
	uint32_t off;
	uint32_t end;
	int truncated;
};

static inline void cursor_init(struct cursor *c, const uint8_t *buf, uint32_t off, uint32_t end)
{
	c->buf = buf;
	c->off = off <= end ? off : end;
	c->end = end;
	c->truncated = 0;
}

static inline uint32_t cursor_left(const struct cursor *c) { return c->end - c->off; }

/* True when n more bytes can be read; does not touch the flag. */
static inline int cursor_has(const struct cursor *c, uint32_t n) { return n <= c->end - c->off; }

/* Like cursor_has, but a shortfall sets the flag. */
static inline int cursor_need(struct cursor *c, uint32_t n)
{
	if (n <= c->end - c->off)
		return 1;
	c->truncated = 1;
	return 0;
}

/* Pointer to the next n bytes (not consumed), or NULL and the flag. */
static inline const uint8_t *cursor_ptr(struct cursor *c, uint32_t n)
{
	return cursor_need(c, n) ? c->buf + c->off : NULL;
}

static inline int cursor_skip(struct cursor *c, uint32_t n)
{
	if (!cursor_need(c, n)) {
		c->off = c->end;
		return 0;
	}
	c->off += n;
	return 1;
}

static inline uint8_t cursor_u8(struct cursor *c)
{
	if (!cursor_need(c, 1))
		return 0;
	return c->buf[c->off++];
}

static inline uint16_t cursor_be16(struct cursor *c)
{
	const uint8_t *p;

	if (!cursor_need(c, 2))
		return 0;
	p = c->buf + c->off;
	c->off += 2;
	return (uint16_t)(p[0] << 8 | p[1]);
}

static inline uint32_t cursor_be32(struct cursor *c)
{
	const uint8_t *p;

	if (!cursor_need(c, 4))
		return 0;
	p = c->buf + c->off;
	c->off += 4;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Byte at off+rel without consuming it; 0 and the flag when out of range. */
static inline uint8_t cursor_peek(struct cursor *c, uint32_t rel)
{
	if (rel >= c->end - c->off) {
		c->truncated = 1;
		return 0;
	}
	return c->buf[c->off + rel];
}

/* A cursor over the next n bytes (fewer if fewer remain: the child then finds the shortfall). */
static inline struct cursor cursor_sub(const struct cursor *c, uint32_t n)
{
	struct cursor s = *c;

	if (n < c->end - c->off)
		s.end = c->off + n;
	s.truncated = 0;
	return s;
}

#endif
