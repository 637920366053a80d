/* ui_row.h — the columns of one frame in the list, from its decoded tree. */
#ifndef TAPSCOPE_UI_ROW_H
#define TAPSCOPE_UI_ROW_H

#include "decode.h"
#include "ui.h"

struct row_cols {
	char proto[16];		/* "ICMP", "ICMPv6", "PPP LCP"... */
	char src[64], dst[64];
	char info[DECODE_SUMMARY_MAX + 48];	/* ports first for UDP and TCP */
	char mark;		/* '!' a bad checksum, '?' malformed or cut short, ' ' */
	enum ui_color color;	/* C_MARK for marked frames */
};

void row_columns(const struct decoded *d, struct row_cols *c);
/* The Protocol column's name for a layer ("ICMPv6", "L2TP"), NULL for a value out of range. */
const char *row_proto_column(enum decode_proto p);

#endif
