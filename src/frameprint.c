/* frameprint.c — headless renderings of a decoded frame: the one-line summary, the -v field tree, JSON. */
#include <string.h>
#include <time.h>

#include "fmtbuf.h"
#include "frameprint.h"

/* The six digits of a microsecond count (0 when out of range), two at a time. */
static void put_micros(struct fmtbuf *b, long micros)
{
	uint32_t u = micros < 0 || micros > 999999 ? 0 : (uint32_t)micros;
	char us[6];

	memcpy(us + 4, fmtbuf_digits2 + 2 * (u % 100), 2);
	u /= 100;
	memcpy(us + 2, fmtbuf_digits2 + 2 * (u % 100), 2);
	memcpy(us, fmtbuf_digits2 + 2 * (u / 100), 2);
	fmtbuf_mem(b, us, 6);
}

/* localtime() is slow and frames come in bursts within one second: remember the last second
 * (with its own flag: every time_t value, -1 included, is a second someone may capture at). */
static void put_time(struct fmtbuf *b, const struct timeval *tv)
{
	static time_t last;
	static int valid;
	static char hms[9];

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
	put_micros(b, (long)tv->tv_usec);
}

void frameprint_line(FILE *out, const struct frame *f, const struct decoded *d)
{
	frameprint_line_dev(out, f, d, NULL);
}

static void line_to(struct fmtbuf *b, const struct frame *f, const struct decoded *d, const char *dev)
{
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

/* JSON string body: our texts are ASCII already; escape quotes, backslashes and controls.
 * A table says which bytes need escaping, so plain runs are found with one test a byte. */
static const uint8_t json_plain[256] = {
	[0x20] = 1, [0x21] = 1, [0x23 ... 0x5b] = 1, [0x5d ... 0x7e] = 1,
};

static void json_str(struct fmtbuf *b, const char *s)
{
	fmtbuf_char(b, '"');
	while (*s) {
		const char *run = s;
		unsigned char ch;

		while (json_plain[(unsigned char)*s])
			s++;
		fmtbuf_mem(b, run, (size_t)(s - run));
		ch = (unsigned char)*s;
		if (!ch)
			break;
		if (ch == '"' || ch == '\\') {
			fmtbuf_char(b, '\\');
			fmtbuf_char(b, (char)ch);
		} else {
			fmtbuf_str(b, "\\u00");
			fmtbuf_hex(b, ch, 2);
		}
		s++;
	}
	fmtbuf_char(b, '"');
}

/* "2023-11-14T22:13:20.123456Z"; the date and time of the last second are kept, as put_time does */
static void json_time(struct fmtbuf *b, const struct timeval *tv)
{
	static time_t last;
	static int valid;
	static char day[32];
	static size_t daylen;
	if (!valid || tv->tv_sec != last) {
		struct tm tm;
		time_t t = tv->tv_sec;

		daylen = gmtime_r(&t, &tm) ? strftime(day, sizeof(day), "%Y-%m-%dT%H:%M:%S.", &tm) : 0;
		last = tv->tv_sec;
		valid = 1;
	}
	fmtbuf_char(b, '"');
	fmtbuf_mem(b, day, daylen);
	put_micros(b, (long)tv->tv_usec);
	fmtbuf_str(b, "Z\"");
}

/*
 * Groups the occurrences of each field name: one open-addressed table of name pointers (names
 * are unique pointers, see decode.h) gives each field the index of the next field of the same
 * name, so the JSON writer emits all of a name's values at its first occurrence.
 */
struct namegroups {
	const char *slot[1024];
	int16_t last[1024];		/* per slot: the latest field index with that name */
	uint16_t used[DECODE_MAX_FIELDS];
	int nused;
	int16_t next[DECODE_MAX_FIELDS];	/* per field: the next field of the same name, or -1 */
	uint8_t later[DECODE_MAX_FIELDS];	/* per field: 1 when an earlier field had its name */
};

static void namegroups_build(struct namegroups *g, const struct decoded *d, int n)
{
	for (int i = 0; i < n; i++) {
		const struct field *fl = &d->fields[i];
		const char *name = fl->def->name;
		uint32_t h = (uint32_t)(((uintptr_t)name >> 3) * 2654435761u) >> 22;

		g->next[i] = -1;
		g->later[i] = 0;
		if (fl->def->type == FT_PROTO || fl->def->type == FT_GROUP)
			continue;
		for (;; h = (h + 1) & 1023) {
			if (!g->slot[h]) {
				g->slot[h] = name;
				g->last[h] = (int16_t)i;
				if (g->nused < DECODE_MAX_FIELDS)
					g->used[g->nused++] = (uint16_t)h;
				break;
			}
			if (g->slot[h] == name) {
				g->next[g->last[h]] = (int16_t)i;
				g->last[h] = (int16_t)i;
				g->later[i] = 1;
				break;
			}
		}
	}
}

static void namegroups_clear(struct namegroups *g)
{
	while (g->nused > 0)
		g->slot[g->used[--g->nused]] = NULL;
}

static void json_value(struct fmtbuf *b, const struct decoded *d, int i)
{
	const struct field *fl = decode_field(d, i);
	char val[1024];

	switch (fl->def->type) {
	case FT_UINT:
	case FT_HEX:
	case FT_BOOL:
		fmtbuf_u64(b, fl->value);
		break;
	case FT_MAC:
	case FT_IPV4:
	case FT_IPV6:
	case FT_BYTES:
	case FT_CSUM:
	case FT_ABSTIME:
		/* hex digits, addresses, fixed words: nothing to escape, so straight into the line */
		fmtbuf_char(b, '"');
		if (b->len + 1 < b->cap)
			b->len += decode_value_text(d, i, b->p + b->len, b->cap - b->len);
		fmtbuf_char(b, '"');
		break;
	default:
		decode_value_text(d, i, val, sizeof(val));
		json_str(b, val);
		break;
	}
}

/* What a live run knows beside the bytes: "dev", "why", "answer". */
static void json_extra(struct fmtbuf *b, const struct frameprint_extra *x)
{
	if (!x)
		return;
	if (x->dev) {
		fmtbuf_str(b, ",\"dev\":");
		json_str(b, x->dev);
	}
	if (x->why) {
		fmtbuf_str(b, ",\"why\":");
		json_str(b, x->why);
	}
	if (x->answer) {
		fmtbuf_str(b, ",\"answer\":");
		json_str(b, x->answer);
	}
}

void frameprint_json(FILE *out, const struct frame *f, const struct decoded *d)
{
	frameprint_json_ex(out, f, d, NULL);
}

void frameprint_json_ex(FILE *out, const struct frame *f, const struct decoded *d, const struct frameprint_extra *x)
{
	static char buf[FRAMEPRINT_JSON_MAX];
	struct fmtbuf b;

	fmtbuf_init(&b, buf, sizeof(buf));
	frameprint_json_buf(&b, f, d, x);
	fwrite_unlocked(buf, 1, b.len, out);
}

void frameprint_json_buf(struct fmtbuf *out, const struct frame *f, const struct decoded *d,
			 const struct frameprint_extra *x)
{
	static struct namegroups groups;
	size_t start = out->len;
	struct fmtbuf b = { out->p + start, 0, out->cap - start < FRAMEPRINT_JSON_MAX ? out->cap - start :
						 FRAMEPRINT_JSON_MAX };
	int i, k, n = decode_count(d), first = 1;

	b.cap -= 2;	/* room kept for the newline (and its NUL) */
	fmtbuf_str(&b, "{\"frame\":");
	fmtbuf_u64(&b, f->number);
	fmtbuf_str(&b, ",\"time\":");
	json_time(&b, &f->ts);
	if (f->dir != FRAME_DIR_UNKNOWN)
		fmtbuf_str(&b, f->dir == FRAME_IN ? ",\"dir\":\"in\"" : ",\"dir\":\"out\"");
	fmtbuf_str(&b, ",\"len\":");
	fmtbuf_u64(&b, f->len);
	fmtbuf_str(&b, ",\"caplen\":");
	fmtbuf_u64(&b, f->caplen);
	fmtbuf_str(&b, ",\"protocols\":[");
	for (k = 0; k < decode_nprotos(d); k++) {
		if (k)
			fmtbuf_char(&b, ',');
		json_str(&b, decode_proto_name(d, k));
	}
	fmtbuf_str(&b, "],\"fields\":{");
	namegroups_build(&groups, d, n);
	for (i = 0; i < n; i++) {
		const struct field *fl = &d->fields[i];
		enum field_type t = fl->def->type;
		size_t nl;

		if (t == FT_PROTO || t == FT_GROUP || groups.later[i])
			continue;
		/* field names are Wireshark's identifiers: no character in them needs escaping */
		nl = strlen(fl->def->name);
		if (b.len + nl + 4 < b.cap) {
			char *o = b.p + b.len;

			*o++ = first ? '"' : ',';
			if (!first)
				*o++ = '"';
			memcpy(o, fl->def->name, nl);
			o += nl;
			*o++ = '"';
			*o++ = ':';
			*o = '\0';
			b.len = (size_t)(o - b.p);
		} else {
			b.len = b.cap - 1;	/* full: the check after the loop writes the error line */
		}
		first = 0;
		if (groups.next[i] < 0) {
			json_value(&b, d, i);
			continue;
		}
		/* a repeated field: all its values in order, as tshark -T json --no-duplicate-keys */
		fmtbuf_char(&b, '[');
		for (int j = i; j >= 0; j = groups.next[j]) {
			if (j != i)
				fmtbuf_char(&b, ',');
			json_value(&b, d, j);
		}
		fmtbuf_char(&b, ']');
	}
	namegroups_clear(&groups);
	fmtbuf_str(&b, "},\"summary\":");
	json_str(&b, decode_summary(d));
	json_extra(&b, x);
	fmtbuf_char(&b, '}');
	if (b.len + 1 >= b.cap) {
		/* a pathological frame filled the buffer: keep the line valid JSON */
		fmtbuf_init(&b, b.p, b.cap);
		fmtbuf_str(&b, "{\"frame\":");
		fmtbuf_u64(&b, f->number);
		fmtbuf_str(&b, ",\"error\":\"too many fields for one line\"}");
	}
	b.p[b.len++] = '\n';
	b.p[b.len] = '\0';
	out->len = start + b.len;
}
