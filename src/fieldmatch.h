/* fieldmatch.h — a small condition over a decoded frame's fields, with Wireshark's names: "ip.ttl == 1", "tcp.flags.syn", "dns.qry.name != example.com". */
#ifndef TAPSCOPE_FIELDMATCH_H
#define TAPSCOPE_FIELDMATCH_H

#include <stddef.h>

#include "decode.h"

enum fieldmatch_op { FM_PRESENT, FM_EQ, FM_NE, FM_LT, FM_GT, FM_LE, FM_GE, FM_CONTAINS };

#define FIELDMATCH_NAME_MAX 64
#define FIELDMATCH_VALUE_MAX 256

/*
 * One condition: NAME alone (the field is present), or NAME OP VALUE with OP one of
 * == != < > <= >= (also eq ne lt gt le ge) or contains. VALUE is a number (decimal or 0x hex),
 * an address or a subnet (10.0.0.0/8, fd00::/8), a MAC, or text ("quoted" if it holds spaces).
 * As in Wireshark, == holds when any occurrence of the field equals VALUE, != when the field
 * occurs and none does; < > <= >= compare numbers (and fail on fields that are not numbers);
 * contains holds when a field's shown value holds VALUE (any case, as == here).
 * NAME may be one of Wireshark's aliases, which stand for several fields (ip.addr: ip.src and
 * ip.dst; tcp.port, udp.port, ipv6.addr, eth.addr likewise), or frame.len, frame.cap_len or
 * frame.number, the frame's own numbers. Anything more of Wireshark's display filters (&&, ||,
 * !, matches, in, slices) is refused with a message that names it.
 */
struct fieldmatch {
	char name[FIELDMATCH_NAME_MAX];
	enum fieldmatch_op op;
	char value[FIELDMATCH_VALUE_MAX];	/* as written, unquoted */
	int has_num;				/* value reads as a number: num holds it */
	unsigned long long num;
	int family;				/* value reads as an address or a subnet (AF_INET, AF_INET6), else 0 */
	unsigned prefix;			/* the subnet's bits (32 or 128 for one address) */
	unsigned char addr[16];
	short alias;				/* 1 + the alias NAME is in fieldmatch.c's table, else 0 */
	short frame_field;			/* 1 + the frame.* field NAME is, else 0 */
};

/* Parses text into m. Returns 0, or -EINVAL with a message in err saying what is wrong and what would be valid. */
int fieldmatch_parse(struct fieldmatch *m, const char *text, char *err, size_t errlen);
/* True (1) when d satisfies m, else 0. */
int fieldmatch_eval(const struct fieldmatch *m, const struct decoded *d);
/* True when d has a field m names (for an alias, any of its fields; frame.* always). */
int fieldmatch_seen(const struct fieldmatch *m, const struct decoded *d);
/* True when text is meant as a field condition, whether or not it parses: a Wireshark-style name
 * "proto.field" of a protocol tapscope decodes, alone or followed by a comparison; a protocol's
 * name alone ("dns"); any name followed by == != < > <= >=; or any of these after a filter's
 * "!", "not", "(" or before "&&", "||", "matches"... (which fieldmatch_parse refuses by name).
 * The find command uses it to tell a condition from plain text ("who-has", "Flags [S]",
 * "10.0.0.1", "GET /", "example.com" are text). */
int fieldmatch_looks_like(const char *text);

#endif
