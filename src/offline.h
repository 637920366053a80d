/* offline.h — reading a pcap/pcapng file (or stdin) through libpcap and printing what it holds. */
#ifndef TAPSCOPE_OFFLINE_H
#define TAPSCOPE_OFFLINE_H

#include <stddef.h>
#include <stdio.h>

struct offline_opts {
	const char *path;	/* a pcap or pcapng file; "-" reads stdin */
	const char *filter;	/* tcpdump-syntax BPF expression, or NULL */
	int verbose;		/* 1: the field tree under each line; 2: with explanations */
	int json;		/* one JSON object a frame instead of lines */
	long count;		/* stop after this many frames printed; 0: all */
};

/*
 * Prints every frame of the file that passes the filter to out (frameprint_line, and the tree
 * with verbose, or frameprint_json). Frames keep their number in the file, as in Wireshark.
 * Returns 0, or -1 with a message in err that names the file and what is wrong (cannot open,
 * not a capture file, truncated, unsupported link type, bad filter). Frames before a damaged
 * record are printed first. Gives out a large buffer: call it before anything else writes to out.
 */
int offline_run(const struct offline_opts *o, FILE *out, char *err, size_t errlen);

#endif
