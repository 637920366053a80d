/* offpar.h — --print and --json lines of a file made on every core, written in the file's order. */
#ifndef TAPSCOPE_OFFPAR_H
#define TAPSCOPE_OFFPAR_H

#include <stddef.h>
#include <stdio.h>

struct decoded;
struct fmtbuf;
struct frame;

/* The next frame into *f (its bytes valid until the next call): 1, or 0 at the end. */
typedef int (*offpar_next_fn)(void *ctx, struct frame *f);

/*
 * Lines (or JSON objects, with json; each line after its frame's number, with number) for every
 * frame next gives, made by threads threads (the caller's among them) and written to out's
 * descriptor in the frames' order: the same bytes as one thread makes them. The threads take
 * turns at next, a block of frames each (next is never called by two at once), decode their
 * blocks side by side and write them in turn. Returns 0 when next has said 0, or the errno of the
 * first write that failed (nothing is written after it); -1, before any call of next, when no
 * thread could be started (the caller then makes the lines itself).
 */
int offpar_run(int threads, int json, int number, FILE *out, offpar_next_fn next, void *ctx);
/* f decoded into d and its line (with number: after its number) or, with json, its JSON object
 * appended to b, which must have offpar_line_room(json) bytes of room: what one thread and the
 * workers alike write for a frame. */
void offpar_line(struct fmtbuf *b, const struct frame *f, struct decoded *d, int json, int number);
size_t offpar_line_room(int json);

/* n bytes straight to fd, all of them (EINTR resumed): 0, or the errno of a failed write (a full
 * disk; a closed pipe is SIGPIPE, as for tcpdump). */
int offpar_write_all(int fd, const char *p, size_t n);

/* How many threads offline_run makes lines on: the CPUs this process may use, at most 4; the
 * environment's TAPSCOPE_WORKERS when set (0 or 1: one, the caller's). */
int offpar_threads(void);

#endif
