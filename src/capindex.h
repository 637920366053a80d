/* capindex.h — a capture file opened for browsing: indexed lazily in bounded steps, in bounded memory; frame N read back on demand; filters and finds over the whole file. */
#ifndef TAPSCOPE_CAPINDEX_H
#define TAPSCOPE_CAPINDEX_H

/*
 * How the offline browser (ui/) is meant to use it, all on its one event loop:
 *
 *   ix = capindex_open(path, err, n);          first screen: capindex_read(ix, 1..rows)
 *   on every idle turn: capindex_step(ix, 65536, ...) until it returns 1;
 *                       the status line shows capindex_progress()
 *   End / go to frame N: capindex_read(ix, N); N may be any frame indexed so far
 *   filter:  m = capmatch_new_bpf(ix, expr); capmatch_step(ix, m, 65536) on idle turns;
 *            the list shows rows capmatch_kth(m, 1..count), the selected frame's row is capmatch_rank()
 *   find:    q = capfind_new("ip.ttl == 1" or "some text"); capfind_search(ix, q, from, dir, 65536, &at)
 *            on idle turns until it says found (1) or none (-ENOENT)
 *
 * Memory: one file offset every CAPINDEX_STRIDE frames (8 bytes per 1024 frames), and a filter
 * result of one bit a frame plus a count per 4096 frames; frames are re-read from the file.
 * No call blocks for longer than its max_frames bound (or one stride, for a read).
 */
#include <stddef.h>
#include <stdint.h>
#include <sys/time.h>

#include "frame.h"

#define CAPINDEX_STRIDE 1024

struct capindex;

/* What the file pane shows. */
struct capindex_info {
	const char *path;		/* as given ("-" for stdin) */
	int dlt;			/* link type (DLT_*) */
	const char *link_name;		/* "EN10MB" */
	const char *link_desc;		/* "Ethernet" */
	int pcapng;			/* pcapng (else classic pcap) */
	uint64_t file_bytes;		/* size of the file (of the spooled copy for a pipe, so far) */
	int streaming;			/* a pipe still open: more frames may come */
	uint64_t frames;		/* frames indexed so far (all of them once done) */
	int done;			/* the whole file is indexed */
	struct timeval first, last;	/* times of the first and the last indexed frame */
	uint64_t frames_in, frames_out;	/* frames whose recorded direction is in ('<') / out ('>') */
	uint64_t frames_commented;	/* frames with a pcapng comment (opt_comment) */
	uint64_t wire_bytes;		/* sum of the indexed frames' lengths on the wire */
};

/*
 * Opens path (pcap or pcapng) and checks its header and link type (the ones tapscope decodes).
 * Nothing is indexed yet. "-" (stdin), a FIFO or any other pipe is copied to an unlinked
 * temporary file as it arrives (src/capstream.h): open waits only for the capture's header. NULL
 * with a message in err naming the file and the problem.
 */
struct capindex *capindex_open(const char *path, char *err, size_t errlen);

/* Indexes up to max_frames more frames. Returns 1 once the whole file is indexed, 0 when more
 * remains, 2 when a pipe has not brought the next frame yet (wait for capindex_stream_fd() to be
 * readable), or -EIO with libpcap's words in err for a file damaged there (the frames before it
 * stay readable, and later calls return 1). */
int capindex_step(struct capindex *ix, unsigned max_frames, char *err, size_t errlen);
/* The pipe a capture still arrives on, or -1 (a file, or the pipe has ended). */
int capindex_stream_fd(const struct capindex *ix);

/* Frames indexed so far; 1 when the whole file is; per mille of the file's bytes indexed. */
uint64_t capindex_count(const struct capindex *ix);
int capindex_done(const struct capindex *ix);
unsigned capindex_progress(const struct capindex *ix);

/*
 * Reads frame n (1-based, at most capindex_count()) into f: number, time, direction (pcapng),
 * link type, bytes. f->data stays valid until the next call on ix. Returns 0, -ERANGE for a frame
 * not indexed (yet), -EIO (err) when the file cannot be read there.
 */
int capindex_read(struct capindex *ix, uint64_t n, struct frame *f, char *err, size_t errlen);
/* The pcapng comments of the frame capindex_read last read, a line each (bytes as written), or "". */
const char *capindex_comments(const struct capindex *ix);

/* The file's link type (DLT_*). */
int capindex_dlt(const struct capindex *ix);
/* The file pane's facts, as far as indexed. */
void capindex_info(const struct capindex *ix, struct capindex_info *info);

/* Closes the file (and removes a stdin spool). */
void capindex_close(struct capindex *ix);

/* ---- which frames match: a filter's result, kept as a bitmap with a count per 4096 frames ---- */

struct capmatch;

/* A BPF filter (tcpdump syntax, compiled for the file's link type) over the file; nothing scanned
 * yet. NULL with libpcap's message in err for a bad expression. */
struct capmatch *capmatch_new_bpf(struct capindex *ix, const char *expr, char *err, size_t errlen);
/* A find query (capfind_new's syntax) as a filter: frames whose summary holds the text, or that
 * satisfy the field condition. Slower than BPF: each frame is decoded. */
struct capmatch *capmatch_new_find(struct capindex *ix, const char *query, char *err, size_t errlen);
/* Tests up to max_frames more of the indexed frames. 1 once every frame of a fully indexed file
 * was tested, 0 when more remains (or the index is still growing), -EIO (err) on a read error. */
int capmatch_step(struct capindex *ix, struct capmatch *m, unsigned max_frames, char *err, size_t errlen);
/* Frames tested so far (1..scanned), and how many of them match. */
uint64_t capmatch_scanned(const struct capmatch *m);
uint64_t capmatch_count(const struct capmatch *m);
/* 1 when frame n was tested and matches. */
int capmatch_has(const struct capmatch *m, uint64_t n);
/* The frame number of the k-th match (1-based), or 0 when there are fewer than k. */
uint64_t capmatch_kth(const struct capmatch *m, uint64_t k);
/* How many matches are at or before frame n: the row of frame n in the filtered list. */
uint64_t capmatch_rank(const struct capmatch *m, uint64_t n);
/* The first match after frame n, the last before it; 0 when none (among frames tested). */
uint64_t capmatch_next(const struct capmatch *m, uint64_t n);
uint64_t capmatch_prev(const struct capmatch *m, uint64_t n);
void capmatch_free(struct capmatch *m);

/* ---- find: text in the summary line, or a field condition (fieldmatch.h) ---- */

struct capfind;

/* A condition when query reads as one ("ip.ttl == 1", "tcp.flags.syn", "dns"), else text looked
 * for in each frame's summary line, case-insensitively. NULL with a message in err. */
struct capfind *capfind_new(const char *query, char *err, size_t errlen);
/* True when q is a field condition (else text). */
int capfind_is_condition(const struct capfind *q);
/* The text a text find looks for (without the quotes it may have been given in), or "". */
const char *capfind_text(const struct capfind *q);
/* A condition's field name when no frame tested so far had that field (misspelt, as ip.tll, or
 * absent from the frames), else NULL: a find that found nothing says so. */
const char *capfind_name_unseen(const struct capfind *q);
/* True when frame f (decoded into d by the caller, or by this call when d is NULL) matches. */
int capfind_match(struct capfind *q, const struct frame *f);
/*
 * Looks for the next (backward: previous) matching frame after (before) frame from, testing at
 * most max_frames frames. Returns 1 with the frame in *at; 0 when not found yet, with *at the last
 * frame tested (call again from there); -ENOENT when no indexed frame further on matches (more may
 * come while the file is being indexed); -EIO (err) on a read error.
 */
int capfind_search(struct capindex *ix, struct capfind *q, uint64_t from, int backward, unsigned max_frames,
		   uint64_t *at, char *err, size_t errlen);
/* The same among the frames within matches (a filtered list's rows) only: forward, frames within
 * has not tested yet are not looked at (-ENOENT with *at the last frame within has tested, so a
 * later call from there goes on once it has tested more). */
int capfind_search_in(struct capindex *ix, struct capfind *q, const struct capmatch *within, uint64_t from,
		      int backward, unsigned max_frames, uint64_t *at, char *err, size_t errlen);
void capfind_free(struct capfind *q);

#endif
