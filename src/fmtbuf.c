/* fmtbuf.c — fast appends of text, numbers and addresses into a fixed buffer. */
#include <string.h>

#include "fmtbuf.h"

static const char hexdig[] = "0123456789abcdef";

void fmtbuf_mem(struct fmtbuf *b, const char *s, size_t n)
{
	size_t room = b->cap - 1 - b->len;

	if (n > room)
		n = room;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void fmtbuf_str(struct fmtbuf *b, const char *s)
{
	fmtbuf_mem(b, s, strlen(s));
}

void fmtbuf_u64(struct fmtbuf *b, uint64_t v)
{
	char tmp[24];
	int i = sizeof(tmp);

	do {
		tmp[--i] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	fmtbuf_mem(b, tmp + i, sizeof(tmp) - i);
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

void fmtbuf_hexbytes(struct fmtbuf *b, const uint8_t *p, size_t n, char sep)
{
	char tmp[3];
	size_t i;

	for (i = 0; i < n; i++) {
		tmp[0] = hexdig[p[i] >> 4];
		tmp[1] = hexdig[p[i] & 0xf];
		if (sep && i + 1 < n) {
			tmp[2] = sep;
			fmtbuf_mem(b, tmp, 3);
		} else {
			fmtbuf_mem(b, tmp, 2);
		}
		if (b->len + 1 >= b->cap)
			return;
	}
}

void fmtbuf_mac(struct fmtbuf *b, const uint8_t *p)
{
	fmtbuf_hexbytes(b, p, 6, ':');
}

void fmtbuf_ip4(struct fmtbuf *b, const uint8_t *p)
{
	char tmp[16];
	int n = 0, i;

	for (i = 0; i < 4; i++) {
		unsigned v = p[i];

		if (v >= 100)
			tmp[n++] = (char)('0' + v / 100);
		if (v >= 10)
			tmp[n++] = (char)('0' + v / 10 % 10);
		tmp[n++] = (char)('0' + v % 10);
		if (i < 3)
			tmp[n++] = '.';
	}
	fmtbuf_mem(b, tmp, n);
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
		{
			uint16_t v = w[i];
			int started = 0, s;

			for (s = 12; s >= 0; s -= 4) {
				unsigned d = (v >> s) & 0xf;

				if (d || started || s == 0) {
					tmp[n++] = hexdig[d];
					started = 1;
				}
			}
		}
		if (i < 7)
			tmp[n++] = ':';
	}
	fmtbuf_mem(b, tmp, n);
}
