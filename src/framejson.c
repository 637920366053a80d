/* framejson.c — one JSON object a frame (tapscope --json), written straight into the output buffer from a plan kept per frame shape. */
/*
 * Frames of a capture mostly repeat a few shapes: the same field definitions in the same order.
 * For each shape a plan is made once: the text before every value (its "key": with the comma,
 * a list's '[' or the ',' between list items), the kind of the value, and where a list closes.
 * A field that occurs more than once is written once, at its first occurrence, as the list of
 * all its values (tshark -T json --no-duplicate-keys). Field names are static strings, one
 * address a name (decode.h), so an open-addressed table keyed by the name's pointer finds
 * repeats while planning; it never needs clearing, as an entry's frame stamp says whether it
 * was met in this frame. Plans are kept in a table, each in one of a few slots after its
 * hash's, and compared whole with the frame before use.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "fmtbuf.h"
#include "frameprint.h"

#define KEYS 2048		/* slots; the decoders have about 500 field names */
#define PRE_PAD 48		/* a plan's texts are copied 48 bytes at a time (one fixed-size copy) */
#define SHAPES 256		/* plans kept, one a slot */
#define SHAPE_PROBES 8		/* slots a shape may be kept in */
/* the longest text a value may have (decode_value_text cuts it there), and the room its JSON takes at most */
#define TEXT_MAX 1024
#define TEXT_ROOM (6 * TEXT_MAX + 2)
#define SHAPE_MAX_FIELDS 256	/* frames with more fields are planned each time, not kept */

/* A field name met so far: in which frame, and the latest field of this frame that had it. */
struct jkey {
	const char *name;	/* NULL: a free slot */
	uint64_t stamp;
	int16_t last;
};

/* Each thread has its own tables (offpar.c formats on several): a cache, never shared. */
static _Thread_local struct jkey keys[KEYS];
static _Thread_local int nkeys;
static _Thread_local uint64_t stamp;

/* The entry of name (made when first met), or NULL when the table is full. */
static struct jkey *key_of(const char *name)
{
	uint32_t h = (uint32_t)(((uintptr_t)name >> 3) * 2654435761u) >> 21;

	for (;; h = (h + 1) & (KEYS - 1)) {
		struct jkey *k = &keys[h];

		if (k->name == name)
			return k;
		if (k->name)
			continue;
		if (nkeys >= KEYS * 3 / 4)
			return NULL;
		nkeys++;
		k->name = name;
		return k;
	}
}

/* JSON string body: our texts are ASCII already; escape quotes, backslashes and controls (and
 * bytes past 0x7e, one \u00XX each). A table says which bytes need escaping; whole words are
 * tested first (json_plain_run), as most texts have nothing to escape. */
static const uint8_t json_plain[256] = {
	[0x20] = 1, [0x21] = 1, [0x23 ... 0x5b] = 1, [0x5d ... 0x7e] = 1,
};

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* Nonzero when one of the eight bytes of w may need escaping (never zero when one does). */
static inline uint64_t json_special8(uint64_t w)
{
#define HAS_ZERO(v) (((v) - ONES) & ~(v) & HIGHS)
	return (w & HIGHS) | ((w - ONES * 0x20) & ~w & HIGHS) | HAS_ZERO(w ^ (ONES * '"')) |
	       HAS_ZERO(w ^ (ONES * '\\')) | HAS_ZERO(w ^ (ONES * 0x7f));
#undef HAS_ZERO
}

/* How many bytes at the start of s (n bytes) need no escaping: sixteen at a time where SSE2 is
 * (every x86-64), eight at a time elsewhere, then byte by byte. */
static inline size_t json_plain_run(const char *s, size_t n)
{
	size_t i = 0;
#ifdef __SSE2__
	const __m128i space = _mm_set1_epi8(0x20), quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\'),
		      del = _mm_set1_epi8(0x7f);

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		/* signed: bytes past 0x7f are negative, so below the space too */
		__m128i bad = _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(v, space), _mm_cmpeq_epi8(v, quote)),
					   _mm_or_si128(_mm_cmpeq_epi8(v, bslash), _mm_cmpeq_epi8(v, del)));

		if (_mm_movemask_epi8(bad))
			break;
	}
#endif
	for (uint64_t w; i + 8 <= n && (memcpy(&w, s + i, 8), !json_special8(w));)
		i += 8;
	while (i < n && json_plain[(unsigned char)s[i]])
		i++;
	return i;
}

/* "s" (n bytes) at o, escaped; o has room for 6 * n + 2 bytes. Returns the end (no NUL). */
static char *put_json_str(char *o, const char *s, size_t n)
{
	size_t i = 0;

	*o++ = '"';
	while (i < n) {
		size_t run = i;
		unsigned char ch;

		i += json_plain_run(s + i, n - i);
		memcpy(o, s + run, i - run);
		o += i - run;
		if (i >= n)
			break;
		ch = (unsigned char)s[i++];
		if (ch == '"' || ch == '\\') {
			*o++ = '\\';
			*o++ = (char)ch;
		} else {
			static const char hex[] = "0123456789abcdef";

			memcpy(o, "\\u00", 4);
			o[4] = hex[ch >> 4];
			o[5] = hex[ch & 15];
			o += 6;
		}
	}
	*o++ = '"';
	return o;
}

void frameprint_json_string(struct fmtbuf *b, const char *s, size_t n)
{
	if (b->cap - b->len > 6 * n + 3) {
		b->len = (size_t)(put_json_str(b->p + b->len, s, n) - b->p);
		b->p[b->len] = '\0';
		return;
	}
	/* no room for the worst case: byte by byte, cut where the buffer ends */
	fmtbuf_char(b, '"');
	for (size_t i = 0; i < n; i++) {
		char esc[8];
		size_t m = (size_t)(put_json_str(esc, s + i, 1) - esc);

		fmtbuf_mem(b, esc + 1, m - 2);
	}
	fmtbuf_char(b, '"');
}

static void json_str(struct fmtbuf *b, const char *s) { frameprint_json_string(b, s, strlen(s)); }

/* "2023-11-14T22:13:20.123456Z" at o (40 bytes of room); the date and time of the last second
 * are kept, as the line's time is. Returns the end. */
static char *put_time(char *o, const struct timeval *tv)
{
	static _Thread_local time_t last;
	static _Thread_local int valid;
	static _Thread_local char day[32];
	static _Thread_local size_t daylen;
	uint32_t us = tv->tv_usec < 0 || tv->tv_usec > 999999 ? 0 : (uint32_t)tv->tv_usec;

	if (!valid || tv->tv_sec != last) {
		struct tm tm;
		time_t t = tv->tv_sec;

		daylen = gmtime_r(&t, &tm) ? strftime(day, sizeof(day), "%Y-%m-%dT%H:%M:%S.", &tm) : 0;
		last = tv->tv_sec;
		valid = 1;
	}
	*o++ = '"';
	memcpy(o, day, sizeof(day));
	o += daylen;
	memcpy(o + 4, fmtbuf_digits2 + 2 * (us % 100), 2);
	us /= 100;
	memcpy(o + 2, fmtbuf_digits2 + 2 * (us % 100), 2);
	memcpy(o, fmtbuf_digits2 + 2 * (us / 100), 2);
	memcpy(o + 6, "Z\"", 2);
	return o + 8;
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

/* One step of writing a frame's fields: the text before a value (the key with the comma before
 * it, a list's '[', or the ',' between list items), the value of one field, and a ']' that
 * closes a list. */
struct jop {
	int16_t field;
	uint8_t type;		/* enum field_type */
	uint8_t close;
	uint16_t pre_len;
	uint32_t pre_off;	/* into the plan's text */
};

/* How to write the fields of frames whose fields have these definitions, in this order. */
struct shape {
	uint32_t hash;
	int n;
	int nops;
	int nbytes;		/* ops writing FT_BYTES values (twice their length each) */
	size_t need;		/* room the rest takes at most */
	const struct field_def **defs;	/* n of them */
	struct jop *ops;
	char *text;			/* the texts of the ops, then PRE_PAD bytes of room */
};

/* Kept plans (frames of a capture mostly repeat a few shapes), and the one planned just now. */
static _Thread_local struct shape *shapes[SHAPES];
static _Thread_local const struct field_def *plan_defs[DECODE_MAX_FIELDS];
static _Thread_local struct jop plan_ops[DECODE_MAX_FIELDS];
static _Thread_local char plan_text[DECODE_MAX_FIELDS * 72 + PRE_PAD];
static _Thread_local struct shape plan;	/* its arrays are the three above (set by plan_frame) */

/* The slot of a frame's shape: its field count and definitions at a few places (a plan found
 * there is compared whole before it is used). */
static uint32_t shape_hash(const struct decoded *d, int n)
{
	uint64_t h = (uint64_t)n * 0x9e3779b97f4a7c15ull;

	for (int i = 0; i < n; i += (n >> 3) + 1)
		h = (h ^ (uintptr_t)d->fields[i].def) * 0x9e3779b97f4a7c15ull;
	h ^= (uintptr_t)d->fields[n - 1].def;
	return (uint32_t)(h >> 32);
}

static int shape_fits(const struct shape *s, const struct decoded *d, int n, uint32_t hash)
{
	if (!s || s->hash != hash || s->n != n)
		return 0;
	for (int i = 0; i < n; i++)
		if (s->defs[i] != d->fields[i].def)
			return 0;
	return 1;
}

/* The room a value of this kind takes at most, beside twice the bytes of FT_BYTES. */
static size_t value_room(enum field_type type)
{
	switch (type) {
	case FT_UINT: case FT_HEX: case FT_BOOL: case FT_MAC: case FT_IPV4: case FT_IPV6:
	case FT_BYTES: case FT_CSUM:
		return 64;
	default:
		return TEXT_ROOM;
	}
}

/* Appends an op writing field i after text (len bytes) to the plan. */
static void plan_op(int i, const struct decoded *d, const char *text, size_t len, size_t *tlen)
{
	struct jop *op = &plan_ops[plan.nops++];

	if (len > 70)
		len = 70;	/* field names are Wireshark's, all far shorter */
	op->field = (int16_t)i;
	op->type = (uint8_t)d->fields[i].def->type;
	op->close = 0;
	op->pre_len = (uint16_t)len;
	op->pre_off = (uint32_t)*tlen;
	memcpy(plan_text + *tlen, text, len);
	*tlen += len;
}

/* Plans the fields of d: keys in order of first appearance; a field that occurs more than once
 * is written once, at its first occurrence, as the list of all its values (tshark -T json
 * --no-duplicate-keys). Field names are Wireshark's identifiers: nothing in them needs escaping. */
static void plan_frame(const struct decoded *d, int n)
{
	static _Thread_local int16_t next[DECODE_MAX_FIELDS];
	static _Thread_local uint8_t later[DECODE_MAX_FIELDS];
	size_t tlen = 0;
	int first = 1;

	stamp++;
	for (int i = 0; i < n; i++) {
		const struct field *fl = &d->fields[i];
		struct jkey *k;

		plan_defs[i] = fl->def;
		next[i] = -1;
		later[i] = 0;
		if (fl->def->type == FT_PROTO || fl->def->type == FT_GROUP)
			continue;
		k = key_of(fl->def->name);
		if (!k) {	/* the full table (never, in practice): search the fields before */
			for (int j = i - 1; j >= 0; j--) {
				if (d->fields[j].def->name == fl->def->name && d->fields[j].def->type != FT_PROTO &&
				    d->fields[j].def->type != FT_GROUP) {
					next[j] = (int16_t)i;
					later[i] = 1;
					break;
				}
			}
			continue;
		}
		if (k->stamp == stamp) {
			next[k->last] = (int16_t)i;
			later[i] = 1;
		}
		k->stamp = stamp;
		k->last = (int16_t)i;
	}
	plan.defs = plan_defs;
	plan.ops = plan_ops;
	plan.text = plan_text;
	plan.n = n;
	plan.nops = 0;
	for (int i = 0; i < n; i++) {
		const struct field_def *def = d->fields[i].def;
		char key[80];
		size_t nl;

		if (def->type == FT_PROTO || def->type == FT_GROUP || later[i])
			continue;
		nl = strlen(def->name);
		if (nl > 64)
			nl = 64;
		key[0] = ',';
		key[1] = '"';
		memcpy(key + 2, def->name, nl);
		memcpy(key + 2 + nl, "\":[", 3);
		plan_op(i, d, key + first, nl + 4 - (size_t)first + (next[i] >= 0), &tlen);
		first = 0;
		if (next[i] < 0)
			continue;
		for (int j = next[i]; j >= 0; j = next[j])
			plan_op(j, d, ",", 1, &tlen);
		plan_ops[plan.nops - 1].close = 1;
	}
	memset(plan_text + tlen, 0, PRE_PAD);
	plan.nbytes = 0;
	plan.need = PRE_PAD;
	for (int k = 0; k < plan.nops; k++) {
		const struct jop *op = &plan_ops[k];

		plan.nbytes += op->type == FT_BYTES;
		plan.need += op->pre_len + PRE_PAD + value_room((enum field_type)op->type);
	}
}

/* A copy of the plan to keep (NULL without memory: the plan is made again next time). */
static struct shape *shape_keep(uint32_t hash)
{
	size_t tlen = plan.nops ? plan.ops[plan.nops - 1].pre_off + plan.ops[plan.nops - 1].pre_len : 0;
	size_t dsz = (size_t)plan.n * sizeof(*plan.defs), osz = (size_t)plan.nops * sizeof(*plan.ops);
	struct shape *s = malloc(sizeof(*s) + dsz + osz + tlen + PRE_PAD);

	if (!s)
		return NULL;
	*s = plan;
	s->hash = hash;
	s->defs = (const struct field_def **)(s + 1);	/* pointers first: each part stays aligned */
	s->ops = (struct jop *)((char *)s->defs + dsz);
	s->text = (char *)s->ops + osz;
	memcpy(s->ops, plan.ops, osz);
	memcpy(s->defs, plan.defs, dsz);
	memcpy(s->text, plan.text, tlen + PRE_PAD);
	return s;
}

/* The plan for d's fields: a kept one when a frame of the same shape came before. A shape's
 * plan is looked for in a few slots after its hash's, so that two common shapes whose hashes
 * meet do not push each other out frame after frame; when all are taken, one of them goes. */
static const struct shape *shape_of(const struct decoded *d, int n)
{
	static _Thread_local unsigned victim;
	uint32_t hash;
	struct shape **slot = NULL;

	if (n == 0) {
		plan.n = plan.nops = 0;
		return &plan;
	}
	hash = shape_hash(d, n);
	for (unsigned i = 0; i < SHAPE_PROBES; i++) {
		struct shape **s = &shapes[(hash + i) & (SHAPES - 1)];

		if (shape_fits(*s, d, n, hash))
			return *s;
		if (!*s && !slot)
			slot = s;
	}
	plan_frame(d, n);
	if (n <= SHAPE_MAX_FIELDS) {
		if (!slot) {
			slot = &shapes[(hash + victim++ % SHAPE_PROBES) & (SHAPES - 1)];
			free(*slot);
		}
		*slot = shape_keep(hash);
	}
	return &plan;
}

void frameprint_json_release(void)
{
	for (unsigned i = 0; i < SHAPES; i++) {
		free(shapes[i]);
		shapes[i] = NULL;
	}
}

/* v in decimal at o (20 bytes of room); returns the end */
static char *put_u64(char *o, uint64_t v)
{
	struct fmtbuf t = { o, 0, 24 };

	if (v <= UINT32_MAX)
		return fmtbuf_put_u32(o, (uint32_t)v);
	fmtbuf_u64_slow(&t, v);
	return o + t.len;
}

/* A value shown as text (names, strings, notes, times) at o, in quotes and escaped: written in
 * place, and only when something in it needs escaping copied out and escaped back in. */
static char *put_text(char *o, const struct decoded *d, const struct field *fl)
{
	size_t n = decode_value_text(d, (int)(fl - d->fields), o + 1, TEXT_MAX);
	char copy[TEXT_MAX];

	if (json_plain_run(o + 1, n) == n) {
		o[0] = '"';
		o[n + 1] = '"';
		return o + n + 2;
	}
	memcpy(copy, o + 1, n);
	return put_json_str(o, copy, n);
}

static char *put_quoted(char *o, const struct decoded *d, const struct field *fl, enum field_type type);

/* A value of any kind at o, as JSON: a number, or a quoted (and escaped) text. The room is the
 * caller's: value_room(type), and twice the bytes of FT_BYTES more. Returns the end. */
static inline char *put_value(char *o, const struct decoded *d, const struct field *fl, enum field_type type)
{
	if (type <= FT_BOOL && type >= FT_UINT && fl->value <= UINT32_MAX)
		return fmtbuf_put_u32(o, (uint32_t)fl->value);
	if (type == FT_IPV4 && fl->len >= 4) {
		*o = '"';
		o += 1 + fmtbuf_ip4_put(o + 1, d->data + fl->off);
		*o = '"';
		return o + 1;
	}
	return put_quoted(o, d, fl, type);
}

/* The kinds put_value does not write in line (and numbers past 32 bits). */
static char *put_quoted(char *o, const struct decoded *d, const struct field *fl, enum field_type type)
{
	const uint8_t *p = d->data + fl->off;
	struct fmtbuf t = { o + 1, 0, 64 };

	switch (type) {
	case FT_UINT:
	case FT_HEX:
	case FT_BOOL:
		return put_u64(o, fl->value);
	case FT_IPV4:
		break;	/* cut short: "" */
	case FT_MAC:
		if (fl->len >= 6)
			t.len = (size_t)(fmtbuf_put_mac(t.p, p) - t.p);
		break;
	case FT_IPV6:
		if (fl->len >= 16)
			fmtbuf_ip6(&t, p);
		break;
	case FT_BYTES:
		t.len = (size_t)(fmtbuf_put_hex(t.p, p, fl->len) - t.p);
		break;
	case FT_CSUM:
		fmtbuf_str(&t, decode_csum_word(fl->value));
		break;
	default:
		return put_text(o, d, fl);
	}
	o[0] = '"';
	o[1 + t.len] = '"';
	return o + t.len + 2;
}


/* The fields as the plan says: straight into the buffer when it has room for the worst case of
 * the whole frame (always, but for frames of thousands of fields); otherwise each value is made
 * aside and appended as far as it fits (the line then ends as "too many fields"). */
static void json_fields(struct fmtbuf *b, const struct decoded *d, const struct shape *s)
{
	char *o = b->p + b->len;

	if (b->cap - b->len <= s->need + 2 * (size_t)d->caplen * (size_t)s->nbytes) {
		for (int k = 0; k < s->nops; k++) {
			const struct jop *op = &s->ops[k];
			const struct field *fl = &d->fields[op->field];
			static char one[TEXT_ROOM];

			fmtbuf_mem(b, s->text + op->pre_off, op->pre_len);
			if (op->type == FT_BYTES) {	/* the one kind without a bound of its own */
				fmtbuf_char(b, '"');
				fmtbuf_hexbytes(b, d->data + fl->off, fl->len, 0);
				fmtbuf_char(b, '"');
			} else {
				fmtbuf_mem(b, one, (size_t)(put_value(one, d, fl, (enum field_type)op->type) - one));
			}
			if (op->close)
				fmtbuf_char(b, ']');
		}
		return;
	}
	for (int k = 0; k < s->nops; k++) {
		const struct jop *op = &s->ops[k];

		if (op->pre_len <= PRE_PAD)
			memcpy(o, s->text + op->pre_off, PRE_PAD);	/* fixed size: a few moves */
		else
			memcpy(o, s->text + op->pre_off, op->pre_len);
		o = put_value(o + op->pre_len, d, &d->fields[op->field], (enum field_type)op->type);
		*o = ']';
		o += op->close;
	}
	b->len = (size_t)(o - b->p);
	b->p[b->len] = '\0';
}

/* "eth","ip" ...: each layer's name in quotes with the comma after it, made once */
static const char *proto_quoted(enum decode_proto p, size_t *len)
{
	static _Thread_local char q[PROTO_COUNT][24];
	static _Thread_local uint8_t qlen[PROTO_COUNT];

	if (!qlen[p]) {
		int n = snprintf(q[p], sizeof(q[p]), "\"%s\",", decode_proto_short(p));

		qlen[p] = (uint8_t)(n > 0 && (size_t)n < sizeof(q[p]) ? n : 0);
	}
	*len = qlen[p];
	return q[p];
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

/* The object's start, up to the fields: {"frame":N,"time":...,"protocols":[...],"fields":{ at o
 * (1 KiB of room). Returns the end. */
static char *put_head(char *o, const struct frame *f, const struct decoded *d)
{
	memcpy(o, "{\"frame\":", 9);
	o = put_u64(o + 9, f->number);
	memcpy(o, ",\"time\":", 8);
	o = put_time(o + 8, &f->ts);
	if (f->dir != FRAME_DIR_UNKNOWN) {
		const char *dir = f->dir == FRAME_IN ? ",\"dir\":\"in\"" : ",\"dir\":\"out\"";
		size_t n = strlen(dir);

		memcpy(o, dir, n);
		o += n;
	}
	memcpy(o, ",\"len\":", 7);
	o = fmtbuf_put_u32(o + 7, f->len);
	memcpy(o, ",\"caplen\":", 10);
	o = fmtbuf_put_u32(o + 10, f->caplen);
	memcpy(o, ",\"protocols\":[", 14);
	o += 14;
	for (int k = 0; k < decode_nprotos(d); k++) {
		size_t n;
		const char *q = proto_quoted((enum decode_proto)d->protos[k], &n);

		memcpy(o, q, 24);
		o += n;
	}
	if (o[-1] == ',')
		o--;
	memcpy(o, "],\"fields\":{", 12);
	return o + 12;
}

void frameprint_json_buf(struct fmtbuf *out, const struct frame *f, const struct decoded *d,
			 const struct frameprint_extra *x)
{
	static char scratch[FRAMEPRINT_JSON_MAX];
	size_t start = out->len, room = out->cap - start;
	/* the whole room of a line, or a scratch line copied when done */
	struct fmtbuf b = { room >= FRAMEPRINT_JSON_MAX ? out->p + start : scratch, 0, FRAMEPRINT_JSON_MAX - 2 };

	b.len = (size_t)(put_head(b.p, f, d) - b.p);
	b.p[b.len] = '\0';
	json_fields(&b, d, shape_of(d, decode_count(d)));
	fmtbuf_mem(&b, "},\"summary\":", 12);
	frameprint_json_string(&b, d->summary, strnlen(d->summary, sizeof(d->summary)));
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
	if (b.p == scratch) {
		fmtbuf_mem(out, scratch, b.len);	/* what fits */
		return;
	}
	out->len = start + b.len;
}
