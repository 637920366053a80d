/* tok.h — value->name tables in tcpdump's style, the one table type of the decoder and of craft: { value, "name" [, "description"] } rows ending in a null row. */
#ifndef TAPSCOPE_TOK_H
#define TAPSCOPE_TOK_H

#include <stddef.h>

struct tok {
	unsigned v;
	const char *s;		/* the name: Wireshark's text in the decoder, the spec keyword in craft */
	const char *desc;	/* what it means, said to a user (craft's form and errors); NULL in the decoder's tables */
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

/* The row named name (case-insensitive), or NULL. */
const struct tok *tok_find(const struct tok *t, const char *name);

/* "a, b, c" from a table's names, cut to n bytes. */
void tok_list(const struct tok *t, char *buf, size_t n);

#endif
