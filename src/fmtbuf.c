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

char *fmtbuf_put_hex(char *o, const uint8_t *p, size_t n)
{
	size_t i = 0;

	for (; i + 4 <= n; i += 4, o += 8) {
		memcpy(o, hexpair + 2 * p[i], 2);
		memcpy(o + 2, hexpair + 2 * p[i + 1], 2);
		memcpy(o + 4, hexpair + 2 * p[i + 2], 2);
		memcpy(o + 6, hexpair + 2 * p[i + 3], 2);
	}
	for (; i < n; i++, o += 2)
		memcpy(o, hexpair + 2 * p[i], 2);
	return o;
}

void fmtbuf_hexbytes(struct fmtbuf *b, const uint8_t *p, size_t n, char sep)
{
	size_t room = b->cap - 1 - b->len, i;
	char *o = b->p + b->len;

	if (!sep) {
		if (2 * n > room)
			n = room / 2;	/* whole bytes only; the buffer stays terminated */
		o = fmtbuf_put_hex(o, p, n);
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

char *fmtbuf_put_mac(char *o, const uint8_t *p)
{
	for (int i = 0; i < 6; i++, o += 3) {
		memcpy(o, hexpair + 2 * p[i], 2);
		o[2] = ':';
	}
	return o - 1;
}

void fmtbuf_mac(struct fmtbuf *b, const uint8_t *p)
{
	if (b->len + 18 < b->cap) {
		b->len = (size_t)(fmtbuf_put_mac(b->p + b->len, p) - b->p);
		b->p[b->len] = '\0';
		return;
	}
	fmtbuf_hexbytes(b, p, 6, ':');
}

/* "255." and its length 4, "7." and 2: each byte of a dotted quad is one 4-byte copy */
const struct fmtbuf_dec_byte fmtbuf_dec_byte[256] = {
	{ "0.", 2 }, { "1.", 2 }, { "2.", 2 }, { "3.", 2 }, { "4.", 2 }, { "5.", 2 }, { "6.", 2 },
	{ "7.", 2 }, { "8.", 2 }, { "9.", 2 }, { "10.", 3 }, { "11.", 3 }, { "12.", 3 }, { "13.", 3 },
	{ "14.", 3 }, { "15.", 3 }, { "16.", 3 }, { "17.", 3 }, { "18.", 3 }, { "19.", 3 }, { "20.", 3 },
	{ "21.", 3 }, { "22.", 3 }, { "23.", 3 }, { "24.", 3 }, { "25.", 3 }, { "26.", 3 }, { "27.", 3 },
	{ "28.", 3 }, { "29.", 3 }, { "30.", 3 }, { "31.", 3 }, { "32.", 3 }, { "33.", 3 }, { "34.", 3 },
	{ "35.", 3 }, { "36.", 3 }, { "37.", 3 }, { "38.", 3 }, { "39.", 3 }, { "40.", 3 }, { "41.", 3 },
	{ "42.", 3 }, { "43.", 3 }, { "44.", 3 }, { "45.", 3 }, { "46.", 3 }, { "47.", 3 }, { "48.", 3 },
	{ "49.", 3 }, { "50.", 3 }, { "51.", 3 }, { "52.", 3 }, { "53.", 3 }, { "54.", 3 }, { "55.", 3 },
	{ "56.", 3 }, { "57.", 3 }, { "58.", 3 }, { "59.", 3 }, { "60.", 3 }, { "61.", 3 }, { "62.", 3 },
	{ "63.", 3 }, { "64.", 3 }, { "65.", 3 }, { "66.", 3 }, { "67.", 3 }, { "68.", 3 }, { "69.", 3 },
	{ "70.", 3 }, { "71.", 3 }, { "72.", 3 }, { "73.", 3 }, { "74.", 3 }, { "75.", 3 }, { "76.", 3 },
	{ "77.", 3 }, { "78.", 3 }, { "79.", 3 }, { "80.", 3 }, { "81.", 3 }, { "82.", 3 }, { "83.", 3 },
	{ "84.", 3 }, { "85.", 3 }, { "86.", 3 }, { "87.", 3 }, { "88.", 3 }, { "89.", 3 }, { "90.", 3 },
	{ "91.", 3 }, { "92.", 3 }, { "93.", 3 }, { "94.", 3 }, { "95.", 3 }, { "96.", 3 }, { "97.", 3 },
	{ "98.", 3 }, { "99.", 3 }, { "100.", 4 }, { "101.", 4 }, { "102.", 4 }, { "103.", 4 },
	{ "104.", 4 }, { "105.", 4 }, { "106.", 4 }, { "107.", 4 }, { "108.", 4 }, { "109.", 4 },
	{ "110.", 4 }, { "111.", 4 }, { "112.", 4 }, { "113.", 4 }, { "114.", 4 }, { "115.", 4 },
	{ "116.", 4 }, { "117.", 4 }, { "118.", 4 }, { "119.", 4 }, { "120.", 4 }, { "121.", 4 },
	{ "122.", 4 }, { "123.", 4 }, { "124.", 4 }, { "125.", 4 }, { "126.", 4 }, { "127.", 4 },
	{ "128.", 4 }, { "129.", 4 }, { "130.", 4 }, { "131.", 4 }, { "132.", 4 }, { "133.", 4 },
	{ "134.", 4 }, { "135.", 4 }, { "136.", 4 }, { "137.", 4 }, { "138.", 4 }, { "139.", 4 },
	{ "140.", 4 }, { "141.", 4 }, { "142.", 4 }, { "143.", 4 }, { "144.", 4 }, { "145.", 4 },
	{ "146.", 4 }, { "147.", 4 }, { "148.", 4 }, { "149.", 4 }, { "150.", 4 }, { "151.", 4 },
	{ "152.", 4 }, { "153.", 4 }, { "154.", 4 }, { "155.", 4 }, { "156.", 4 }, { "157.", 4 },
	{ "158.", 4 }, { "159.", 4 }, { "160.", 4 }, { "161.", 4 }, { "162.", 4 }, { "163.", 4 },
	{ "164.", 4 }, { "165.", 4 }, { "166.", 4 }, { "167.", 4 }, { "168.", 4 }, { "169.", 4 },
	{ "170.", 4 }, { "171.", 4 }, { "172.", 4 }, { "173.", 4 }, { "174.", 4 }, { "175.", 4 },
	{ "176.", 4 }, { "177.", 4 }, { "178.", 4 }, { "179.", 4 }, { "180.", 4 }, { "181.", 4 },
	{ "182.", 4 }, { "183.", 4 }, { "184.", 4 }, { "185.", 4 }, { "186.", 4 }, { "187.", 4 },
	{ "188.", 4 }, { "189.", 4 }, { "190.", 4 }, { "191.", 4 }, { "192.", 4 }, { "193.", 4 },
	{ "194.", 4 }, { "195.", 4 }, { "196.", 4 }, { "197.", 4 }, { "198.", 4 }, { "199.", 4 },
	{ "200.", 4 }, { "201.", 4 }, { "202.", 4 }, { "203.", 4 }, { "204.", 4 }, { "205.", 4 },
	{ "206.", 4 }, { "207.", 4 }, { "208.", 4 }, { "209.", 4 }, { "210.", 4 }, { "211.", 4 },
	{ "212.", 4 }, { "213.", 4 }, { "214.", 4 }, { "215.", 4 }, { "216.", 4 }, { "217.", 4 },
	{ "218.", 4 }, { "219.", 4 }, { "220.", 4 }, { "221.", 4 }, { "222.", 4 }, { "223.", 4 },
	{ "224.", 4 }, { "225.", 4 }, { "226.", 4 }, { "227.", 4 }, { "228.", 4 }, { "229.", 4 },
	{ "230.", 4 }, { "231.", 4 }, { "232.", 4 }, { "233.", 4 }, { "234.", 4 }, { "235.", 4 },
	{ "236.", 4 }, { "237.", 4 }, { "238.", 4 }, { "239.", 4 }, { "240.", 4 }, { "241.", 4 },
	{ "242.", 4 }, { "243.", 4 }, { "244.", 4 }, { "245.", 4 }, { "246.", 4 }, { "247.", 4 },
	{ "248.", 4 }, { "249.", 4 }, { "250.", 4 }, { "251.", 4 }, { "252.", 4 }, { "253.", 4 },
	{ "254.", 4 }, { "255.", 4 },
};

/* The text of an address into tmp (48 bytes); returns its length. */
static int ip6_text(char *tmp, const uint8_t *p)
{
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

			fmtbuf_init(&t, tmp + n, (size_t)(48 - n));
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
	return n;
}

/*
 * A capture names the same few addresses again and again (a host, its router, a multicast
 * group): the texts of the last ones are kept, one a slot chosen by the address's last byte,
 * and an address found there is one 16-byte comparison and one copy.
 */
void fmtbuf_ip6(struct fmtbuf *b, const uint8_t *p)
{
	static _Thread_local struct {	/* each thread its own (offpar.c) */
		uint8_t addr[16];
		uint8_t len;	/* 0: an empty slot */
		char text[47];
	} seen[8];
	unsigned slot = p[15] & 7;

	if (!seen[slot].len || memcmp(seen[slot].addr, p, 16)) {
		char tmp[48];
		int n = ip6_text(tmp, p);

		memcpy(seen[slot].addr, p, 16);
		memcpy(seen[slot].text, tmp, (size_t)n);
		seen[slot].len = (uint8_t)n;
	}
	fmtbuf_mem(b, seen[slot].text, seen[slot].len);
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

void fmtbuf_mem_cut(struct fmtbuf *b, const char *s, size_t n)
{
	size_t room = b->cap - 1 - b->len;

	if (n > room)
		n = room;
	memcpy(b->p + b->len, s, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void fmtbuf_ip4_cut(struct fmtbuf *b, const uint8_t *p)
{
	char tmp[16];
	size_t n = fmtbuf_ip4_put(tmp, p);

	fmtbuf_mem(b, tmp, n);
}
