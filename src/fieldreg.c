/* fieldreg.c — every field the decoders know, gathered by the linker from their FIELD_REG definitions: lookup by Wireshark name, and the known name one typo away. */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

/* The linker's bounds of the tapscope_fields section (GNU ld and gold make them for a section
 * whose name is a C identifier); weak: a program without the decoders has no such section, and
 * then no fields. */
extern const struct field_def __start_tapscope_fields[] __attribute__((weak, visibility("hidden")));
extern const struct field_def __stop_tapscope_fields[] __attribute__((weak, visibility("hidden")));

/* The section as an array: its first entry and how many (0 without the decoders). The bounds
 * are compared as addresses: they are two symbols of one section, not of one C object. */
static const struct field_def *all_fields(size_t *n)
{
	uintptr_t from = (uintptr_t)__start_tapscope_fields, to = (uintptr_t)__stop_tapscope_fields;

	*n = from && to > from ? (to - from) / sizeof(struct field_def) : 0;
	return __start_tapscope_fields;
}

const struct field_def *decode_field_lookup(const char *name)
{
	size_t n;
	const struct field_def *all = all_fields(&n);

	for (size_t i = 0; i < n; i++)
		if (all[i].name && !strcmp(all[i].name, name))
			return &all[i];
	return NULL;
}

unsigned decode_field_types(const char *name)
{
	unsigned mask = 0;
	size_t n;
	const struct field_def *all = all_fields(&n);

	for (size_t i = 0; i < n; i++)
		if (all[i].name && !strcmp(all[i].name, name))
			mask |= 1u << all[i].type;
	return mask;
}

/* Optimal string alignment distance (a swap of two neighbours counts one), capped at 3. */
int decode_field_distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	int d[3][80];	/* rows i-2, i-1, i of the table, names up to 79 characters */

	if (n >= 80 || m >= 80 || (n > m ? n - m : m - n) > 2)
		return 3;
	for (size_t j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (size_t i = 1; i <= n; i++) {
		int *row = d[i % 3], *up = d[(i - 1) % 3], *up2 = d[(i + 1) % 3], best = 3;

		row[0] = (int)i;
		for (size_t j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1], v = up[j] + 1;

			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			if (up[j - 1] + cost < v)
				v = up[j - 1] + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && up2[j - 2] + 1 < v)
				v = up2[j - 2] + 1;
			row[j] = v;
			if (v < best)
				best = v;
		}
		if (best >= 3)
			return 3;
	}
	return d[n % 3][m] < 3 ? d[n % 3][m] : 3;
}

int decode_field_near(const char *name)
{
	return strlen(name) > 6 ? 2 : 1;
}

const char *decode_field_suggest(const char *name)
{
	char lower[80];
	const char *best = NULL;
	int best_d = 3;
	size_t n;
	const struct field_def *all = all_fields(&n);

	for (size_t i = 0; i < sizeof(lower) - 1 && (i == 0 || name[i - 1]); i++)	/* IP.TTL: ip.ttl */
		lower[i] = (char)tolower((unsigned char)name[i]);
	lower[sizeof(lower) - 1] = '\0';
	name = lower;
	for (size_t i = 0; i < n; i++) {
		const struct field_def *f = &all[i];
		int dist;

		if (!f->name || f->name[0] == '_')
			continue;
		dist = decode_field_distance(name, f->name);
		if (dist < best_d || (dist == best_d && best && strcmp(f->name, best) < 0)) {
			best = f->name;
			best_d = dist;
		}
	}
	return best_d <= decode_field_near(name) ? best : NULL;
}

static int by_name(const void *a, const void *b)
{
	const struct field_def *x = *(const struct field_def *const *)a, *y = *(const struct field_def *const *)b;

	return strcmp(x->name, y->name);
}

int decode_fields_print(FILE *out)
{
	static const char *const kinds[] = {
		[FT_PROTO] = "protocol", [FT_GROUP] = "group", [FT_UINT] = "number", [FT_HEX] = "number",
		[FT_BOOL] = "flag", [FT_MAC] = "MAC", [FT_IPV4] = "IPv4", [FT_IPV6] = "IPv6",
		[FT_BYTES] = "bytes", [FT_STRING] = "text", [FT_DNSNAME] = "name", [FT_CSUM] = "checksum status",
		[FT_EXPERT] = "note", [FT_ABSTIME] = "time",
	};
	size_t n, k = 0;
	const struct field_def *defs = all_fields(&n), **all = calloc(n ? n : 1, sizeof(*all));

	if (!all)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (defs[i].name)
			all[k++] = &defs[i];
	qsort(all, k, sizeof(*all), by_name);
	for (size_t i = 0; i < k; i++) {
		const char *kind = (size_t)all[i]->type < sizeof(kinds) / sizeof(kinds[0]) ? kinds[all[i]->type] : NULL;

		if (i && !strcmp(all[i]->name, all[i - 1]->name))
			continue;	/* icmp.code: one a type's table of codes */
		fprintf(out, "%s\t%s\t%s\n", all[i]->name, kind ? kind : "?", all[i]->label);
	}
	free(all);
	return fflush(out) == 0 && !ferror(out) ? 0 : -1;
}

size_t decode_field_count(void)
{
	size_t n;

	all_fields(&n);
	return n;
}
