/* tok.h — value->name tables in tcpdump's style: { value, "name" } rows ending in a null row. */
#ifndef TAPSCOPE_TOK_H
#define TAPSCOPE_TOK_H

#include <stddef.h>

struct tok {
	unsigned v;
	const char *s;
};

/* The name for v, or NULL when the table has none. */
static inline const char *tok_name(const struct tok *t, unsigned v)
{
	if (!t)
		return NULL;
	for (; t->s; t++)
		if (t->v == v)
			return t->s;
	return NULL;
}

/* The name for v, or dflt. */
static inline const char *tok_str(const struct tok *t, unsigned v, const char *dflt)
{
	const char *s = tok_name(t, v);

	return s ? s : dflt;
}

#endif
