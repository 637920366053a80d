/* tok.c — the value->name tables' lookups by name and their lists (tok.h). */
#include "tok.h"

#include <stdio.h>
#include <strings.h>

const struct tok *tok_find(const struct tok *t, const char *name)
{
	for (; t && t->s; t++)
		if (!strcasecmp(t->s, name))
			return t;
	return NULL;
}

void tok_list(const struct tok *t, char *buf, size_t n)
{
	size_t used = 0;

	if (n)
		buf[0] = '\0';
	for (; t && t->s && used < n; t++) {
		int w = snprintf(buf + used, n - used, "%s%s", used ? ", " : "", t->s);

		if (w < 0)
			return;
		used += (size_t)w;
	}
}
