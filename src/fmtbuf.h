/* fmtbuf.h — fast appends of text, numbers and addresses into a fixed buffer (no printf on hot paths). */
#ifndef TAPSCOPE_FMTBUF_H
#define TAPSCOPE_FMTBUF_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/*
 * Appends never overflow: text past the capacity is dropped and the buffer stays
 * NUL-terminated. cap must be at least 1.
 */
struct fmtbuf {
	char *p;
	size_t len;
	size_t cap;
};

static inline void fmtbuf_init(struct fmtbuf *b, char *buf, size_t cap)
{
	b->p = buf;
	b->len = 0;
	b->cap = cap;
	buf[0] = '\0';
}

/* What does not fit: as much as fits (out of line: it never happens on a normal line). */
void fmtbuf_mem_cut(struct fmtbuf *b, const char *s, size_t n);

/* Inline, so a literal's strlen and a small memcpy are resolved at compile time on hot paths
 * (the copy that fits keeps its constant size: clamping n in line would make every copy a loop). */
static inline void fmtbuf_mem(struct fmtbuf *b, const char *s, size_t n)
{
	if (__builtin_expect(n > b->cap - 1 - b->len, 0)) {
		fmtbuf_mem_cut(b, s, n);
		return;
	}
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}
static inline void fmtbuf_str(struct fmtbuf *b, const char *s) { fmtbuf_mem(b, s, strlen(s)); }
static inline void fmtbuf_char(struct fmtbuf *b, char ch)
{
	if (b->len + 1 >= b->cap)
		return;
	b->p[b->len++] = ch;
	b->p[b->len] = '\0';
}
/* "00".."99": two decimal digits at a time */
extern const char fmtbuf_digits2[201];
/* Decimal; the slow path (64-bit values, or no room for all the digits: then cut). */
void fmtbuf_u64_slow(struct fmtbuf *b, uint64_t v);

/* Writes x in decimal at o, with no check of room (10 bytes at most) and no NUL; returns the end. */
static inline char *fmtbuf_put_u32(char *o, uint32_t x)
{
	size_t n;

	if (x < 10000)
		n = x < 100 ? 1 + (x >= 10) : 3 + (x >= 1000);
	else if (x < 100000000)
		n = x < 1000000 ? 5 + (x >= 100000) : 7 + (x >= 10000000);
	else
		n = 9 + (x >= 1000000000);
	o += n;
	char *end = o;
	while (x >= 100) {
		uint32_t r = x % 100;

		x /= 100;
		o -= 2;
		memcpy(o, fmtbuf_digits2 + 2 * r, 2);
	}
	if (x >= 10)
		memcpy(o - 2, fmtbuf_digits2 + 2 * x, 2);
	else
		o[-1] = (char)('0' + x);
	return end;
}

/* Decimal. Inline, with 32-bit arithmetic: ports, lengths and sequence numbers on every line. */
static inline void fmtbuf_u64(struct fmtbuf *b, uint64_t v)
{
	if (v > UINT32_MAX || b->len + 11 >= b->cap) {
		fmtbuf_u64_slow(b, v);
		return;
	}
	b->len = (size_t)(fmtbuf_put_u32(b->p + b->len, (uint32_t)v) - b->p);
	b->p[b->len] = '\0';
}
void fmtbuf_i64(struct fmtbuf *b, int64_t v);
/* Lower-case hex, at least width digits (0: as many as needed), no prefix. */
void fmtbuf_hex(struct fmtbuf *b, uint64_t v, int width);
/* 02:00:5e:10:00:01 */
/* ... at o (18 bytes of room, no NUL); returns the end */
char *fmtbuf_put_mac(char *o, const uint8_t *p);
void fmtbuf_mac(struct fmtbuf *b, const uint8_t *p);
/* 10.18.0.1 (inline: two on most lines) */
struct fmtbuf_dec_byte {
	char s[4];	/* "255.", "7.\0\0" */
	uint32_t n;	/* its length, the dot included */
};
extern const struct fmtbuf_dec_byte fmtbuf_dec_byte[256];
/* Writes the dotted quad and a NUL at o (16 bytes of room); returns its length. */
static inline size_t fmtbuf_ip4_put(char *o, const uint8_t *p)
{
	char *start = o;

	memcpy(o, fmtbuf_dec_byte[p[0]].s, 4);
	o += fmtbuf_dec_byte[p[0]].n;
	memcpy(o, fmtbuf_dec_byte[p[1]].s, 4);
	o += fmtbuf_dec_byte[p[1]].n;
	memcpy(o, fmtbuf_dec_byte[p[2]].s, 4);
	o += fmtbuf_dec_byte[p[2]].n;
	memcpy(o, fmtbuf_dec_byte[p[3]].s, 4);
	o += fmtbuf_dec_byte[p[3]].n - 1;	/* the last dot goes */
	*o = '\0';
	return (size_t)(o - start);
}
/* The cut case (no room for the whole address), out of line. */
void fmtbuf_ip4_cut(struct fmtbuf *b, const uint8_t *p);
static inline void fmtbuf_ip4(struct fmtbuf *b, const uint8_t *p)
{
	if (b->len + 16 < b->cap)	/* in place when it fits */
		b->len += fmtbuf_ip4_put(b->p + b->len, p);
	else
		fmtbuf_ip4_cut(b, p);
}
/* RFC 5952 text (fd00::1, ::ffff:10.0.0.1), as inet_ntop, tcpdump and Wireshark print it. */
void fmtbuf_ip6(struct fmtbuf *b, const uint8_t *p);
/* The six digits of a microsecond count ("000042"; 0 when out of range). */
void fmtbuf_micros(struct fmtbuf *b, long micros);
/* n bytes as hex at o (room for 2 * n, no NUL); returns the end. */
char *fmtbuf_put_hex(char *o, const uint8_t *p, size_t n);
/* Bytes as hex, sep between bytes when sep is not 0. */
void fmtbuf_hexbytes(struct fmtbuf *b, const uint8_t *p, size_t n, char sep);

#endif
