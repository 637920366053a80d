/* craft.c — parses an inject spec ("icmp type=echo-request dst=...") into a struct craft_spec and formats it back. */
#include "craft.h"
#include "craft_priv.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define SPEC_TEXT_MAX 8192
#define MAX_TOKENS 64
#define COUNT_MAX 1000000u
#define INTERVAL_MAX_NS (3600ull * 1000000000ull)

struct parse {
	struct craft_spec *s;
	char *err;
	size_t errlen;
	const char *val[CRAFT_F_COUNT_OF_FIELDS];	/* value text per field, NULL if absent */
	const char *key[CRAFT_F_COUNT_OF_FIELDS];	/* the key as written (ttl or hlim) */
	int at;			/* the field being read now (enum craft_field or CRAFT_AT_*) */
	int bad;		/* where the error is: at, when perr was called */
};

static int perr(struct parse *p, const char *fmt, ...)
{
	va_list ap;
	int n;

	p->bad = p->at;
	if (!p->errlen)
		return -EINVAL;
	n = snprintf(p->err, p->errlen, "inject: ");
	va_start(ap, fmt);
	if (n > 0 && (size_t)n < p->errlen)
		vsnprintf(p->err + n, p->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static const char *proto_name(const struct parse *p)
{
	return p->s->v6 ? "icmp6" : "icmp";
}

static const char *type_label(int v6, int type, char *buf, size_t n)
{
	const char *name = craft_type_name(v6, type);

	if (name)
		return name;
	snprintf(buf, n, "type %d", type);
	return buf;
}

/* ---- tokens ---- */

/* Splits text into blank-separated tokens in place; "..." groups, backslash escapes inside. */
static int tokenize(struct parse *p, char *text, char **tok, int *ntok)
{
	char *r = text, *w = text;

	*ntok = 0;
	while (*r) {
		int quoted = 0;

		while (isspace((unsigned char)*r))
			r++;
		if (!*r)
			break;
		if (*ntok == MAX_TOKENS)
			return perr(p, "too many fields (at most %d)", MAX_TOKENS);
		tok[(*ntok)++] = w;
		for (; *r && (quoted || !isspace((unsigned char)*r)); r++) {
			if (*r == '"') {
				quoted = !quoted;
			} else if (quoted && *r == '\\' && r[1]) {
				*w++ = *++r;
			} else {
				*w++ = *r;
			}
		}
		if (quoted)
			return perr(p, "unterminated quote in '%s'", tok[*ntok - 1]);
		if (*r)
			r++;
		*w++ = '\0';
	}
	return 0;
}

static const struct { const char *alias; int field; } aliases[] = {
	{ "hlim", CRAFT_F_TTL }, { "tclass", CRAFT_F_TOS }, { NULL, 0 }
};

static int field_lookup(const char *key)
{
	const struct tok *f = tok_find(craft_fields(), key);

	if (f)
		return f->v;
	for (int i = 0; aliases[i].alias; i++)
		if (!strcasecmp(aliases[i].alias, key))
			return aliases[i].field;
	return -1;
}

static int take_token(struct parse *p, char *t)
{
	char *eq = strchr(t, '=');
	const char *value = "1";
	char list[512];
	int f;

	if (eq) {
		*eq = '\0';
		value = eq + 1;
	}
	f = field_lookup(t);
	p->at = f < 0 ? CRAFT_AT_UNKNOWN : f;
	if (f < 0) {
		tok_list(craft_fields(), list, sizeof(list));
		return perr(p, "unknown field '%s' (valid: %s)", t, list);
	}
	if (!eq && f != CRAFT_F_DF)
		return perr(p, "'%s': expected %s=VALUE", t, t);
	if (p->val[f])
		return perr(p, "'%s=%s': %s given twice", t, value, t);
	p->val[f] = value;
	p->key[f] = t;
	p->s->given |= 1u << f;
	return 0;
}

/* ---- values ---- */

static int num_parse(const char *v, unsigned long long max, unsigned long long *out)
{
	char *end;

	if (!isdigit((unsigned char)v[0]))
		return -EINVAL;
	errno = 0;
	*out = strtoull(v, &end, v[0] == '0' && (v[1] == 'x' || v[1] == 'X') ? 16 : 10);
	if (errno || *end || *out > max)
		return -EINVAL;
	return 0;
}

/* Parses field f as a number in 0..max (the flow label's limit reads better in hex). */
static int num_field(struct parse *p, int f, unsigned long long max, unsigned long long *out)
{
	if (!num_parse(p->val[f], max, out))
		return 0;
	if (f == CRAFT_F_FLOW)
		return perr(p, "'%s=%s': %s must be 0..0x%llx", p->key[f], p->val[f], p->key[f], max);
	return perr(p, "'%s=%s': %s must be 0..%llu", p->key[f], p->val[f], p->key[f], max);
}

static int u8_field(struct parse *p, int f, uint8_t *out)
{
	unsigned long long v;
	int rc = num_field(p, f, 0xff, &v);

	*out = (uint8_t)v;
	return rc;
}

static int u16_field(struct parse *p, int f, uint16_t *out)
{
	unsigned long long v;
	int rc = num_field(p, f, 0xffff, &v);

	*out = (uint16_t)v;
	return rc;
}

static int addr_field(struct parse *p, int f, uint8_t *out)
{
	const char *v = p->val[f];
	uint8_t tmp[16];
	int want = p->s->v6 ? AF_INET6 : AF_INET, other = p->s->v6 ? AF_INET : AF_INET6;

	if (inet_pton(want, v, out) == 1)
		return 0;
	if (inet_pton(other, v, tmp) == 1)
		return perr(p, "%s=%s is %s but the spec is %s (use %s)", p->key[f], v,
			    p->s->v6 ? "IPv4" : "IPv6", proto_name(p), p->s->v6 ? "icmp" : "icmp6");
	return perr(p, "'%s=%s': not an %s address", p->key[f], v, p->s->v6 ? "IPv6" : "IPv4");
}

static int mac_parse(const char *v, uint8_t mac[6])
{
	unsigned int b[6];
	char c;

	if (sscanf(v, "%2x:%2x:%2x:%2x:%2x:%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &c) != 6 &&
	    sscanf(v, "%2x-%2x-%2x-%2x-%2x-%2x%c", &b[0], &b[1], &b[2], &b[3], &b[4], &b[5], &c) != 6)
		return -EINVAL;
	for (int i = 0; i < 6; i++)
		mac[i] = (uint8_t)b[i];
	return 0;
}

static int mac_field(struct parse *p, int f, uint8_t mac[6])
{
	if (!mac_parse(p->val[f], mac))
		return 0;
	return perr(p, "'%s=%s': %s must be a MAC like 02:00:0a:12:00:03", p->key[f], p->val[f], p->key[f]);
}

static int hexval(int c)
{
	if (isdigit(c))
		return c - '0';
	c = tolower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static int hex_parse(const char *h, uint8_t *out, uint32_t *len)
{
	*len = 0;
	while (*h) {
		int hi, lo;

		if (*h == ':' || *h == ' ' || *h == '.') {
			h++;
			continue;
		}
		hi = hexval((unsigned char)h[0]);
		lo = hi < 0 || !h[1] ? -1 : hexval((unsigned char)h[1]);
		if (lo < 0 || *len >= CRAFT_PAYLOAD_MAX)
			return -EINVAL;
		out[(*len)++] = (uint8_t)(hi << 4 | lo);
		h += 2;
	}
	return 0;
}

static int payload_field(struct parse *p)
{
	struct craft_spec *s = p->s;
	const char *v = p->val[CRAFT_F_PAYLOAD];
	unsigned long long n;

	if (!strncasecmp(v, "text:", 5)) {
		if (strlen(v + 5) > CRAFT_PAYLOAD_MAX)
			return perr(p, "'payload=%.20s...': text is longer than %d bytes", v, CRAFT_PAYLOAD_MAX);
		s->payload_kind = CRAFT_PAYLOAD_TEXT;
		s->payload_len = (uint32_t)strlen(v + 5);
		memcpy(s->payload, v + 5, s->payload_len);
		return 0;
	}
	if (!strncasecmp(v, "hex:", 4)) {
		s->payload_kind = CRAFT_PAYLOAD_HEX;
		if (hex_parse(v + 4, s->payload, &s->payload_len))
			return perr(p, "'payload=%s': hex: needs pairs of hex digits (at most %d bytes)",
				    v, CRAFT_PAYLOAD_MAX);
		return 0;
	}
	if (!strncasecmp(v, "size:", 5)) {
		if (num_parse(v + 5, CRAFT_SIZE_MAX, &n))
			return perr(p, "'payload=%s': size must be 0..%d", v, CRAFT_SIZE_MAX);
		s->payload_kind = CRAFT_PAYLOAD_SIZE;
		s->payload_len = (uint32_t)n;
		return 0;
	}
	return perr(p, "'payload=%s': payload must be text:..., hex:... or size:N", v);
}

static const struct { const char *unit; uint64_t ns; } units[] = {
	{ "ns", 1 }, { "us", 1000 }, { "ms", 1000000 }, { "s", 1000000000 }, { "m", 60000000000ull },
	{ "", 1000000000 }, { NULL, 0 }
};

/* "2.5s" -> 2500000000; integer arithmetic so the result is exact. */
int craft_parse_duration(const char *v, uint64_t *ns)
{
	uint64_t whole = 0, frac = 0, scale = 1;
	const char *c = v;

	if (!isdigit((unsigned char)*c))
		return -EINVAL;
	for (; isdigit((unsigned char)*c); c++)
		if ((whole = whole * 10 + (uint64_t)(*c - '0')) > INTERVAL_MAX_NS)
			return -EINVAL;	/* 1h in nanoseconds is the most any unit allows */
	if (*c == '.')
		for (c++; isdigit((unsigned char)*c); c++)
			if (scale < 1000000000ull) {
				frac = frac * 10 + (uint64_t)(*c - '0');
				scale *= 10;
			}
	for (int i = 0; units[i].unit; i++) {
		if (strcasecmp(c, units[i].unit))
			continue;
		if (frac * units[i].ns % scale || whole > INTERVAL_MAX_NS / units[i].ns)
			return -EINVAL;	/* finer than a nanosecond, or too long */
		*ns = whole * units[i].ns + frac * units[i].ns / scale;
		return *ns > INTERVAL_MAX_NS ? -EINVAL : 0;
	}
	return -EINVAL;
}

static const struct tok na_flags[] = {
	{ CRAFT_NA_ROUTER, "R", "router" }, { CRAFT_NA_SOLICITED, "S", "solicited" },
	{ CRAFT_NA_OVERRIDE, "O", "override" }, { 0, NULL, NULL }
};
static const struct tok ra_flags[] = {
	{ CRAFT_RA_MANAGED, "M", "managed" }, { CRAFT_RA_OTHER, "O", "other" }, { 0, NULL, NULL }
};

static const struct tok *flag_table(int type)
{
	return type == ND_NA ? na_flags : ra_flags;
}

static int flag_find(const struct tok *t, const char *w, size_t len)
{
	for (; t->s; t++)
		if ((strlen(t->s) == len && !strncasecmp(t->s, w, len)) ||
		    (strlen(t->desc) == len && !strncasecmp(t->desc, w, len)))
			return t->v;
	return -1;
}

static int flags_field(struct parse *p)
{
	const struct tok *t = flag_table(p->s->type);
	const char *v = p->val[CRAFT_F_FLAGS];
	char list[64];

	p->s->flags = 0;
	if (!strcasecmp(v, "none"))
		return 0;
	while (*v) {
		size_t len = strcspn(v, ",");
		int bit = flag_find(t, v, len);

		if (bit < 0) {
			tok_list(t, list, sizeof(list));
			return perr(p, "'flags=%s': unknown flag '%.*s' for %s (valid: %s, or none)",
				    p->val[CRAFT_F_FLAGS], (int)len, v, craft_type_name(1, p->s->type), list);
		}
		p->s->flags |= (uint8_t)bit;
		v += len + (v[len] == ',');
	}
	return 0;
}

/* ---- type and code ---- */

static int type_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_TYPE];
	const struct tok *t;
	unsigned long long n;
	char list[512];

	if (!v) {
		p->s->type = p->s->v6 ? 128 : 8;
		p->s->given |= 1u << CRAFT_F_TYPE;	/* the type is always explicit once parsed */
		return 0;
	}
	if ((t = tok_find(craft_icmp_types(p->s->v6), v))) {
		p->s->type = (uint8_t)t->v;
		return 0;
	}
	if (!num_parse(v, 255, &n)) {
		p->s->type = (uint8_t)n;
		return 0;
	}
	tok_list(craft_icmp_types(p->s->v6), list, sizeof(list));
	if (tok_find(craft_icmp_types(!p->s->v6), v))
		return perr(p, "'%s' is an %s type but the spec is %s (use %s; valid: %s)", v,
			    p->s->v6 ? "ICMP" : "ICMPv6", proto_name(p), p->s->v6 ? "icmp" : "icmp6", list);
	return perr(p, "unknown %s type '%s' (valid: %s)", p->s->v6 ? "ICMPv6" : "ICMP", v, list);
}

static int code_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_CODE];
	const struct tok *codes = craft_icmp_codes(p->s->v6, p->s->type);
	const struct tok *c;
	unsigned long long n;
	char list[512], tb[16];

	if (!v)
		return 0;
	if ((c = tok_find(codes, v))) {
		p->s->code = (uint8_t)c->v;
		return 0;
	}
	if (!num_parse(v, 255, &n)) {
		p->s->code = (uint8_t)n;
		return 0;
	}
	if (!codes->s)
		return perr(p, "code '%s' is not a code of %s (it has no named codes; use a number 0..255)",
			    v, type_label(p->s->v6, p->s->type, tb, sizeof(tb)));
	tok_list(codes, list, sizeof(list));
	return perr(p, "code '%s' is not a code of %s (valid: %s)", v,
		    type_label(p->s->v6, p->s->type, tb, sizeof(tb)), list);
}

/* ---- which fields go with which message ---- */

struct rule {
	int field;
	int (*applies)(const struct craft_spec *s);
	const char *where;
};

static int has_idseq(const struct craft_spec *s)
{
	int k = craft_kind(s->v6, s->type);

	return k == CRAFT_K_ECHO || k == CRAFT_K_TSTAMP || k == CRAFT_K_MASK;
}
static int is_v4(const struct craft_spec *s) { return !s->v6; }
static int is_v6(const struct craft_spec *s) { return s->v6; }
static int can_quote(const struct craft_spec *s)
{
	return craft_kind(s->v6, s->type) == CRAFT_K_ERROR || (s->v6 && s->type == ND_REDIRECT);
}
static int has_mtu(const struct craft_spec *s)
{
	return s->v6 ? s->type == 2 : s->type == 3;
}
static int is_redirect4(const struct craft_spec *s) { return !s->v6 && s->type == 5; }
static int has_pointer(const struct craft_spec *s) { return s->type == (s->v6 ? 4 : 12); }
static int has_target(const struct craft_spec *s)
{
	return s->v6 && (s->type == ND_NS || s->type == ND_NA || s->type == ND_REDIRECT);
}
static int is_redirect6(const struct craft_spec *s) { return s->v6 && s->type == ND_REDIRECT; }
static int has_flags(const struct craft_spec *s)
{
	return s->v6 && (s->type == ND_NA || s->type == ND_RA);
}
static int has_lifetime(const struct craft_spec *s)
{
	return s->v6 ? s->type == ND_RA : s->type == 9;
}
static int is_ra6(const struct craft_spec *s) { return s->v6 && s->type == ND_RA; }
static int is_echo_reply(const struct craft_spec *s) { return s->type == (s->v6 ? 129 : 0); }
static int is_ndp(const struct craft_spec *s) { return craft_kind(s->v6, s->type) == CRAFT_K_NDP; }

static const struct rule rules[] = {
	{ CRAFT_F_ID, has_idseq, "echo, timestamp, info and mask messages" },
	{ CRAFT_F_SEQ, has_idseq, "echo, timestamp, info and mask messages" },
	{ CRAFT_F_FLOW, is_v6, "icmp6" },
	{ CRAFT_F_DF, is_v4, "icmp (IPv6 has no DF bit)" },
	{ CRAFT_F_IPID, is_v4, "icmp (IPv6 has no IP id)" },
	{ CRAFT_F_QUOTE, can_quote, "error messages (dest-unreach, time-exceeded, ...) and icmp6 redirect" },
	{ CRAFT_F_MTU, has_mtu, "dest-unreach frag-needed (icmp) and packet-too-big (icmp6)" },
	{ CRAFT_F_GATEWAY, is_redirect4, "icmp redirect" },
	{ CRAFT_F_POINTER, has_pointer, "param-problem" },
	{ CRAFT_F_TARGET, has_target, "icmp6 neighbor-solicit, neighbor-advert and redirect" },
	{ CRAFT_F_RDST, is_redirect6, "icmp6 redirect" },
	{ CRAFT_F_FLAGS, has_flags, "icmp6 neighbor-advert and router-advert" },
	{ CRAFT_F_LIFETIME, has_lifetime, "router-advert" },
	{ CRAFT_F_CURHLIM, is_ra6, "icmp6 router-advert" },
	{ CRAFT_F_PREFIX, is_ra6, "icmp6 router-advert" },
	{ CRAFT_F_LLADDR, is_ndp, "icmp6 NDP messages (router-solicit ... redirect)" },
	{ CRAFT_F_ANSWER, is_echo_reply, "echo-reply" },
	{ -1, NULL, NULL }
};

static int check_rules(struct parse *p)
{
	char tb[16];

	for (const struct rule *r = rules; r->applies; r++) {
		if (!p->val[r->field] || r->applies(p->s))
			continue;
		p->at = r->field;
		return perr(p, "'%s=%s': %s applies only to %s, not %s %s", p->key[r->field],
			    p->val[r->field], p->key[r->field], r->where, proto_name(p),
			    type_label(p->s->v6, p->s->type, tb, sizeof(tb)));
	}
	p->at = CRAFT_F_QUOTE;
	if (p->val[CRAFT_F_QUOTE] && strcasecmp(p->val[CRAFT_F_QUOTE], "none") && p->val[CRAFT_F_PAYLOAD])
		return perr(p, "'quote=%s': give quote= or payload=, not both (payload= is the quoted bytes)",
			    p->val[CRAFT_F_QUOTE]);
	p->at = is_redirect4(p->s) ? CRAFT_F_GATEWAY : CRAFT_F_TARGET;
	if (is_redirect4(p->s) && !p->val[CRAFT_F_GATEWAY])
		return perr(p, "redirect needs gateway= (the better first hop)");
	if (is_redirect6(p->s) && !p->val[CRAFT_F_TARGET])
		return perr(p, "redirect needs target= (the better first hop)");
	return 0;
}

/* ---- the remaining fields, each from its text ---- */

/* last, or frame:N: which real packet quote= quotes or answer= answers. */
static int packet_ref(struct parse *p, int f)
{
	const char *v = p->val[f];
	char *end;

	if (!strcasecmp(v, "last")) {
		p->s->quote_last = 1;
		return 0;
	}
	if (!strncasecmp(v, "frame:", 6)) {
		errno = 0;
		p->s->quote_frame = strtoull(v + 6, &end, 10);
		if (errno || end == v + 6 || *end || !p->s->quote_frame || v[6] == '-')
			return perr(p, "'%s=%s': frame:N takes a frame number, 1 or more", p->key[f], v);
		p->s->quote_last = 1;
		return 0;
	}
	return -ENOENT;
}

static int quote_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_QUOTE];
	int rc;

	if (!strcasecmp(v, "none")) {
		p->s->quote_last = 0;
		return 0;
	}
	rc = packet_ref(p, CRAFT_F_QUOTE);
	if (rc != -ENOENT)
		return rc;
	return perr(p, "'quote=%s': quote must be last, frame:N (a frame's number) or none", v);
}

static int answer_field(struct parse *p)
{
	int rc = packet_ref(p, CRAFT_F_ANSWER);

	if (rc != -ENOENT) {
		p->s->answer = 1;
		return rc;
	}
	return perr(p, "'answer=%s': answer must be last (the kernel's last packet) or frame:N", p->val[CRAFT_F_ANSWER]);
}

static int checksum_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_CHECKSUM];
	unsigned long long n;

	if (!strcasecmp(v, "auto") || !strcasecmp(v, "bad")) {
		p->s->csum_mode = strcasecmp(v, "auto") ? CRAFT_CSUM_BAD : CRAFT_CSUM_AUTO;
		return 0;
	}
	if (num_parse(v, 0xffff, &n))
		return perr(p, "'checksum=%s': checksum must be auto, bad or 0..0xffff", v);
	p->s->csum_mode = CRAFT_CSUM_VALUE;
	p->s->csum_value = (uint16_t)n;
	return 0;
}

static int df_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_DF];

	if (!strcmp(v, "1") || !strcasecmp(v, "yes") || !strcasecmp(v, "on"))
		p->s->df = 1;
	else if (!strcmp(v, "0") || !strcasecmp(v, "no") || !strcasecmp(v, "off"))
		p->s->df = 0;
	else
		return perr(p, "'df=%s': df must be 0 or 1", v);
	return 0;
}

static int interval_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_INTERVAL];

	if (!craft_parse_duration(v, &p->s->interval_ns))
		return 0;
	return perr(p, "'interval=%s': interval must be a duration 0..1h like 500ms, 1s, 2.5s", v);
}

static int prefix_field(struct parse *p)
{
	struct dev_addr a;
	const char *v = p->val[CRAFT_F_PREFIX];

	if (addrset_parse_cidr(v, &a) || a.family != AF_INET6 || !strchr(v, '/'))
		return perr(p, "'prefix=%s': prefix must be an IPv6 prefix like fd00::/64", v);
	memcpy(p->s->prefix, a.addr, 16);
	p->s->prefix_len = (uint8_t)a.prefixlen;
	return 0;
}

static int lladdr_field(struct parse *p)
{
	const char *v = p->val[CRAFT_F_LLADDR];

	if (!strcasecmp(v, "auto") || !strcasecmp(v, "none")) {
		p->s->lladdr_mode = strcasecmp(v, "auto") ? CRAFT_LLADDR_NONE : CRAFT_LLADDR_AUTO;
		return 0;
	}
	if (!mac_parse(v, p->s->lladdr)) {
		p->s->lladdr_mode = CRAFT_LLADDR_MAC;
		return 0;
	}
	return perr(p, "'lladdr=%s': lladdr must be auto, none or a MAC", v);
}

static int wide_field(struct parse *p, int f, unsigned long long max, uint32_t *out)
{
	unsigned long long v;
	int rc = num_field(p, f, max, &v);

	*out = (uint32_t)v;
	return rc;
}

static int count_field(struct parse *p)
{
	unsigned long long v;

	if (num_parse(p->val[CRAFT_F_COUNT], COUNT_MAX, &v) || v == 0)
		return perr(p, "'count=%s': count must be 1..%u", p->val[CRAFT_F_COUNT], COUNT_MAX);
	p->s->count = (unsigned)v;
	return 0;
}

static int value_field(struct parse *p, int f)
{
	struct craft_spec *s = p->s;

	switch (f) {
	case CRAFT_F_SRC: return addr_field(p, f, s->src);
	case CRAFT_F_DST: return addr_field(p, f, s->dst);
	case CRAFT_F_TARGET: return addr_field(p, f, s->target);
	case CRAFT_F_RDST: return addr_field(p, f, s->rdst);
	case CRAFT_F_GATEWAY: return addr_field(p, f, s->gateway);
	case CRAFT_F_ID: return u16_field(p, f, &s->id);
	case CRAFT_F_SEQ: return u16_field(p, f, &s->seq);
	case CRAFT_F_IPID: return u16_field(p, f, &s->ip_id);
	case CRAFT_F_LIFETIME: return u16_field(p, f, &s->lifetime);
	case CRAFT_F_TTL: return u8_field(p, f, &s->ttl);
	case CRAFT_F_TOS: return u8_field(p, f, &s->tos);
	case CRAFT_F_CURHLIM: return u8_field(p, f, &s->curhlim);
	case CRAFT_F_FLOW: return wide_field(p, f, 0xfffff, &s->flow);
	case CRAFT_F_MTU: return wide_field(p, f, s->v6 ? 0xffffffffull : 0xffff, &s->mtu);
	case CRAFT_F_POINTER: return wide_field(p, f, s->v6 ? 0xffffffffull : 0xff, &s->pointer);
	case CRAFT_F_DF: return df_field(p);
	case CRAFT_F_PAYLOAD: return payload_field(p);
	case CRAFT_F_QUOTE: return quote_field(p);
	case CRAFT_F_ANSWER: return answer_field(p);
	case CRAFT_F_CHECKSUM: return checksum_field(p);
	case CRAFT_F_COUNT: return count_field(p);
	case CRAFT_F_INTERVAL: return interval_field(p);
	case CRAFT_F_SMAC: return mac_field(p, f, s->smac);
	case CRAFT_F_DMAC: return mac_field(p, f, s->dmac);
	case CRAFT_F_FLAGS: return flags_field(p);
	case CRAFT_F_PREFIX: return prefix_field(p);
	case CRAFT_F_LLADDR: return lladdr_field(p);
	default: return 0;
	}
}

static int parse_proto(struct parse *p, const char *word)
{
	if (!strcasecmp(word, "icmp") || !strcasecmp(word, "icmp4"))
		p->s->v6 = 0;
	else if (!strcasecmp(word, "icmp6") || !strcasecmp(word, "icmpv6"))
		p->s->v6 = 1;
	else
		return perr(p, "'%s': a spec starts with icmp or icmp6", word);
	return 0;
}

static int parse_spec(struct parse *p, const char *text)
{
	struct craft_spec *out = p->s;
	char buf[SPEC_TEXT_MAX], *tok[MAX_TOKENS];
	int ntok, rc;

	memset(out, 0, sizeof(*out));
	if (p->errlen)
		p->err[0] = '\0';
	if (strlen(text) >= sizeof(buf))
		return perr(p, "spec longer than %d characters", SPEC_TEXT_MAX - 1);
	strcpy(buf, text);
	if ((rc = tokenize(p, buf, tok, &ntok)))
		return rc;
	if (ntok == 0)
		return perr(p, "empty spec (example: icmp type=echo-request dst=10.18.0.1)");
	p->at = CRAFT_AT_PROTO;
	if ((rc = parse_proto(p, tok[0])))
		return rc;
	for (int i = 1; i < ntok; i++)
		if ((rc = take_token(p, tok[i])))
			return rc;
	p->at = CRAFT_F_TYPE;
	if ((rc = type_field(p)))
		return rc;
	p->at = CRAFT_F_CODE;
	if ((rc = code_field(p)) || (rc = check_rules(p)))
		return rc;
	p->at = CRAFT_F_MTU;
	if (p->val[CRAFT_F_MTU] && !p->val[CRAFT_F_CODE] && !out->v6)
		out->code = 4;	/* mtu= on dest-unreach means frag-needed */
	if (p->val[CRAFT_F_MTU] && !out->v6 && out->code != 4)
		return perr(p, "'mtu=%s': mtu applies only to code frag-needed", p->val[CRAFT_F_MTU]);
	for (int f = CRAFT_F_SRC; f < CRAFT_F_COUNT_OF_FIELDS; f++) {
		p->at = f;
		if (p->val[f] && (rc = value_field(p, f)))
			return rc;
	}
	return 0;
}

int craft_parse_at(const char *text, struct craft_spec *out, char *err, size_t errlen, int *where)
{
	struct parse p = { .s = out, .err = err, .errlen = errlen, .at = CRAFT_AT_NONE, .bad = CRAFT_AT_NONE };
	int rc = parse_spec(&p, text);

	if (where)
		*where = rc ? p.bad : CRAFT_AT_NONE;
	return rc;
}

int craft_parse(const char *text, struct craft_spec *out, char *err, size_t errlen)
{
	return craft_parse_at(text, out, err, errlen, NULL);
}

unsigned craft_count(const struct craft_spec *s)
{
	return s->given & (1u << CRAFT_F_COUNT) ? s->count : 1;
}

uint64_t craft_interval_ns(const struct craft_spec *s)
{
	return s->given & (1u << CRAFT_F_INTERVAL) ? s->interval_ns : 1000000000ull;
}

/* ---- format ---- */

struct out {
	char *buf;
	size_t n, used;
};

static void emit(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int w;

	va_start(ap, fmt);
	w = vsnprintf(o->used < o->n ? o->buf + o->used : NULL, o->used < o->n ? o->n - o->used : 0, fmt, ap);
	va_end(ap);
	if (w > 0)
		o->used += (size_t)w;
}

static void emit_addr(struct out *o, const char *key, int family, const uint8_t *a)
{
	char host[INET6_ADDRSTRLEN];

	inet_ntop(family, a, host, sizeof(host));
	emit(o, " %s=%s", key, host);
}

static void emit_mac(struct out *o, const char *key, const uint8_t *m)
{
	emit(o, " %s=%02x:%02x:%02x:%02x:%02x:%02x", key, m[0], m[1], m[2], m[3], m[4], m[5]);
}

static void emit_text(struct out *o, const struct craft_spec *s)
{
	int plain = 1;

	for (uint32_t i = 0; i < s->payload_len; i++)
		if (isspace(s->payload[i]) || s->payload[i] == '"' || s->payload[i] == '\\' || !s->payload[i])
			plain = 0;
	if (plain) {
		emit(o, " payload=text:%.*s", (int)s->payload_len, (const char *)s->payload);
		return;
	}
	emit(o, " payload=\"text:");
	for (uint32_t i = 0; i < s->payload_len; i++)
		emit(o, "%s%c", s->payload[i] == '"' || s->payload[i] == '\\' ? "\\" : "", s->payload[i]);
	emit(o, "\"");
}

static void emit_payload(struct out *o, const struct craft_spec *s)
{
	if (s->payload_kind == CRAFT_PAYLOAD_TEXT) {
		emit_text(o, s);
	} else if (s->payload_kind == CRAFT_PAYLOAD_HEX) {
		emit(o, " payload=hex:");
		for (uint32_t i = 0; i < s->payload_len; i++)
			emit(o, "%02x", s->payload[i]);
	} else {
		emit(o, " payload=size:%u", s->payload_len);
	}
}

static void emit_duration(struct out *o, uint64_t ns)
{
	static const struct { uint64_t div; const char *unit; } u[] = {
		{ 1000000000, "s" }, { 1000000, "ms" }, { 1000, "us" }, { 1, "ns" }
	};

	for (int i = 0; i < 4; i++)
		if (ns % u[i].div == 0 || u[i].div == 1) {
			emit(o, " interval=%llu%s", (unsigned long long)(ns / u[i].div), u[i].unit);
			return;
		}
}

static void emit_flags(struct out *o, const struct craft_spec *s)
{
	const char *sep = "";

	emit(o, " flags=");
	if (!s->flags)
		emit(o, "none");
	for (const struct tok *t = flag_table(s->type); t->s; t++)
		if (s->flags & t->v) {
			emit(o, "%s%s", sep, t->s);
			sep = ",";
		}
}

static void emit_name_or_num(struct out *o, const char *key, const char *name, int value)
{
	if (name)
		emit(o, " %s=%s", key, name);
	else
		emit(o, " %s=%d", key, value);
}

static void emit_field(struct out *o, const struct craft_spec *s, int f)
{
	int fam = s->v6 ? AF_INET6 : AF_INET;

	switch (f) {
	case CRAFT_F_TYPE: emit_name_or_num(o, "type", craft_type_name(s->v6, s->type), s->type); break;
	case CRAFT_F_CODE:
		emit_name_or_num(o, "code", craft_code_name(s->v6, s->type, s->code), s->code); break;
	case CRAFT_F_SRC: emit_addr(o, "src", fam, s->src); break;
	case CRAFT_F_DST: emit_addr(o, "dst", fam, s->dst); break;
	case CRAFT_F_ID: emit(o, " id=%u", s->id); break;
	case CRAFT_F_SEQ: emit(o, " seq=%u", s->seq); break;
	case CRAFT_F_TTL: emit(o, " %s=%u", s->v6 ? "hlim" : "ttl", s->ttl); break;
	case CRAFT_F_TOS: emit(o, " %s=0x%02x", s->v6 ? "tclass" : "tos", s->tos); break;
	case CRAFT_F_FLOW: emit(o, " flow=0x%05x", s->flow); break;
	case CRAFT_F_DF: emit(o, s->df ? " df" : " df=0"); break;
	case CRAFT_F_IPID: emit(o, " ipid=%u", s->ip_id); break;
	case CRAFT_F_PAYLOAD: emit_payload(o, s); break;
	case CRAFT_F_QUOTE:
	case CRAFT_F_ANSWER:
		if (s->quote_frame)
			emit(o, " %s=frame:%llu", f == CRAFT_F_ANSWER ? "answer" : "quote", (unsigned long long)s->quote_frame);
		else
			emit(o, " %s=%s", f == CRAFT_F_ANSWER ? "answer" : "quote", s->quote_last ? "last" : "none");
		break;
	case CRAFT_F_CHECKSUM:
		if (s->csum_mode == CRAFT_CSUM_VALUE)
			emit(o, " checksum=0x%04x", s->csum_value);
		else
			emit(o, " checksum=%s", s->csum_mode == CRAFT_CSUM_BAD ? "bad" : "auto");
		break;
	case CRAFT_F_COUNT: emit(o, " count=%u", s->count); break;
	case CRAFT_F_INTERVAL: emit_duration(o, s->interval_ns); break;
	case CRAFT_F_SMAC: emit_mac(o, "smac", s->smac); break;
	case CRAFT_F_DMAC: emit_mac(o, "dmac", s->dmac); break;
	case CRAFT_F_MTU: emit(o, " mtu=%u", s->mtu); break;
	case CRAFT_F_GATEWAY: emit_addr(o, "gateway", AF_INET, s->gateway); break;
	case CRAFT_F_POINTER: emit(o, " pointer=%u", s->pointer); break;
	case CRAFT_F_TARGET: emit_addr(o, "target", fam, s->target); break;
	case CRAFT_F_RDST: emit_addr(o, "rdst", fam, s->rdst); break;
	case CRAFT_F_FLAGS: emit_flags(o, s); break;
	case CRAFT_F_LIFETIME: emit(o, " lifetime=%u", s->lifetime); break;
	case CRAFT_F_CURHLIM: emit(o, " curhlim=%u", s->curhlim); break;
	case CRAFT_F_PREFIX: emit_addr(o, "prefix", AF_INET6, s->prefix); emit(o, "/%u", s->prefix_len); break;
	case CRAFT_F_LLADDR:
		if (s->lladdr_mode == CRAFT_LLADDR_MAC)
			emit_mac(o, "lladdr", s->lladdr);
		else
			emit(o, " lladdr=%s", s->lladdr_mode == CRAFT_LLADDR_NONE ? "none" : "auto");
		break;
	}
}

int craft_format(const struct craft_spec *s, char *out, size_t n)
{
	struct out o = { .buf = out, .n = n };

	emit(&o, "%s", s->v6 ? "icmp6" : "icmp");
	for (int f = 0; f < CRAFT_F_COUNT_OF_FIELDS; f++)
		if (f == CRAFT_F_TYPE || (s->given & (1u << f)))
			emit_field(&o, s, f);
	if (o.used >= n)
		return -ENOSPC;
	return (int)o.used;
}
