/* fieldmatch.h — a small condition over a decoded frame's fields, with Wireshark's names: "ip.ttl == 1", "tcp.flags.syn", "dns.qry.name != example.com". */
#ifndef TAPSCOPE_FIELDMATCH_H
#define TAPSCOPE_FIELDMATCH_H

#include <stddef.h>

#include "decode.h"

enum fieldmatch_op { FM_PRESENT, FM_EQ, FM_NE, FM_LT, FM_GT, FM_LE, FM_GE };

#define FIELDMATCH_NAME_MAX 64
#define FIELDMATCH_VALUE_MAX 256

/*
 * One condition: NAME alone (the field is present), or NAME OP VALUE with OP one of
 * == != < > <= >= (also eq ne lt gt le ge). VALUE is a number (decimal or 0x hex), an
 * address, a MAC, or text ("quoted" if it holds spaces). As in Wireshark, == holds when any
 * occurrence of the field equals VALUE, != when the field occurs and none does; < > <= >=
 * compare numbers (and fail on fields that are not numbers).
 */
struct fieldmatch {
	char name[FIELDMATCH_NAME_MAX];
	enum fieldmatch_op op;
	char value[FIELDMATCH_VALUE_MAX];	/* as written, unquoted */
	int has_num;				/* value reads as a number: num holds it */
	unsigned long long num;
};

/* Parses text into m. Returns 0, or -EINVAL with a message in err saying what is wrong and what would be valid. */
int fieldmatch_parse(struct fieldmatch *m, const char *text, char *err, size_t errlen);
/* True (1) when d satisfies m, else 0. */
int fieldmatch_eval(const struct fieldmatch *m, const struct decoded *d);
/* True when text looks like a field condition (starts with a Wireshark-style name "proto.field"
 * or a protocol name, and has no spaces outside an operator and value): the find command uses it
 * to tell a condition from plain text. */
int fieldmatch_looks_like(const char *text);

#endif
