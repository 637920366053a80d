/* frameprint.c — headless renderings of a decoded frame: the one-line summary, the -v field tree, JSON. */
#include <string.h>
#include <time.h>

#include "fmtbuf.h"
#include "frameprint.h"

/* localtime() is slow and frames come in bursts within one second: remember the last second. */
static void put_time(struct fmtbuf *b, const struct timeval *tv)
{
	static time_t last = (time_t)-1;
	static char hms[9];
	char us[7];
	long u = (long)tv->tv_usec;
	int i;

	if (tv->tv_sec != last) {
		struct tm tm;
		time_t t = tv->tv_sec;

		localtime_r(&t, &tm);
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
	}
	fmtbuf_mem(b, hms, 9);
	if (u < 0 || u > 999999)
		u = 0;
	for (i = 5; i >= 0; i--) {
		us[i] = (char)('0' + u % 10);
		u /= 10;
	}
	fmtbuf_mem(b, us, 6);
}

void frameprint_line(FILE *out, const struct frame *f, const struct decoded *d)
{
	frameprint_line_dev(out, f, d, NULL);
}

void frameprint_line_dev(FILE *out, const struct frame *f, const struct decoded *d, const char *dev)
{
	char line[DECODE_SUMMARY_MAX + 96];
	struct fmtbuf b;

	fmtbuf_init(&b, line, sizeof(line));
	put_time(&b, &f->ts);
	if (dev) {
		fmtbuf_char(&b, ' ');
		fmtbuf_str(&b, dev);
	}
	fmtbuf_str(&b, f->dir == FRAME_IN ? " < " : f->dir == FRAME_OUT ? " > " : " - ");
	fmtbuf_u64(&b, f->len);
	fmtbuf_char(&b, ' ');
	fmtbuf_str(&b, decode_summary(d));
	line[b.len++] = '\n';	/* the buffer keeps room for it: the summary is shorter than line */
	fwrite_unlocked(line, 1, b.len, out);
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

/* JSON string body: our texts are ASCII already; escape quotes, backslashes and controls. */
static void json_str(struct fmtbuf *b, const char *s)
{
	fmtbuf_char(b, '"');
	while (*s) {
		const char *run = s;
		unsigned char ch;

		while ((ch = (unsigned char)*s) >= 0x20 && ch < 0x7f && ch != '"' && ch != '\\')
			s++;
		fmtbuf_mem(b, run, (size_t)(s - run));
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

static void json_time(struct fmtbuf *b, const struct timeval *tv)
{
	struct tm tm;
	time_t t = tv->tv_sec;
	char s[32];
	long u = (long)tv->tv_usec;
	int i;

	gmtime_r(&t, &tm);
	if (strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S.", &tm) == 0)
		s[0] = '\0';
	fmtbuf_char(b, '"');
	fmtbuf_str(b, s);
	if (u < 0 || u > 999999)
		u = 0;
	for (i = 5; i >= 0; i--) {
		s[i] = (char)('0' + u % 10);
		u /= 10;
	}
	fmtbuf_mem(b, s, 6);
	fmtbuf_str(b, "Z\"");
}

/* First-occurrence filter: a small open-addressed set of field names, cleared per frame. */
struct nameset {
	const char *slot[1024];
	uint16_t used[DECODE_MAX_FIELDS];
	int nused;
};

static int nameset_add(struct nameset *ns, const char *name)
{
	uint32_t h = (uint32_t)(((uintptr_t)name >> 3) * 2654435761u) >> 22;	/* names are unique pointers */

	for (;; h = (h + 1) & 1023) {
		if (!ns->slot[h]) {
			ns->slot[h] = name;
			if (ns->nused < DECODE_MAX_FIELDS)
				ns->used[ns->nused++] = (uint16_t)h;
			return 1;
		}
		if (ns->slot[h] == name)
			return 0;
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
	static char buf[1 << 16];
	static struct nameset seen;
	char val[1024];
	struct fmtbuf b;
	int i, k, n = decode_count(d), first = 1;

	fmtbuf_init(&b, buf, sizeof(buf) - 2);
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
	for (i = 0; i < n; i++) {
		const struct field *fl = decode_field(d, i);
		enum field_type t = fl->def->type;

		if (t == FT_PROTO || t == FT_GROUP || !nameset_add(&seen, fl->def->name))
			continue;
		if (!first)
			fmtbuf_char(&b, ',');
		first = 0;
		json_str(&b, fl->def->name);
		fmtbuf_char(&b, ':');
		switch (t) {
		case FT_UINT:
		case FT_HEX:
		case FT_BOOL:
			fmtbuf_u64(&b, fl->value);
			break;
		default:
			decode_value_text(d, i, val, sizeof(val));
			json_str(&b, val);
			break;
		}
	}
	while (seen.nused > 0)
		seen.slot[seen.used[--seen.nused]] = NULL;
	fmtbuf_str(&b, "},\"summary\":");
	json_str(&b, decode_summary(d));
	json_extra(&b, x);
	fmtbuf_char(&b, '}');
	if (b.len + 1 >= b.cap) {
		/* a pathological frame filled the buffer: keep the line valid JSON */
		fmtbuf_init(&b, buf, sizeof(buf) - 2);
		fmtbuf_str(&b, "{\"frame\":");
		fmtbuf_u64(&b, f->number);
		fmtbuf_str(&b, ",\"error\":\"too many fields for one line\"}");
	}
	buf[b.len++] = '\n';
	fwrite_unlocked(buf, 1, b.len, out);
}
