/* offline.h — reading a pcap/pcapng file (or stdin) through libpcap and printing what it holds. */
#ifndef TAPSCOPE_OFFLINE_H
#define TAPSCOPE_OFFLINE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct offline_opts {
	const char *path;	/* a pcap or pcapng file; "-" reads stdin */
	const char *filter;	/* tcpdump-syntax BPF expression, or NULL */
	int verbose;		/* 1: the field tree under each line; 2: with explanations */
	int json;		/* one JSON object a frame instead of lines */
	long count;		/* stop after this many frames printed; 0: all */
	const char *write_path;	/* also write the frames that pass the filter here (pcapout.h), or NULL */
	int pcapng;		/* write pcapng whatever write_path's name */
	int quiet;		/* print no line (-r F -w OUT alone, as tcpdump) */
	int number;		/* start each line with the frame's number (-#) */
};

/*
 * Prints every frame of the file that passes the filter to out (frameprint_line, and the tree
 * with verbose, or frameprint_json), and writes them to write_path when given. Frames keep their
 * number in the file, as in Wireshark; a pcapng file's recorded directions come back as '<'/'>'.
 * Returns 0, or -1 with a message in err that names the file and what is wrong (cannot open,
 * not a capture file, truncated, unsupported link type, bad filter). Frames before a damaged
 * record are printed first. Gives out a large buffer: call it before anything else writes to out.
 */
int offline_run(const struct offline_opts *o, FILE *out, char *err, size_t errlen);
/* A read that failed after frames frames (libpcap's message perr), with the file's name and, for
 * pcapng files libpcap cannot read whole, what would make them readable. */
void offline_read_error(char *err, size_t errlen, const char *path, uint64_t frames, const char *perr);

/* Whether path and other name one existing file (through links, "..", another name; "-" is
 * none): writing to one would destroy the other. */
int offline_same_file(const char *path, const char *other);

/* Undoes libpcap's sign extension of a pcap file's 32-bit seconds (times from 2038 to 2106). */
struct timeval;
void offline_fix_time(struct timeval *tv);

/* 0 for a link type tapscope decodes; else -1 with a message in err naming path, the link type
 * (USER0..USER15 too, which libpcap leaves nameless) and the ones it reads. */
int offline_link_refused(char *err, size_t errlen, const char *path, int dlt);

/* Why libpcap could not open path (its message perr), said with the file's name once, and what a
 * capture is when the file is none ("unknown file format"). */
void offline_open_error(char *err, size_t errlen, const char *path, const char *perr);
/* "-r -" with the terminal on stdin (it would wait for a capture typed in): 1 with the message. */
int offline_stdin_refused(char *err, size_t errlen, const char *path);

#endif
