/* capstream.h — a capture that arrives on a pipe (stdin, a FIFO, <(zcat f.gz)) kept in an unlinked temporary file as it comes, so the browser can seek in it and show the first frames while the rest still flows. */
#ifndef TAPSCOPE_CAPSTREAM_H
#define TAPSCOPE_CAPSTREAM_H

#include <stddef.h>
#include <stdint.h>

struct capstream;

/*
 * Takes src (a descriptor that cannot seek; the stream keeps its own copy of it) and copies what
 * arrives into a spool file, blocking until the capture's header is there: a pcap file header, or
 * a pcapng section header and its first interface block (what libpcap reads on opening). NULL with
 * err on failure. capstream_spool_fd() is then the file for libpcap to read.
 */
struct capstream *capstream_open(int src, const char *shown, char *err, size_t errlen);

/* The spool file (stays the stream's: do not close it). */
int capstream_spool_fd(const struct capstream *cs);

/* Copies what has arrived, without waiting (at most max_bytes). 1: the stream has ended (or
 * failed: err says why), 0: it is still open. */
int capstream_feed(struct capstream *cs, size_t max_bytes, char *err, size_t errlen);

/* The descriptor to wait on for more (-1 once the stream has ended). */
int capstream_fd(const struct capstream *cs);

/* Bytes spooled so far. */
uint64_t capstream_bytes(const struct capstream *cs);

/* Whether the next packet record at spool offset off is there whole (the blocks before it in a
 * pcapng file too): 1, or always 1 once the stream has ended (libpcap then judges what is left). */
int capstream_record_ready(struct capstream *cs, uint64_t off);

void capstream_close(struct capstream *cs);

#endif
