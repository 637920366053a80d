/* frameprint.h — headless renderings of a decoded frame: the one-line summary, the -v field tree, JSON. */
#ifndef TAPSCOPE_FRAMEPRINT_H
#define TAPSCOPE_FRAMEPRINT_H

#include <stdio.h>

#include "decode.h"
#include "fmtbuf.h"
#include "frame.h"

/* "    7  ": a frame's number before its line (-#), live and from a file alike */
#define FRAMEPRINT_NUMBER_FMT "%5llu  "

/* "21:07:42.123456 < 98 IP 10.18.0.1 > 10.18.0.3: ICMP echo request, id 7, seq 1, length 64\n":
 * local time, '<' in / '>' out / '-' unknown, the frame length, the summary. */
void frameprint_line(FILE *out, const struct frame *f, const struct decoded *d);
/* The same with the device's name after the time ("21:07:42.123456 tun0 < ..."), as tcpdump -i any
 * names interfaces; dev NULL: none. */
void frameprint_line_dev(FILE *out, const struct frame *f, const struct decoded *d, const char *dev);

/* The same line (no device) appended to b: the offline printer batches lines in one buffer. */
void frameprint_line_buf(struct fmtbuf *b, const struct frame *f, const struct decoded *d);

/* The field tree under a line: one "name: display" line a node, indented 4 + 2 per level. */
void frameprint_tree(FILE *out, const struct decoded *d);
/* Same, and with explain != 0 each node's plain explanation after "  -- " (tapscope -p -vv). */
void frameprint_tree_ex(FILE *out, const struct decoded *d, int explain);

/*
 * One JSON object and a newline:
 * {"frame":N,"time":"2024-05-01T19:07:42.123456Z","dir":"in","len":N,"caplen":N,
 *  "protocols":["eth","ip","icmp"],"fields":{"eth.src":"02:..","icmp.type":8,...},"summary":"..."}
 * "dir" is left out for FRAME_DIR_UNKNOWN (frames from a file). Time is UTC.
 * A field that occurs more than once (two DNS answers; the IP header quoted in an ICMP error)
 * has all its values in a list, in frame order, as tshark -T json --no-duplicate-keys shows it:
 * "dns.a":["10.0.0.1","10.0.0.2"].
 * Numbers are JSON numbers, flags 0/1, addresses and names strings, checksum status
 * "good", "bad", "unverified" or "not present"; protocol and group nodes are not fields.
 */
void frameprint_json(FILE *out, const struct frame *f, const struct decoded *d);

/* What a live run adds to the JSON object, after "summary" (NULL members are left out):
 * "dev" (several devices), "why" (why_frame), "answer" ("answered by tapscope" or why not). */
struct frameprint_extra {
	const char *dev, *why, *answer;
};
void frameprint_json_ex(FILE *out, const struct frame *f, const struct decoded *d, const struct frameprint_extra *x);
/* The same object and newline appended to b, which should have FRAMEPRINT_JSON_MAX bytes of room
 * (a frame whose object would not fit becomes {"frame":N,"error":"too many fields for one line"}). */
#define FRAMEPRINT_JSON_MAX (1 << 16)
void frameprint_json_buf(struct fmtbuf *b, const struct frame *f, const struct decoded *d,
			 const struct frameprint_extra *x);
/* s (n bytes) as a JSON string, quotes included: '"', '\\' and bytes outside 0x20..0x7e escaped
 * (\u00XX each); cut where b ends. */
void frameprint_json_string(struct fmtbuf *b, const char *s, size_t n);
/* Frees the JSON plans the calling thread kept (a thread that made JSON calls it before it ends). */
void frameprint_json_release(void);
/* FRAMEPRINT_NUMBER_FMT's number before a line, into b. */
void frameprint_number_buf(struct fmtbuf *b, uint64_t number);

#endif
