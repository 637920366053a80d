/* fieldmatch.c — a small condition over a decoded frame's fields, with Wireshark's names: "ip.ttl == 1", "tcp.flags.syn", "ip.addr == 10.0.0.0/8". */
#include "fieldmatch.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define OPS_SAID "OP: == != < > <= >= contains"

static const struct {
	const char *word;
	enum fieldmatch_op op;
} ops[] = {
	{ "==", FM_EQ }, { "!=", FM_NE }, { "<=", FM_LE }, { ">=", FM_GE }, { "<", FM_LT }, { ">", FM_GT },
	{ "eq", FM_EQ }, { "ne", FM_NE }, { "le", FM_LE }, { "ge", FM_GE }, { "lt", FM_LT }, { "gt", FM_GT },
	{ "contains", FM_CONTAINS },
};

/* Wireshark display-filter syntax find does not take, as a message names it; an operator
 * (a comparison find lacks) or a way of joining conditions (find takes one). */
static const struct {
	const char *word;
	const char *said;
	int is_operator;
} unsupported[] = {
	{ "&&", "'&&' (and)", 0 }, { "||", "'||' (or)", 0 }, { "^^", "'^^' (xor)", 0 }, { "and", "'and'", 0 },
	{ "or", "'or'", 0 }, { "xor", "'xor'", 0 }, { "not", "'not'", 0 }, { "!", "'!' (not)", 0 },
	{ "(", "'(' (grouping)", 0 }, { "matches", "'matches'", 1 }, { "~", "'~' (matches)", 1 },
	{ "in", "'in' (a set)", 1 }, { "&", "'&' (bitwise)", 1 }, { "[", "'[' (a slice)", 1 },
	{ "{", "'{' (a set)", 1 },
};

/* Wireshark's alias fields: a name that stands for several real ones. */
static const struct {
	const char *name;
	const char *real[2];
} aliases[] = {
	{ "ip.addr", { "ip.src", "ip.dst" } },
	{ "ipv6.addr", { "ipv6.src", "ipv6.dst" } },
	{ "tcp.port", { "tcp.srcport", "tcp.dstport" } },
	{ "udp.port", { "udp.srcport", "udp.dstport" } },
	{ "eth.addr", { "eth.src", "eth.dst" } },
};

static uint64_t frame_len(const struct decoded *d) { return d->len > d->pi_len ? d->len - d->pi_len : 0; }
static uint64_t frame_cap_len(const struct decoded *d) { return d->caplen > d->pi_len ? d->caplen - d->pi_len : 0; }
static uint64_t frame_number(const struct decoded *d) { return d->number; }

/* Wireshark's frame.* fields: numbers of the frame itself, not of a layer (a saved file's lengths, without a tun PI header). */
static const struct {
	const char *name;
	uint64_t (*value)(const struct decoded *d);
} frame_fields[] = {
	{ "frame.len", frame_len },
	{ "frame.cap_len", frame_cap_len },
	{ "frame.number", frame_number },
};

/* The aliases and frame.* fields in the table of every field (tapscope --fields, suggestions):
 * names find takes that no decoder puts in a tree. */
static const struct field_def alias_ip FIELD_REG = { "ip.addr", "Source or Destination Address", FT_IPV4, NULL, NULL,
	"Either address of the IPv4 header." };
static const struct field_def alias_ipv6 FIELD_REG = { "ipv6.addr", "Source or Destination Address", FT_IPV6, NULL,
	NULL, "Either address of the IPv6 header." };
static const struct field_def alias_tcp FIELD_REG = { "tcp.port", "Source or Destination Port", FT_UINT, NULL, NULL,
	"Either TCP port." };
static const struct field_def alias_udp FIELD_REG = { "udp.port", "Source or Destination Port", FT_UINT, NULL, NULL,
	"Either UDP port." };
static const struct field_def alias_eth FIELD_REG = { "eth.addr", "Address", FT_MAC, NULL, NULL,
	"Either Ethernet address." };
static const struct field_def frame_len_def FIELD_REG = { "frame.len", "Frame length on the wire", FT_UINT, NULL,
	" bytes", "The frame's length on the wire." };
static const struct field_def frame_cap_len_def FIELD_REG = { "frame.cap_len", "Frame length stored into the capture file",
	FT_UINT, NULL, " bytes", "The bytes of the frame that were kept." };
static const struct field_def frame_number_def FIELD_REG = { "frame.number", "Frame Number", FT_UINT, NULL, NULL,
	"The frame's number, from 1." };

/* Name prefixes of fields that are not a protocol layer's short name. */
static const char *const other_prefixes[] = { "frame", "pppoe" };

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

/* w at s as a whole word: an alphabetic word must end there (not "android" for "and") */
static int word_at(const char *s, const char *w)
{
	size_t n = strlen(w);

	if (strncmp(s, w, n) != 0)
		return 0;
	return !isalpha((unsigned char)w[0]) || !name_char((unsigned char)s[n]);
}

/* The comparison at s (ops[] index), or -1. */
static int op_at(const char *s)
{
	for (size_t k = 0; k < COUNT(ops); k++)
		if (word_at(s, ops[k].word))
			return (int)k;
	return -1;
}

/* The unsupported syntax at s (unsupported[] index), or -1. */
static int unsupported_at(const char *s)
{
	for (size_t k = 0; k < COUNT(unsupported); k++)
		if (word_at(s, unsupported[k].word))
			return (int)k;
	return -1;
}

static int refuse(int k, char *err, size_t errlen)
{
	if (unsupported[k].is_operator)
		snprintf(err, errlen, "%s is not supported: " OPS_SAID, unsupported[k].said);
	else
		snprintf(err, errlen, "%s is not supported: one FIELD OP VALUE, or text", unsupported[k].said);
	return -EINVAL;
}

static int table_index(const char *name, int alias)
{
	size_t n = alias ? COUNT(aliases) : COUNT(frame_fields);

	for (size_t k = 0; k < n; k++)
		if (!strcmp(name, alias ? aliases[k].name : frame_fields[k].name))
			return (int)k;
	return -1;
}

/* The field name at the start of s into m->name; s moves past it. */
static int parse_name(struct fieldmatch *m, const char **s, const char *text, char *err, size_t errlen)
{
	const char *start = *s;
	size_t n;

	while (name_char((unsigned char)**s))
		(*s)++;
	n = (size_t)(*s - start);
	if (n == 0 || !isalpha((unsigned char)*start)) {
		snprintf(err, errlen, "'%s' does not start with a field name such as ip.ttl or tcp.flags.syn", text);
		return -EINVAL;
	}
	if (n >= sizeof(m->name)) {
		snprintf(err, errlen, "field name too long in '%s' (at most %zu characters)", text, sizeof(m->name) - 1);
		return -EINVAL;
	}
	memcpy(m->name, start, n);
	m->alias = (short)(table_index(m->name, 1) + 1);
	m->frame_field = (short)(table_index(m->name, 0) + 1);
	return 0;
}

/* The comparison after the name; s moves past it. */
static int parse_op(struct fieldmatch *m, const char **s, char *err, size_t errlen)
{
	int k = op_at(*s), bad;

	if (k >= 0) {
		m->op = ops[k].op;
		*s += strlen(ops[k].word);
		return 0;
	}
	bad = unsupported_at(*s);
	if (bad >= 0)
		return refuse(bad, err, errlen);
	snprintf(err, errlen, "after %s: == != < > <= >= contains, or nothing", m->name);
	return -EINVAL;
}

/* The one value after the comparison, "quoted" or a word, into m->value. */
static int parse_value(struct fieldmatch *m, const char *s, char *err, size_t errlen)
{
	const char *start = s, *end, *after;
	size_t n;
	int bad;

	if (*s == '"') {
		start = s + 1;
		end = strchr(start, '"');
		if (!end) {
			snprintf(err, errlen, "no closing \" after the value in the condition on %s", m->name);
			return -EINVAL;
		}
		after = end + 1;
	} else {
		for (end = s; *end && !isspace((unsigned char)*end); end++) {
			bad = unsupported_at(end);
			if (bad >= 0 && strchr("&|^", *end) && !unsupported[bad].is_operator)	/* "64&&tcp" */
				return refuse(bad, err, errlen);
		}
		after = end;
	}
	after = skip_space(after);
	bad = unsupported_at(after);
	if (*after && bad >= 0 && !unsupported[bad].is_operator)
		return refuse(bad, err, errlen);
	if (*after) {
		snprintf(err, errlen, "one value after the comparison (\"quote\" one with spaces)");
		return -EINVAL;
	}
	n = (size_t)(end - start);
	if (n == 0) {
		snprintf(err, errlen, "no value after the comparison on %s", m->name);
		return -EINVAL;
	}
	if (n >= sizeof(m->value)) {
		snprintf(err, errlen, "value too long (at most %zu characters)", sizeof(m->value) - 1);
		return -EINVAL;
	}
	memcpy(m->value, start, n);
	return 0;
}

/* An address ("10.0.0.1") or a subnet ("10.0.0.0/8", "fd00::/8") into m->family, addr, prefix. */
static void parse_address(struct fieldmatch *m)
{
	char addr[FIELDMATCH_VALUE_MAX];
	const char *slash = strchr(m->value, '/');
	unsigned long long bits = 0;
	int family = strchr(m->value, ':') ? AF_INET6 : AF_INET;
	unsigned max = family == AF_INET6 ? 128 : 32;

	snprintf(addr, sizeof(addr), "%.*s", slash ? (int)(slash - m->value) : (int)strlen(m->value), m->value);
	if (inet_pton(family, addr, m->addr) != 1)
		return;
	if (slash && (!isdigit((unsigned char)slash[1]) || !parse_number(slash + 1, &bits) || bits > max))
		return;
	m->family = family;
	m->prefix = slash ? (unsigned)bits : max;
}

/* The field types (1 << enum field_type) the name stands for: its own, or its alias's fields'. */
static unsigned name_types(const struct fieldmatch *m)
{
	unsigned mask = 0;

	if (!m->alias)
		return decode_field_types(m->name);
	for (size_t k = 0; k < COUNT(aliases[0].real); k++)
		if (aliases[m->alias - 1].real[k])
			mask |= decode_field_types(aliases[m->alias - 1].real[k]);
	return mask;
}

/* Wireshark names a user types that tapscope has no field for, because it tracks no streams
 * (Wireshark's tcp.seq counts from the stream's first segment): what to use instead. A name
 * ending in '.' stands for every name under it. */
static const struct {
	const char *name, *instead;
} wireshark_only[] = {
	{ "tcp.seq", "Wireshark's is relative; raw: tcp.seq_raw" },
	{ "tcp.ack", "Wireshark's is relative; raw: tcp.ack_raw" },
	{ "tcp.nxtseq", "no streams followed; tcp.seq_raw, tcp.len" },
	{ "tcp.window_size", "not scaled here: tcp.window_size_value" },
	{ "tcp.stream", "no streams followed" },
	{ "udp.stream", "no streams followed" },
	{ "tcp.analysis.", "no streams followed" },
	{ "http.", "find its text instead (f GET)" },
	{ "frame.time", "times are not searched" },
};

static const char *wireshark_instead(const char *name)
{
	for (size_t k = 0; k < COUNT(wireshark_only); k++) {
		const char *w = wireshark_only[k].name;
		size_t n = strlen(w);

		if (strncmp(name, w, n) == 0 && (w[n - 1] == '.' || !name[n] || name[n] == '_' || name[n] == '.'))
			return wireshark_only[k].instead;	/* (tcp.window_size_scalefactor, frame.time_delta) */
	}
	return NULL;
}

/* A name no decoder has (a typo: ip.tll) is refused before any frame is searched, with the
 * known name nearest to it. */
static int check_name(const struct fieldmatch *m, char *err, size_t errlen)
{
	const char *near;

	if (m->frame_field || !decode_field_count() || name_types(m))
		return 0;
	if ((near = wireshark_instead(m->name))) {
		snprintf(err, errlen, "no field %s: %s", m->name, near);
		return -EINVAL;
	}
	near = decode_field_suggest(m->name);
	for (size_t k = 0; !near && k < COUNT(aliases); k++)	/* "tcp.portt": an alias */
		if (decode_field_distance(m->name, aliases[k].name) <= decode_field_near(m->name))
			near = aliases[k].name;
	if (near)
		snprintf(err, errlen, "no field %s: did you mean %s?", m->name, near);
	else
		snprintf(err, errlen, "no field %s (names as the field tree shows)", m->name);
	return -EINVAL;
}

/* "02:00:0a:12:00:03" */
static int is_mac(const char *s)
{
	for (int i = 0; i < 6; i++, s += 3)
		if (!isxdigit((unsigned char)s[0]) || !isxdigit((unsigned char)s[1]) || s[2] != (i < 5 ? ':' : '\0'))
			return 0;
	return 1;
}

#define T(t) (1u << (t))

/* A value the field can never equal (ip.ttl == abc, ip.src == 10.18.0.300) is refused: the
 * search would find nothing and not say why. Names of several kinds are left alone. */
static int check_kind(const struct fieldmatch *m, char *err, size_t errlen)
{
	unsigned mask = name_types(m);
	int word_bool = !strcasecmp(m->value, "true") || !strcasecmp(m->value, "false") ||
			!strcasecmp(m->value, "set") || !strcasecmp(m->value, "not set");

	if (!mask || m->op == FM_PRESENT)
		return 0;
	if (!(mask & ~(T(FT_UINT) | T(FT_HEX) | T(FT_BOOL))) &&
	    (m->op == FM_CONTAINS || (!m->has_num && !((mask & T(FT_BOOL)) && word_bool)))) {
		if (mask & T(FT_BOOL))
			snprintf(err, errlen, "%s is a flag: == 1, 0, true or false", m->name);
		else
			snprintf(err, errlen, "%s is a whole number (0, 1, 2...): e.g. %s == 1", m->name, m->name);
		return -EINVAL;
	}
	if (m->op == FM_CONTAINS)
		return 0;
	if (mask == T(FT_IPV4) && m->family != AF_INET) {
		snprintf(err, errlen, "%s is an IPv4 address or subnet, as 10.0.0.0/8", m->name);
		return -EINVAL;
	}
	if (mask == T(FT_IPV6) && m->family != AF_INET6) {
		snprintf(err, errlen, "%s is an IPv6 address or prefix, as fd00::/8", m->name);
		return -EINVAL;
	}
	if (mask == T(FT_MAC) && !is_mac(m->value)) {
		snprintf(err, errlen, "%s is a MAC, as 02:00:0a:12:00:03", m->name);
		return -EINVAL;
	}
	return 0;
}

/* Wireshark's widths of the number fields one types most (their FT_UINT8..32 types: ip.ttl is
 * FT_UINT8, so ip.ttl == 256 can never hold, and Wireshark refuses it as too big). A name not
 * here is compared as a 64-bit number. */
static const struct {
	const char *name;
	unsigned bits;
} widths[] = {
	{ "ip.version", 8 }, { "ip.hdr_len", 8 }, { "ip.dsfield", 8 }, { "ip.dsfield.dscp", 8 },
	{ "ip.dsfield.ecn", 8 }, { "ip.len", 16 }, { "ip.id", 16 }, { "ip.flags", 8 }, { "ip.frag_offset", 16 },
	{ "ip.ttl", 8 }, { "ip.proto", 8 }, { "ip.checksum", 16 },
	{ "ipv6.version", 8 }, { "ipv6.tclass", 32 }, { "ipv6.flow", 32 }, { "ipv6.plen", 16 }, { "ipv6.nxt", 8 },
	{ "ipv6.hlim", 8 },
	{ "icmp.type", 8 }, { "icmp.code", 8 }, { "icmp.checksum", 16 }, { "icmp.ident", 16 }, { "icmp.seq", 16 },
	{ "icmp.seq_le", 16 }, { "icmpv6.type", 8 }, { "icmpv6.code", 8 }, { "icmpv6.checksum", 16 },
	{ "icmpv6.echo.identifier", 16 }, { "icmpv6.echo.sequence_number", 16 },
	{ "tcp.srcport", 16 }, { "tcp.dstport", 16 }, { "tcp.port", 16 }, { "tcp.seq_raw", 32 }, { "tcp.ack_raw", 32 },
	{ "tcp.hdr_len", 8 }, { "tcp.flags", 16 }, { "tcp.window_size_value", 16 }, { "tcp.checksum", 16 },
	{ "tcp.urgent_pointer", 16 }, { "tcp.len", 32 },
	{ "udp.srcport", 16 }, { "udp.dstport", 16 }, { "udp.port", 16 }, { "udp.length", 16 }, { "udp.checksum", 16 },
	{ "eth.type", 16 }, { "vlan.id", 16 }, { "arp.opcode", 16 }, { "arp.hw.type", 16 }, { "arp.proto.type", 16 },
	{ "arp.hw.size", 8 }, { "arp.proto.size", 8 },
	{ "dns.id", 16 }, { "dns.flags", 16 }, { "dns.count.queries", 16 }, { "dns.count.answers", 16 },
	{ "dns.qry.type", 16 }, { "dns.qry.class", 16 }, { "dns.resp.type", 16 },
	{ "gre.key", 32 }, { "vxlan.vni", 24 }, { "geneve.vni", 24 }, { "mpls.label", 32 }, { "mpls.ttl", 8 },
};

/* The largest value the field can hold, or 0 when its width is not known here. */
static uint64_t field_max(const char *name)
{
	for (size_t k = 0; k < COUNT(widths); k++)
		if (!strcmp(widths[k].name, name))
			return (1ull << widths[k].bits) - 1;
	return 0;
}

/* Digits (or 0x and hex digits) past what 64 bits hold: a number, but none a field has. */
static int too_big(const char *s)
{
	int hex = s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
	size_t n = hex ? 2 + strspn(s + 2, "0123456789abcdefABCDEF") : strspn(s, "0123456789");
	unsigned long long v;

	return n > (size_t)(hex ? 2 : 0) && s[n] == '\0' && !parse_number(s, &v);
}

/* What the value must be, given the comparison and the field. */
static int check_value(const struct fieldmatch *m, char *err, size_t errlen)
{
	uint64_t max = field_max(m->name);

	if (too_big(m->value)) {
		snprintf(err, errlen, "%s: %s is too big (64 bits at most)", m->name, m->value);
		return -EINVAL;
	}
	if (max && m->has_num && m->op != FM_CONTAINS && m->num > max) {	/* as Wireshark: never holds */
		snprintf(err, errlen, "%s: %s is too big (at most %llu)", m->name, m->value, (unsigned long long)max);
		return -EINVAL;
	}
	if ((m->op >= FM_LT && m->op <= FM_GE) && !m->has_num) {
		snprintf(err, errlen, "%s with <, >, <= or >=: the value must be a number", m->name);
		return -EINVAL;
	}
	if (m->frame_field && (!m->has_num || m->op == FM_CONTAINS)) {
		snprintf(err, errlen, "%s is a number: == != < > <= >= and a number", m->name);
		return -EINVAL;
	}
	return 0;
}

int fieldmatch_parse(struct fieldmatch *m, const char *text, char *err, size_t errlen)
{
	const char *s = skip_space(text);
	int bad = unsupported_at(s);

	memset(m, 0, sizeof(*m));
	if (bad >= 0 && (!unsupported[bad].is_operator || *s == '('))	/* "!tcp", "not tcp", "(tcp" */
		return refuse(bad, err, errlen);
	if (parse_name(m, &s, text, err, errlen) < 0 || check_name(m, err, errlen) < 0)
		return -EINVAL;
	if (*s == '[')	/* "eth.src[0:3]" */
		return refuse(unsupported_at(s), err, errlen);
	s = skip_space(s);
	if (!*s) {
		m->op = FM_PRESENT;
		return 0;
	}
	if (parse_op(m, &s, err, errlen) < 0)
		return -EINVAL;
	s = skip_space(s);
	if (*s && strchr("=<>!", *s)) {	/* "ip.ttl === 1": one operator too many */
		snprintf(err, errlen, "one comparison (== != < > <= >=), then a value, after %s", m->name);
		return -EINVAL;
	}
	if (parse_value(m, s, err, errlen) < 0)
		return -EINVAL;
	m->has_num = parse_number(m->value, &m->num);
	parse_address(m);
	if (check_value(m, err, errlen) < 0)
		return -EINVAL;
	return check_kind(m, err, errlen);
}

static int numeric(enum field_type t) { return t == FT_UINT || t == FT_HEX || t == FT_BOOL; }

/* -1, 0, 1 as a number v compares with the value; 2 when they cannot be compared */
static int compare_number(const struct fieldmatch *m, uint64_t v, int is_bool)
{
	unsigned long long want = m->num;

	if (m->op == FM_CONTAINS)
		return 2;
	if (!m->has_num) {	/* "Set"/"True" for flags */
		if (!is_bool)
			return 2;
		if (!strcasecmp(m->value, "true") || !strcasecmp(m->value, "set"))
			want = 1;
		else if (!strcasecmp(m->value, "false") || !strcasecmp(m->value, "not set"))
			want = 0;
		else
			return 2;
	}
	return v < want ? -1 : v > want ? 1 : 0;
}

/* The first bits of a and b are equal. */
static int prefix_equal(const uint8_t *a, const uint8_t *b, unsigned bits)
{
	unsigned whole = bits / 8, rest = bits % 8;

	if (memcmp(a, b, whole) != 0)
		return 0;
	return !rest || ((a[whole] ^ b[whole]) & (0xff << (8 - rest)) & 0xff) == 0;
}

/* 0 when the address field at i is in the value's subnet, 1 when not; 2 when the value is no
 * address of the field's family */
static int compare_address(const struct fieldmatch *m, const struct decoded *d, const struct field *f)
{
	int family = f->def->type == FT_IPV4 ? AF_INET : AF_INET6;
	uint32_t size = family == AF_INET ? 4 : 16;

	if (m->family != family || m->op == FM_CONTAINS)
		return 2;
	return f->len >= size && prefix_equal(d->data + f->off, m->addr, m->prefix) ? 0 : 1;
}

/* -1, 0, 1 as the field compares with the value; 2 when they cannot be compared */
static int compare(const struct fieldmatch *m, const struct decoded *d, int i)
{
	const struct field *f = decode_field(d, i);
	char text[512];

	if (numeric(f->def->type))
		return compare_number(m, f->value, f->def->type == FT_BOOL);
	if (m->op >= FM_LT && m->op <= FM_GE)
		return 2;
	if (f->def->type == FT_IPV4 || f->def->type == FT_IPV6) {
		int c = compare_address(m, d, f);

		if (c != 2)
			return c;
	}
	decode_value_text(d, i, text, sizeof(text));
	if (m->op == FM_CONTAINS)
		return strcasestr(text, m->value) ? 0 : 1;
	return strcasecmp(text, m->value) == 0 ? 0 : 1;
}

/* What one occurrence that compared as c says: 1 a match, 0 no match (!=: it equals), -1 look on */
static int settles(enum fieldmatch_op op, int c)
{
	if (op == FM_PRESENT)
		return 1;
	if (c == 2)
		return -1;
	switch (op) {
	case FM_EQ:
	case FM_CONTAINS: return c == 0 ? 1 : -1;
	case FM_NE: return c == 0 ? 0 : -1;
	case FM_LT: return c < 0 ? 1 : -1;
	case FM_GT: return c > 0 ? 1 : -1;
	case FM_LE: return c <= 0 ? 1 : -1;
	case FM_GE: return c >= 0 ? 1 : -1;
	default: return -1;
	}
}

/* name is m's field, or one of its alias's */
static int names(const struct fieldmatch *m, const char *name)
{
	if (!m->alias)
		return !strcmp(name, m->name);
	for (size_t k = 0; k < COUNT(aliases[0].real); k++)
		if (aliases[m->alias - 1].real[k] && !strcmp(name, aliases[m->alias - 1].real[k]))
			return 1;
	return 0;
}

int fieldmatch_eval(const struct fieldmatch *m, const struct decoded *d)
{
	int i, n = decode_count(d), seen = 0, s;

	if (m->frame_field) {
		s = settles(m->op, compare_number(m, frame_fields[m->frame_field - 1].value(d), 0));
		return s >= 0 ? s : m->op == FM_NE;
	}
	for (i = 0; i < n; i++) {
		if (!names(m, decode_name(d, i)))
			continue;
		seen = 1;
		s = settles(m->op, m->op == FM_PRESENT ? 0 : compare(m, d, i));
		if (s >= 0)
			return s;
	}
	return m->op == FM_NE && seen;
}

int fieldmatch_seen(const struct fieldmatch *m, const struct decoded *d)
{
	if (m->frame_field)
		return 1;
	for (int i = 0, n = decode_count(d); i < n; i++)
		if (names(m, decode_name(d, i)))
			return 1;
	return 0;
}

/* A protocol tapscope decodes (or frame), as the first part of a field's name. */
static int known_protocol(const char *name, size_t n)
{
	for (int p = 0; p < PROTO_COUNT; p++) {
		const char *proto = decode_proto_short((enum decode_proto)p);

		if (strlen(proto) == n && !strncmp(name, proto, n))
			return 1;
	}
	for (size_t k = 0; k < COUNT(other_prefixes); k++)
		if (strlen(other_prefixes[k]) == n && !strncmp(name, other_prefixes[k], n))
			return 1;
	return 0;
}

int fieldmatch_looks_like(const char *text)
{
	const char *s = skip_space(text), *name, *rest;
	int prefixed = 0, dotted, known, k;
	size_t n;

	while (*s == '!' || *s == '(' || word_at(s, "not")) {	/* "!tcp", "(ip.ttl == 1)", "not dns" */
		s = skip_space(s + (*s == 'n' ? 3 : 1));
		prefixed = 1;
	}
	name = s;
	while (name_char((unsigned char)*s))
		s++;
	n = (size_t)(s - name);
	if (!n || !isalpha((unsigned char)*name))
		return 0;
	dotted = memchr(name, '.', n) != NULL;
	known = known_protocol(name, dotted ? (size_t)((const char *)memchr(name, '.', n) - name) : n);
	rest = skip_space(s);
	if (prefixed || !*rest || *s == '[')	/* a name alone, or a slice of it */
		return known;
	k = op_at(rest);
	if (k >= 0 && !isalpha((unsigned char)ops[k].word[0]))
		return 1;	/* any name before == != < > <= >= */
	if (k >= 0 || unsupported_at(rest) >= 0)
		return dotted || known;
	return dotted && known;	/* "tcp.flags.syn set": a condition, said wrong */
}
