/* fmtbuf.c — fast appends of text, numbers and addresses into a fixed buffer. */
#include <string.h>

#include "fmtbuf.h"

static const char hexdig[] = "0123456789abcdef";

/* two digits at a time: the division count halves */
const char fmtbuf_digits2[201] =
	"00010203040506070809101112131415161718192021222324252627282930313233343536373839"
	"40414243444546474849505152535455565758596061626364656667686970717273747576777879"
	"8081828384858687888990919293949596979899";

void fmtbuf_u64_slow(struct fmtbuf *b, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	fmtbuf_mem(b, tmp + i, sizeof(tmp) - (size_t)i);
}

void fmtbuf_i64(struct fmtbuf *b, int64_t v)
{
	if (v < 0) {
		fmtbuf_char(b, '-');
		fmtbuf_u64(b, (uint64_t)0 - (uint64_t)v);
		return;
	}
	fmtbuf_u64(b, (uint64_t)v);
}

void fmtbuf_hex(struct fmtbuf *b, uint64_t v, int width)
{
	char tmp[16];
	int i = sizeof(tmp);

	if (width > 16)
		width = 16;
	do {
		tmp[--i] = hexdig[v & 0xf];
		v >>= 4;
	} while (v);
	while ((int)sizeof(tmp) - i < width)
		tmp[--i] = '0';
	fmtbuf_mem(b, tmp + i, sizeof(tmp) - i);
}

/* "000102...ff": two characters a byte, copied as a pair */
static const char hexpair[513] =
	"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
	"202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
	"404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
	"606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f"
	"808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
	"a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf"
	"c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf"
	"e0e1e2e3e4e5e6e7e8e9eaebecedeeeff0f1f2f3f4f5f6f7f8f9fafbfcfdfeff";

void fmtbuf_hexbytes(struct fmtbuf *b, const uint8_t *p, size_t n, char sep)
{
	size_t room = b->cap - 1 - b->len, i;
	char *o = b->p + b->len;

	if (!sep) {
		if (2 * n > room)
			n = room / 2;	/* whole bytes only; the buffer stays terminated */
		for (i = 0; i < n; i++)
			memcpy(o + 2 * i, hexpair + 2 * p[i], 2);
		o += 2 * n;
	} else if (n) {
		if (3 * n > room)
			n = room / 3;	/* as many "xx:" as fit, the last without its ':' */
		for (i = 0; i < n; i++) {
			memcpy(o, hexpair + 2 * p[i], 2);
			o[2] = sep;
			o += 3;
		}
		if (n)
			o--;	/* no separator after the last */
	}
	b->len = (size_t)(o - b->p);
	b->p[b->len] = '\0';
}

void fmtbuf_mac(struct fmtbuf *b, const uint8_t *p)
{
	fmtbuf_hexbytes(b, p, 6, ':');
}

/* "255." and its length 4, "7." and 2: each byte of a dotted quad is one 4-byte copy */
static struct { char s[4]; uint32_t n; } dec_byte[256];
static int dec_byte_ready;

static void dec_byte_init(void)
{
	for (unsigned v = 0; v < 256; v++) {
		uint32_t n = 0;

		if (v >= 100)
			dec_byte[v].s[n++] = (char)('0' + v / 100);
		if (v >= 10)
			dec_byte[v].s[n++] = (char)('0' + v / 10 % 10);
		dec_byte[v].s[n++] = (char)('0' + v % 10);
		dec_byte[v].s[n++] = '.';
		dec_byte[v].n = n;
	}
	dec_byte_ready = 1;
}

void fmtbuf_ip4(struct fmtbuf *b, const uint8_t *p)
{
	char tmp[16], *o;

	if (!dec_byte_ready)
		dec_byte_init();
	o = b->len + 16 < b->cap ? b->p + b->len : tmp;	/* straight into place when it fits */
	{
		char *start = o;

		for (int i = 0; i < 4; i++) {
			memcpy(o, dec_byte[p[i]].s, 4);
			o += dec_byte[p[i]].n;
		}
		o[-1] = '\0';	/* the last dot goes */
		if (start == tmp)
			fmtbuf_mem(b, tmp, (size_t)(o - 1 - tmp));
		else
			b->len += (size_t)(o - 1 - start);
	}
}

void fmtbuf_ip6(struct fmtbuf *b, const uint8_t *p)
{
	char tmp[48];
	uint16_t w[8];
	int best = -1, bestlen = 0, cur = -1, curlen = 0, i, n = 0;

	for (i = 0; i < 8; i++) {
		w[i] = (uint16_t)(p[2 * i] << 8 | p[2 * i + 1]);
		if (w[i] == 0) {
			if (cur < 0)
				cur = i, curlen = 0;
			if (++curlen > bestlen)
				best = cur, bestlen = curlen;
		} else {
			cur = -1;
		}
	}
	if (bestlen < 2)
		best = -1;
	for (i = 0; i < 8; i++) {
		if (i == best) {
			tmp[n++] = ':';
			if (i == 0)
				tmp[n++] = ':';
			i += bestlen - 1;
			continue;
		}
		/* ::ffff:a.b.c.d — the mapped-IPv4 form inet_ntop uses */
		if (i == 6 && best == 0 && (bestlen == 6 || (bestlen == 5 && w[5] == 0xffff))) {
			struct fmtbuf t;

			fmtbuf_init(&t, tmp + n, sizeof(tmp) - n);
			fmtbuf_ip4(&t, p + 12);
			n += (int)t.len;
			break;
		}
		{	/* the word in hex without leading zeros: whole byte pairs from the table */
			unsigned v = w[i], hi = v >> 8, lo = v & 0xff;

			if (hi >= 0x10) {
				memcpy(tmp + n, hexpair + 2 * hi, 2);
				n += 2;
			} else if (hi) {
				tmp[n++] = hexdig[hi];
			}
			if (hi || lo >= 0x10) {
				memcpy(tmp + n, hexpair + 2 * lo, 2);
				n += 2;
			} else {
				tmp[n++] = hexdig[lo];
			}
		}
		if (i < 7)
			tmp[n++] = ':';
	}
	fmtbuf_mem(b, tmp, n);
}

void fmtbuf_micros(struct fmtbuf *b, long micros)
{
	uint32_t u = micros < 0 || micros > 999999 ? 0 : (uint32_t)micros;
	char us[6];

	memcpy(us + 4, fmtbuf_digits2 + 2 * (u % 100), 2);
	u /= 100;
	memcpy(us + 2, fmtbuf_digits2 + 2 * (u % 100), 2);
	memcpy(us, fmtbuf_digits2 + 2 * (u / 100), 2);
	fmtbuf_mem(b, us, 6);
}
