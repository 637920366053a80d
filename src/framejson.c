/* framejson.c — one JSON object a frame (tapscope --json), written straight into the output buffer: each field name's "key": text is made once and kept, and values go in place. */
/*
 * Field names are static strings, one address a name (decode.h), so a small open-addressed table
 * keyed by the name's pointer keeps, for every name ever met, its key text ready to copy (with
 * the comma before it) and, per frame, where its occurrences are: a field that occurs more than
 * once is written once, as the list of all its values, at its first occurrence. The table lives
 * as long as the program and never needs clearing: an entry's frame stamp says whether it was
 * already met in this frame.
 */
#include <string.h>
#include <time.h>

#include "fmtbuf.h"
#include "frameprint.h"

#define KEYS 2048		/* slots; the decoders have about 500 field names */
#define KEY_TEXT 48		/* ,"name": kept padded, so a fixed-size copy writes it */

struct jkey {
	const char *name;	/* NULL: a free slot */
	uint64_t stamp;		/* the frame it was last met in */
	int16_t last;		/* this frame: the latest field with this name */
	uint8_t len;		/* of ,"name": (0: too long to keep: written from name) */
	char text[KEY_TEXT];
};

static struct jkey keys[KEYS];
static int nkeys;
static uint64_t stamp;

/* The entry of name (made when first met), or NULL when the table is full. */
static struct jkey *key_of(const char *name)
{
	uint32_t h = (uint32_t)(((uintptr_t)name >> 3) * 2654435761u) >> 21;

	for (;; h = (h + 1) & (KEYS - 1)) {
		struct jkey *k = &keys[h];
		size_t n;

		if (k->name == name)
			return k;
		if (k->name)
			continue;
		if (nkeys >= KEYS * 3 / 4)
			return NULL;
		nkeys++;
		k->name = name;
		n = strlen(name);
		if (n + 4 <= KEY_TEXT) {	/* ,"name": */
			k->text[0] = ',';
			k->text[1] = '"';
			memcpy(k->text + 2, name, n);
			k->text[n + 2] = '"';
			k->text[n + 3] = ':';
			k->len = (uint8_t)(n + 4);
		}
		return k;
	}
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

/* "2023-11-14T22:13:20.123456Z"; the date and time of the last second are kept, as the line's
 * time is */
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
	fmtbuf_micros(b, (long)tv->tv_usec);
	fmtbuf_mem(b, "Z\"", 2);
}

/* "not present" and the other checksum words, as decode_value_text writes them */
static const char *csum_word(uint64_t v)
{
	switch (v & 0xff) {
	case CSUM_GOOD: return "good";
	case CSUM_BAD: return "bad";
	case CSUM_NONE: return "not present";
	case CSUM_ILLEGAL: return "illegal";
	default: return "unverified";
	}
}

static void json_value(struct fmtbuf *b, const struct decoded *d, const struct field *fl)
{
	const uint8_t *p = d->data + fl->off;
	char val[1024];

	switch (fl->def->type) {
	case FT_UINT:
	case FT_HEX:
	case FT_BOOL:
		fmtbuf_u64(b, fl->value);
		return;
	/* hex digits, addresses, fixed words: nothing to escape, so straight into the line */
	case FT_MAC:
		fmtbuf_char(b, '"');
		if (fl->len >= 6)
			fmtbuf_mac(b, p);
		break;
	case FT_IPV4:
		fmtbuf_char(b, '"');
		if (fl->len >= 4)
			fmtbuf_ip4(b, p);
		break;
	case FT_IPV6:
		fmtbuf_char(b, '"');
		if (fl->len >= 16)
			fmtbuf_ip6(b, p);
		break;
	case FT_BYTES:
		fmtbuf_char(b, '"');
		fmtbuf_hexbytes(b, p, fl->len, 0);
		break;
	case FT_CSUM:
		fmtbuf_char(b, '"');
		fmtbuf_str(b, csum_word(fl->value));
		break;
	case FT_ABSTIME:
		fmtbuf_char(b, '"');
		if (b->len + 1 < b->cap)
			b->len += decode_value_text(d, (int)(fl - d->fields), b->p + b->len, b->cap - b->len);
		break;
	default:
		decode_value_text(d, (int)(fl - d->fields), val, sizeof(val));
		json_str(b, val);
		return;
	}
	fmtbuf_char(b, '"');
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

/* Per field of this frame: its key, the next field of the same name (-1: none), and whether an
 * earlier field had its name (it was written with that one). */
struct groups {
	struct jkey *key[DECODE_MAX_FIELDS];
	int16_t next[DECODE_MAX_FIELDS];
	uint8_t later[DECODE_MAX_FIELDS];
};

/* The groups of a frame. Names the full table cannot keep (none in practice) are grouped by a
 * search of the fields before them. */
static void group(struct groups *g, const struct decoded *d, int n)
{
	stamp++;
	for (int i = 0; i < n; i++) {
		const struct field *fl = &d->fields[i];
		struct jkey *k;

		g->next[i] = -1;
		g->later[i] = 0;
		if (fl->def->type == FT_PROTO || fl->def->type == FT_GROUP)
			continue;
		k = g->key[i] = key_of(fl->def->name);
		if (!k) {
			for (int j = i - 1; j >= 0; j--) {
				if (d->fields[j].def->name == fl->def->name && d->fields[j].def->type != FT_PROTO &&
				    d->fields[j].def->type != FT_GROUP) {
					g->next[j] = (int16_t)i;
					g->later[i] = 1;
					break;
				}
			}
			continue;
		}
		if (k->stamp == stamp) {
			g->next[k->last] = (int16_t)i;
			g->later[i] = 1;
		}
		k->stamp = stamp;
		k->last = (int16_t)i;
	}
}

/* ,"name": (no comma for the first) */
static void put_key(struct fmtbuf *b, const struct jkey *k, const char *name, int first)
{
	if (k && k->len && b->len + KEY_TEXT < b->cap) {
		memcpy(b->p + b->len, k->text + first, KEY_TEXT - 1);	/* fixed size: a few moves */
		b->len += (size_t)k->len - (size_t)first;
		b->p[b->len] = '\0';
		return;
	}
	if (!first)
		fmtbuf_char(b, ',');
	fmtbuf_char(b, '"');
	fmtbuf_str(b, name);
	fmtbuf_mem(b, "\":", 2);
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
	static struct groups g;
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
		fmtbuf_char(&b, '"');		/* short lower-case names: nothing to escape */
		fmtbuf_str(&b, decode_proto_name(d, k));
		fmtbuf_char(&b, '"');
	}
	fmtbuf_str(&b, "],\"fields\":{");
	group(&g, d, n);
	for (i = 0; i < n; i++) {
		const struct field *fl = &d->fields[i];
		enum field_type t = fl->def->type;

		if (t == FT_PROTO || t == FT_GROUP || g.later[i])
			continue;
		/* field names are Wireshark's identifiers: no character in them needs escaping */
		put_key(&b, g.key[i], fl->def->name, first);
		first = 0;
		if (g.next[i] < 0) {
			json_value(&b, d, fl);
			continue;
		}
		/* a repeated field: all its values in order, as tshark -T json --no-duplicate-keys */
		fmtbuf_char(&b, '[');
		for (int j = i; j >= 0; j = g.next[j]) {
			if (j != i)
				fmtbuf_char(&b, ',');
			json_value(&b, d, &d->fields[j]);
		}
		fmtbuf_char(&b, ']');
	}
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
