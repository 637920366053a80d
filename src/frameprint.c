/* frameprint.c — headless renderings of a decoded frame: the one-line summary and the -v field tree (JSON: framejson.c). */
#include <string.h>
#include <time.h>

#include "fmtbuf.h"
#include "frameprint.h"

/* localtime() is slow and frames come in bursts within one second: remember the last second
 * (with its own flag: every time_t value, -1 included, is a second someone may capture at). */
static void put_time(struct fmtbuf *b, const struct timeval *tv)
{
	static _Thread_local time_t last;	/* a cache of each thread (offpar.c) */
	static _Thread_local int valid;
	static _Thread_local char hms[9];

	if (!valid || tv->tv_sec != last) {
		struct tm tm;
		time_t t = tv->tv_sec;

		if (!localtime_r(&t, &tm))
			memset(&tm, 0, sizeof(tm));
		hms[0] = (char)('0' + tm.tm_hour / 10);
		hms[1] = (char)('0' + tm.tm_hour % 10);
		hms[2] = ':';
		hms[3] = (char)('0' + tm.tm_min / 10);
		hms[4] = (char)('0' + tm.tm_min % 10);
		hms[5] = ':';
		hms[6] = (char)('0' + tm.tm_sec / 10);
		hms[7] = (char)('0' + tm.tm_sec % 10);
		hms[8] = '.';
		last = tv->tv_sec;
		valid = 1;
	}
	fmtbuf_mem(b, hms, 9);
	fmtbuf_micros(b, (long)tv->tv_usec);
}

void frameprint_line(FILE *out, const struct frame *f, const struct decoded *d)
{
	frameprint_line_dev(out, f, d, NULL);
}

/* The line without a device, when it surely fits: written in place with no test a piece. */
static void line_fast(struct fmtbuf *b, const struct frame *f, const struct decoded *d)
{
	char *o = b->p + b->len;
	size_t n;

	put_time(&(struct fmtbuf){ o, 0, 16 }, &f->ts);
	memcpy(o + 15, f->dir == FRAME_IN ? " < " : f->dir == FRAME_OUT ? " > " : " - ", 3);
	b->len += 18;
	fmtbuf_u64(b, f->len);
	o = b->p + b->len;
	*o++ = ' ';
	n = d->summary_len;
	memcpy(o, d->summary, n);
	o[n] = '\n';
	o[n + 1] = '\0';
	b->len += n + 2;
}

static void line_to(struct fmtbuf *b, const struct frame *f, const struct decoded *d, const char *dev)
{
	if (!dev && b->cap - b->len > d->summary_len + 48) {	/* time 15, " < " 3, length 10, ' ', '\n' */
		line_fast(b, f, d);
		return;
	}
	put_time(b, &f->ts);
	if (dev) {
		fmtbuf_char(b, ' ');
		fmtbuf_str(b, dev);
	}
	fmtbuf_mem(b, f->dir == FRAME_IN ? " < " : f->dir == FRAME_OUT ? " > " : " - ", 3);
	fmtbuf_u64(b, f->len);
	fmtbuf_char(b, ' ');
	fmtbuf_mem(b, d->summary, d->summary_len);
	fmtbuf_char(b, '\n');
}

void frameprint_line_dev(FILE *out, const struct frame *f, const struct decoded *d, const char *dev)
{
	char line[DECODE_SUMMARY_MAX + 160];
	struct fmtbuf b;

	fmtbuf_init(&b, line, sizeof(line));
	line_to(&b, f, d, dev);
	fwrite_unlocked(line, 1, b.len, out);
}

void frameprint_line_buf(struct fmtbuf *b, const struct frame *f, const struct decoded *d)
{
	line_to(b, f, d, NULL);
}

void frameprint_tree_ex(FILE *out, const struct decoded *d, int explain)
{
	static const char spaces[] = "                                                                ";
	char line[1024];
	int i, n = decode_count(d);

	for (i = 0; i < n; i++) {
		struct fmtbuf b;
		int indent = 4 + 2 * decode_depth(d, i);

		fmtbuf_init(&b, line, sizeof(line) - 1);
		fmtbuf_mem(&b, spaces, indent < (int)sizeof(spaces) - 1 ? (size_t)indent : sizeof(spaces) - 1);
		fmtbuf_str(&b, decode_name(d, i));
		fmtbuf_str(&b, ": ");
		b.len += decode_text(d, i, line + b.len, b.cap - b.len);
		if (explain && decode_explain(d, i)) {
			fmtbuf_str(&b, "  -- ");
			fmtbuf_str(&b, decode_explain(d, i));
		}
		line[b.len++] = '\n';
		fwrite_unlocked(line, 1, b.len, out);
	}
	if (d->overflow)
		fputs("    [more fields than tapscope keeps for one frame: the rest are not shown]\n", out);
}

void frameprint_tree(FILE *out, const struct decoded *d)
{
	frameprint_tree_ex(out, d, 0);
}

void frameprint_number_buf(struct fmtbuf *b, uint64_t number)
{
	char num[24];
	size_t n = (size_t)snprintf(num, sizeof(num), FRAMEPRINT_NUMBER_FMT, (unsigned long long)number);

	fmtbuf_mem(b, num, n);
}
