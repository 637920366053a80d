/* lesson.c — executable lessons: the plain-text format parsed and checked into steps (see lesson.h for the format). */
#include "lesson.h"

#include <ctype.h>
#include <errno.h>
#include <pcap/dlt.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "action.h"
#include "bpf.h"
#include "craft.h"
#include "diagnose.h"

#define LESSON_MAX_BYTES (256 * 1024)

static const char *const op_names[LOP_COUNT] = {
	[LOP_SAY] = "say", [LOP_DO] = "do", [LOP_RUN] = "run", [LOP_START] = "start", [LOP_INJECT] = "inject",
	[LOP_WAIT] = "wait", [LOP_USE] = "use", [LOP_EXPECT] = "expect", [LOP_EXPECT_NONE] = "expect-none",
	[LOP_EXPECT_VERDICT] = "expect-verdict", [LOP_EXPECT_FIELD] = "expect-field",
	[LOP_EXPECT_OUTPUT] = "expect-output", [LOP_EXPECT_COUNTER] = "expect-counter",
	[LOP_QUESTION] = "question", [LOP_ANSWER] = "answer", [LOP_PAUSE] = "pause",
};

const char *lesson_op_name(enum lesson_op op)
{
	return (unsigned)op < LOP_COUNT ? op_names[op] : "?";
}

struct parser {
	struct lesson *l;
	const char *source;
	int lineno;
	int device;		/* what use: chose for the lines that follow, in this step */
	char *err;
	size_t errlen;
};

__attribute__((format(printf, 2, 3)))
static int perr(struct parser *p, const char *fmt, ...)
{
	char what[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	snprintf(p->err, p->errlen, "%s:%d: %s", p->source, p->lineno, what);
	return -EINVAL;
}

static char *trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

static struct lesson_step *cur_step(struct parser *p)
{
	return p->l->nsteps ? &p->l->steps[p->l->nsteps - 1] : NULL;
}

static struct lesson_line *add_line(struct parser *p, enum lesson_op op, const char *text)
{
	struct lesson_step *st = cur_step(p);
	struct lesson_line *ln, *grown = realloc(st->lines, (size_t)(st->nlines + 1) * sizeof(*st->lines));

	if (!grown)
		return NULL;
	st->lines = grown;
	ln = &st->lines[st->nlines++];
	memset(ln, 0, sizeof(*ln));
	ln->op = op;
	ln->lineno = p->lineno;
	ln->device = p->device;
	ln->text = strdup(text);
	return ln->text ? ln : NULL;
}

/* ---- the header: lesson:, about:, device: ---- */

static int parse_device(struct parser *p, char *rest)
{
	struct lesson *l = p->l;
	struct dev_options *d;
	char *w, *save = NULL;

	if (l->nsteps)
		return perr(p, "device: must come before the first step:");
	if (l->ndevs == OPTIONS_MAX_DEVICES)
		return perr(p, "too many devices (at most %d)", OPTIONS_MAX_DEVICES);
	d = &l->devs[l->ndevs];
	memset(d, 0, sizeof(*d));
	w = strtok_r(rest, " \t", &save);
	if (!w || strlen(w) >= 16 || !isalpha((unsigned char)*w))
		return perr(p, "device: needs a name first (e.g. device: tap0 tap 10.18.0.1/24)");
	d->dev.name = strdup(w);
	l->ndevs++;	/* counted now: if a word below is refused, lesson_free still frees it */
	while ((w = strtok_r(NULL, " \t", &save))) {
		struct dev_addr a;

		if (!strcmp(w, "tun"))
			d->dev.tun = 1;
		else if (!strcmp(w, "tap"))
			d->dev.tun = 0;
		else if (!strcmp(w, "pi"))
			d->dev.pi = 1;
		else if (!strcmp(w, "absent"))
			d->absent = 1;
		else if (!strcmp(w, "down"))
			d->no_config = 1;
		else if (addrset_parse_cidr(w, &a) == 0 && strchr(w, '/'))
			addrset_add(&d->addrs, &a);
		else
			return perr(p, "device: unknown word '%s' (valid: tap, tun, pi, absent, down, an address like "
				       "10.18.0.1/24)", w);
	}
	if (!d->addrs.n && !d->absent && !d->no_config) {
		char cidr[32];
		struct dev_addr a;

		snprintf(cidr, sizeof(cidr), "10.18.%d.1/24", l->ndevs - 1);
		addrset_parse_cidr(cidr, &a);
		addrset_add(&d->addrs, &a);
	}
	return 0;
}

static int device_index(struct parser *p, const char *name)
{
	for (int i = 0; i < p->l->ndevs; i++)
		if (!strcmp(p->l->devs[i].dev.name, name))
			return i;
	return -1;
}

/* A lesson without device: lines gets tap0 with 10.18.0.1/24. */
static void default_device(struct lesson *l)
{
	struct dev_addr a;

	l->devs[0].dev.name = strdup("tap0");
	addrset_parse_cidr("10.18.0.1/24", &a);
	addrset_add(&l->devs[0].addrs, &a);
	l->ndevs = 1;
}

/* ---- what the step lines take ---- */

/* "FILTER within 2s" -> the filter, and ns set from the tail when there is one. */
static int split_within(struct parser *p, char *text, uint64_t *ns)
{
	char *w = NULL;

	*ns = LESSON_DEFAULT_WITHIN_NS;
	for (char *at = strstr(text, "within "); at; at = strstr(at + 1, "within "))
		if (at == text || isspace((unsigned char)at[-1]))
			w = at;
	if (!w)
		return 0;
	if (craft_parse_duration(trim(w + 7), ns) < 0 || !*ns)
		return perr(p, "'%s': within takes a duration like 500ms, 2s or 1.5s", trim(w));
	*w = '\0';
	trim(text);
	return 0;
}

static int check_filter(struct parser *p, const char *filter)
{
	int dlt = p->l->devs[p->device].dev.tun ? DLT_RAW : DLT_EN10MB;
	char err[256];
	struct bpf_filter *b;

	if (!*filter)
		return perr(p, "an expectation needs a filter (tcpdump syntax, e.g. 'arp' or 'icmp[icmptype] = icmp-echoreply')");
	b = bpf_filter_new(dlt, filter, err, sizeof(err));
	if (!b)
		return perr(p, "bad filter '%s': %s", filter, err);
	bpf_filter_free(b);
	return 0;
}

static int check_verdict(struct parser *p, const char *code)
{
	char valid[400];
	size_t used = 0;

	for (int c = DIAG_OK; strcmp(diagnose_code_name((enum diag_code)c), "?"); c++) {
		if (!strcasecmp(code, diagnose_code_name((enum diag_code)c)))
			return 0;
		used += (size_t)snprintf(valid + used, sizeof(valid) - used, "%s%s", c ? ", " : "",
					 diagnose_code_name((enum diag_code)c));
		if (used >= sizeof(valid))
			break;
	}
	return perr(p, "unknown verdict '%s' (valid: %s)", code, valid);
}

static int parse_field(struct parser *p, struct lesson_line *ln)
{
	char *op = strstr(ln->text, "==");

	ln->cmp = LCMP_EQ;
	if (!op) {
		op = strstr(ln->text, "!=");
		ln->cmp = LCMP_NE;
	}
	if (!op)
		return perr(p, "expect-field: wants NAME == VALUE or NAME != VALUE (e.g. icmp.type == 0)");
	ln->value = strdup(trim(op + 2));
	*op = '\0';
	trim(ln->text);
	if (!*ln->text || !ln->value || !*ln->value)
		return perr(p, "expect-field: wants a field name and a value (e.g. ip.ttl == 64)");
	return 0;
}

static int parse_counter(struct parser *p, struct lesson_line *ln)
{
	char *name = ln->text, *val = name + strcspn(name, " \t"), *end;

	if (*val)
		*val++ = '\0';
	val = trim(val);
	if (!*name || !(*val == '+' || *val == '=' || *val == '>'))
		return perr(p, "expect-counter: wants NAME +N, NAME =N or NAME >N (e.g. IcmpInCsumErrors +1)");
	ln->cmp = *val == '+' ? LCMP_RISE : *val == '=' ? LCMP_EQ : LCMP_GT;
	errno = 0;
	ln->n = strtoll(val + 1, &end, 10);
	if (errno || end == val + 1 || *trim(end))
		return perr(p, "expect-counter: '%s' is not a number", val + 1);
	return 0;
}

static int check_action(struct parser *p, const char *text)
{
	char name[64];

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(text, " \t"), text);
	if (action_find(name))
		return 0;
	{
		char valid[400];
		size_t used = 0;

		for (const struct action_def *a = action_list(); a->name && used < sizeof(valid); a++)
			used += (size_t)snprintf(valid + used, sizeof(valid) - used, "%s%s", used ? ", " : "", a->name);
		return perr(p, "do: unknown action '%s' (valid: %s)", name, valid);
	}
}

/* glibc's regcomp copies what a repetition applies to: twice for '+', n times for {n}, and so
 * again for each one around it ("((a+)+)+", "(a{99}){99}", "x)+++…" found by fuzzing: gigabytes).
 * The pattern's size with its copies, counted as regcomp makes them, is held to REGEX_MAX_NODES. */
#define REGEX_MAX_NODES 100000u
#define REGEX_MAX_DEPTH 64

static int regex_too_costly(const char *re)
{
	unsigned long sum[REGEX_MAX_DEPTH] = { 0 }, last = 0;	/* size of each open group; of the last atom */
	int depth = 0;

	for (const char *s = re; *s; s++) {
		unsigned long times = 0;

		if (*s == '(') {
			if (++depth >= REGEX_MAX_DEPTH)
				return 1;
			sum[depth] = 0;
			last = 0;
			continue;
		}
		if (*s == ')' && depth > 0) {
			last = sum[depth] ? sum[depth] : 1;
			sum[--depth] += last;
		} else if (*s == '+') {
			times = 2;
		} else if (*s == '{') {
			const char *comma = strchr(s, ','), *end = strchr(s, '}');
			unsigned long m = strtoul(s + 1, NULL, 10), n = m;

			if (!end || m > 0x7fff)
				return 0;	/* regcomp says what is wrong */
			if (comma && comma < end)
				n = comma[1] == '}' ? m + 1 : strtoul(comma + 1, NULL, 10);
			times = (n > m ? n : m) ? (n > m ? n : m) : 1;
			s = end;
		} else if (*s != '*' && *s != '?' && *s != '|') {	/* an atom: a character, a bracket, an escape */
			if (*s == '\\' && s[1])
				s++;
			else if (*s == '[')
				for (s += 1 + (s[1] == '^'), s += *s == ']'; *s && *s != ']'; s++)
					;
			if (!*s)
				break;
			last = 1;
			sum[depth]++;
		}
		if (times > 1) {	/* the last atom (or group) copied: times - 1 more of it */
			if (last > REGEX_MAX_NODES / times)
				return 1;
			sum[depth] += last * (times - 1);
			last *= times;
		}
		if (sum[depth] > REGEX_MAX_NODES)
			return 1;
	}
	return 0;
}

static int check_line(struct parser *p, struct lesson_line *ln)
{
	struct craft_spec *spec;
	regex_t re;
	int rc;

	switch (ln->op) {
	case LOP_DO:
		return check_action(p, ln->text);
	case LOP_INJECT: {
		char text[1100];
		const char *at = strstr(ln->text, "${frame}");

		/* ${frame} is known only when the step runs: checked here as frame 1 */
		if (at)
			snprintf(text, sizeof(text), "%.*s1%s", (int)(at - ln->text), ln->text, at + 8);
		else
			snprintf(text, sizeof(text), "%s", ln->text);
		spec = malloc(sizeof(*spec));
		if (!spec)
			return -ENOMEM;
		rc = craft_parse(text, spec, p->err, p->errlen);
		free(spec);
		if (rc) {
			char why[300];

			snprintf(why, sizeof(why), "%s", p->err);
			return perr(p, "%s", why);
		}
		return 0;
	}
	case LOP_WAIT:
		if (craft_parse_duration(ln->text, &ln->ns) < 0)
			return perr(p, "wait: takes a duration like 500ms, 2s or 1.5s, not '%s'", ln->text);
		return 0;
	case LOP_USE:
		ln->device = device_index(p, ln->text);
		if (ln->device < 0)
			return perr(p, "use: no device '%s' (declare it with device:)", ln->text);
		p->device = ln->device;
		return 0;
	case LOP_EXPECT:
	case LOP_EXPECT_NONE:
		return split_within(p, ln->text, &ln->ns) ?: check_filter(p, ln->text);
	case LOP_EXPECT_VERDICT:
		return split_within(p, ln->text, &ln->ns) ?: check_verdict(p, ln->text);
	case LOP_EXPECT_COUNTER:
		return split_within(p, ln->text, &ln->ns) ?: parse_counter(p, ln);
	case LOP_EXPECT_FIELD:
		return parse_field(p, ln);
	case LOP_EXPECT_OUTPUT:
		rc = strstr(ln->text, "within ") != NULL;
		if (split_within(p, ln->text, &ln->ns))
			return -EINVAL;
		if (!rc)
			ln->ns = 0;	/* no "within": the output so far */
		if (regex_too_costly(ln->text))
			return perr(p, "expect-output: '%s' repeats too much for regcomp ('((a+)+)+', '(a{99}){99}'): "
				    "write it with fewer nested repetitions", ln->text);
		if (regcomp(&re, ln->text, REG_EXTENDED | REG_NOSUB))
			return perr(p, "expect-output: '%s' is not a valid regular expression (POSIX extended)", ln->text);
		regfree(&re);
		return 0;
	case LOP_RUN:
	case LOP_START:
		return *ln->text ? 0 : perr(p, "%s: needs a command", lesson_op_name(ln->op));
	default:
		return 0;
	}
}

/* ---- lines ---- */

static int find_op(const char *key)
{
	for (int i = 0; i < LOP_COUNT; i++)
		if (!strcmp(key, op_names[i]))
			return i;
	return -1;
}

static int bad_keyword(struct parser *p, const char *key)
{
	return perr(p, "unknown keyword '%s:' (valid: lesson, about, device, step, say, do, run, start, inject, wait, "
		       "use, expect, expect-none, expect-verdict, expect-field, expect-output, expect-counter, "
		       "question, answer, pause)", key);
}

static int new_step(struct parser *p, const char *title)
{
	struct lesson *l = p->l;
	struct lesson_step *grown = realloc(l->steps, (size_t)(l->nsteps + 1) * sizeof(*l->steps));

	if (!grown)
		return -ENOMEM;
	l->steps = grown;
	memset(&l->steps[l->nsteps], 0, sizeof(l->steps[0]));
	l->steps[l->nsteps].lineno = p->lineno;
	l->steps[l->nsteps].title = strdup(title);
	l->nsteps++;
	p->device = 0;
	return 0;
}

/* Indented text with no keyword continues the narration before it. */
static int continue_text(struct parser *p, const char *text)
{
	struct lesson_step *st = cur_step(p);
	char **target, *grown;

	if (!st)
		return perr(p, "text outside a step: '%s' (narration belongs after step: or say:)", text);
	if (st->nlines && (st->lines[st->nlines - 1].op == LOP_SAY || st->lines[st->nlines - 1].op == LOP_QUESTION ||
			   st->lines[st->nlines - 1].op == LOP_ANSWER || st->lines[st->nlines - 1].op == LOP_PAUSE))
		target = &st->lines[st->nlines - 1].text;
	else if (!st->nlines)
		target = &st->title;
	else
		return perr(p, "text after '%s:' with no keyword: '%s' (start narration with say:)",
			    lesson_op_name(st->lines[st->nlines - 1].op), text);
	grown = realloc(*target, strlen(*target) + strlen(text) + 2);
	if (!grown)
		return -ENOMEM;
	strcat(strcat(grown, " "), text);
	*target = grown;
	return 0;
}

static int parse_line(struct parser *p, char *raw)
{
	char *line = trim(raw), *colon, *rest;
	int op;

	if (!*line || *line == '#')
		return 0;
	colon = strchr(line, ':');
	if (!colon || colon == line || strcspn(line, " \t") < (size_t)(colon - line))
		return continue_text(p, line);
	*colon = '\0';
	rest = trim(colon + 1);
	if (!strcmp(line, "lesson") || !strcmp(line, "about")) {
		char **dst = !strcmp(line, "lesson") ? &p->l->title : &p->l->about;

		free(*dst);
		*dst = strdup(rest);
		return 0;
	}
	if (!strcmp(line, "device"))
		return parse_device(p, rest);
	if (!strcmp(line, "step"))
		return *rest ? new_step(p, rest) : perr(p, "step: needs a line of narration");
	op = find_op(line);
	if (op < 0)
		return bad_keyword(p, line);
	if (!cur_step(p))
		return perr(p, "'%s:' before the first step:", line);
	if (!p->l->ndevs)
		default_device(p->l);
	{
		struct lesson_line *ln = add_line(p, (enum lesson_op)op, rest);

		return ln ? check_line(p, ln) : -ENOMEM;
	}
}

int lesson_parse(const char *text, const char *source, struct lesson *out, char *err, size_t errlen)
{
	struct parser p = { .l = out, .source = source, .err = err, .errlen = errlen };
	char *copy = strdup(text), *line = copy;
	int rc = copy ? 0 : -ENOMEM;

	memset(out, 0, sizeof(*out));
	snprintf(out->name, sizeof(out->name), "%s", source);
	while (line && !rc) {
		char *nl = strchr(line, '\n');

		if (nl)
			*nl = '\0';
		p.lineno++;
		rc = parse_line(&p, line);
		line = nl ? nl + 1 : NULL;
	}
	free(copy);
	if (!rc && !out->ndevs)
		default_device(out);
	if (!rc && !out->nsteps)
		rc = perr(&p, "no step: in the lesson (a lesson is a list of step: blocks)");
	if (!rc && !out->title)
		out->title = strdup(source);
	if (rc)
		lesson_free(out);
	return rc;
}

void lesson_free(struct lesson *l)
{
	for (int i = 0; i < l->nsteps; i++) {
		for (int j = 0; j < l->steps[i].nlines; j++) {
			free(l->steps[i].lines[j].text);
			free(l->steps[i].lines[j].value);
		}
		free(l->steps[i].lines);
		free(l->steps[i].title);
	}
	for (int i = 0; i < l->ndevs; i++) {
		free((char *)l->devs[i].dev.name);
		addrset_free(&l->devs[i].addrs);	/* -a addresses grow on the heap */
	}
	free(l->steps);
	free(l->title);
	free(l->about);
	memset(l, 0, sizeof(*l));
}

static char *read_file(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	char *buf;
	size_t n;

	if (!f) {
		snprintf(err, errlen, "no built-in lesson and no file '%s': %s (tapscope --lessons lists the built-in ones)",
			 path, strerror(errno));
		return NULL;
	}
	buf = malloc(LESSON_MAX_BYTES + 1);
	n = buf ? fread(buf, 1, LESSON_MAX_BYTES + 1, f) : 0;
	fclose(f);
	if (!buf || n > LESSON_MAX_BYTES || memchr(buf, '\0', n)) {
		snprintf(err, errlen, "%s: not a lesson (larger than 256 KiB, or not text)", path);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	return buf;
}

int lesson_load(const char *name, struct lesson *out, char *err, size_t errlen)
{
	char *text;
	int rc;

	for (const struct lesson_builtin *b = lesson_builtins(); b->name; b++)
		if (!strcmp(b->name, name))
			return lesson_parse(b->text, b->name, out, err, errlen);
	text = read_file(name, err, errlen);
	if (!text)
		return -ENOENT;
	rc = lesson_parse(text, name, out, err, errlen);
	free(text);
	return rc;
}

extern const struct lesson_builtin lesson_builtin_table[];

const struct lesson_builtin *lesson_builtins(void)
{
	return lesson_builtin_table;
}
