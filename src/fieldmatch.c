/* fieldmatch.c — a small condition over a decoded frame's fields, with Wireshark's names: "ip.ttl == 1", "tcp.flags.syn". */
#include "fieldmatch.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct {
	const char *word;
	enum fieldmatch_op op;
} ops[] = {
	{ "==", FM_EQ }, { "!=", FM_NE }, { "<=", FM_LE }, { ">=", FM_GE }, { "<", FM_LT }, { ">", FM_GT },
	{ "eq", FM_EQ }, { "ne", FM_NE }, { "le", FM_LE }, { "ge", FM_GE }, { "lt", FM_LT }, { "gt", FM_GT },
};

static int name_char(int ch) { return isalnum(ch) || ch == '.' || ch == '_' || ch == '-'; }

static const char *skip_space(const char *s)
{
	while (isspace((unsigned char)*s))
		s++;
	return s;
}

static int parse_number(const char *s, unsigned long long *out)
{
	char *end;

	if (!*s || *s == '-')
		return 0;
	errno = 0;
	*out = strtoull(s, &end, 0);
	return !errno && end != s && *end == '\0';
}

int fieldmatch_parse(struct fieldmatch *m, const char *text, char *err, size_t errlen)
{
	const char *s = skip_space(text), *start;
	size_t n, k;

	memset(m, 0, sizeof(*m));
	start = s;
	while (name_char((unsigned char)*s))
		s++;
	n = (size_t)(s - start);
	if (n == 0 || !isalpha((unsigned char)*start)) {
		snprintf(err, errlen, "'%s' does not start with a field name such as ip.ttl or tcp.flags.syn", text);
		return -EINVAL;
	}
	if (n >= sizeof(m->name)) {
		snprintf(err, errlen, "field name too long in '%s' (at most %zu characters)", text, sizeof(m->name) - 1);
		return -EINVAL;
	}
	memcpy(m->name, start, n);
	s = skip_space(s);
	if (!*s) {
		m->op = FM_PRESENT;
		return 0;
	}
	for (k = 0; k < sizeof(ops) / sizeof(ops[0]); k++) {
		size_t w = strlen(ops[k].word);

		if (strncmp(s, ops[k].word, w) == 0 && (!isalpha((unsigned char)ops[k].word[0]) || isspace((unsigned char)s[w]))) {
			m->op = ops[k].op;
			s += w;
			break;
		}
	}
	if (k == sizeof(ops) / sizeof(ops[0])) {
		snprintf(err, errlen, "no comparison in '%s': expected == != < > <= >= after %s (or the name alone)",
			 text, m->name);
		return -EINVAL;
	}
	s = skip_space(s);
	if (*s && strchr("=<>!", *s)) {	/* "ip.ttl === 1": one operator too many */
		snprintf(err, errlen, "'%s': one comparison (== != < > <= >=), then a value", text);
		return -EINVAL;
	}
	n = strlen(s);
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		s++;
		n -= 2;
	}
	if (n == 0) {
		snprintf(err, errlen, "no value after the comparison in '%s'", text);
		return -EINVAL;
	}
	if (n >= sizeof(m->value)) {
		snprintf(err, errlen, "value too long in '%s' (at most %zu characters)", text, sizeof(m->value) - 1);
		return -EINVAL;
	}
	memcpy(m->value, s, n);
	m->has_num = parse_number(m->value, &m->num);
	if (m->op >= FM_LT && !m->has_num) {
		snprintf(err, errlen, "'%s' compares with <, >, <= or >=: the value must be a number", text);
		return -EINVAL;
	}
	return 0;
}

static int numeric(enum field_type t) { return t == FT_UINT || t == FT_HEX || t == FT_BOOL; }

/* -1, 0, 1 as the field compares with the value; 2 when they cannot be compared */
static int compare(const struct fieldmatch *m, const struct decoded *d, int i)
{
	const struct field *f = decode_field(d, i);
	char text[512];
	uint8_t addr[16];

	if (numeric(f->def->type)) {
		unsigned long long want = m->num;

		if (!m->has_num) {	/* "Set"/"True" for flags */
			if (f->def->type != FT_BOOL)
				return 2;
			if (!strcasecmp(m->value, "true") || !strcasecmp(m->value, "set"))
				want = 1;
			else if (!strcasecmp(m->value, "false") || !strcasecmp(m->value, "not set"))
				want = 0;
			else
				return 2;
		}
		return f->value < want ? -1 : f->value > want ? 1 : 0;
	}
	if (m->op >= FM_LT)
		return 2;
	if (f->def->type == FT_IPV4 && inet_pton(AF_INET, m->value, addr) == 1)
		return f->len >= 4 && memcmp(d->data + f->off, addr, 4) == 0 ? 0 : 1;
	if (f->def->type == FT_IPV6 && inet_pton(AF_INET6, m->value, addr) == 1)
		return f->len >= 16 && memcmp(d->data + f->off, addr, 16) == 0 ? 0 : 1;
	decode_value_text(d, i, text, sizeof(text));
	return strcasecmp(text, m->value) == 0 ? 0 : 1;
}

int fieldmatch_eval(const struct fieldmatch *m, const struct decoded *d)
{
	int i, n = decode_count(d), seen = 0;

	for (i = 0; i < n; i++) {
		int c;

		if (strcmp(decode_name(d, i), m->name) != 0)
			continue;
		seen = 1;
		if (m->op == FM_PRESENT)
			return 1;
		c = compare(m, d, i);
		if (c == 2)
			continue;
		switch (m->op) {
		case FM_EQ: if (c == 0) return 1; break;
		case FM_NE: if (c == 0) return 0; break;
		case FM_LT: if (c < 0) return 1; break;
		case FM_GT: if (c > 0) return 1; break;
		case FM_LE: if (c <= 0) return 1; break;
		case FM_GE: if (c >= 0) return 1; break;
		default: break;
		}
	}
	return m->op == FM_NE && seen;
}

int fieldmatch_looks_like(const char *text)
{
	struct fieldmatch m;
	char err[8];
	const char *s = skip_space(text);

	/* a dotted name ("dns.a", "ip.ttl == 1"), a name with an operator, or a protocol's name
	 * alone ("dns"); any other lone word is text to find in the summary lines */
	if (fieldmatch_parse(&m, text, err, sizeof(err)) < 0)
		return 0;
	if (strchr(m.name, '.') || (m.op != FM_PRESENT && isalpha((unsigned char)*s)))
		return 1;
	for (int p = 0; p < PROTO_COUNT; p++)
		if (strcmp(m.name, decode_proto_short((enum decode_proto)p)) == 0)
			return 1;
	return 0;
}
