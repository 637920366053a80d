/* devreader.h — reads from a tun/tap fd: plain read() at a conversation's pace, batched io_uring reads under a flood. */
#ifndef TAPSCOPE_DEVREADER_H
#define TAPSCOPE_DEVREADER_H

#include <stddef.h>
#include <stdint.h>

#define DEVREADER_DEPTH 32	/* io_uring reads kept in flight, at most */
#define DEVREADER_MIN_DEPTH 2	/* ... and at least: one catches the next frame while one is re-armed */

struct devreader;

enum devreader_mode {
	DEVREADER_AUTO,		/* read(), io_uring while a flood lasts (when the kernel allows io_uring) */
	DEVREADER_READ,		/* read() only (--no-uring) */
	DEVREADER_URING,	/* io_uring from the start, always (TAPSCOPE_URING=always: for tests) */
};

/* Called for each frame read, in the order the kernel queued them. */
typedef void (*devreader_fn)(const uint8_t *buf, size_t len, void *arg);

/* Reads fd (a tun/tap fd; left non-blocking while read() reads it) in mode. Frames are at most
 * frame_max bytes. Returns NULL with a message in err on failure. */
struct devreader *devreader_new(int fd, size_t frame_max, enum devreader_mode mode, char *err, size_t errlen);
/* Cancels the reads in flight (the device's queue is really released when its fd closes). */
void devreader_free(struct devreader *r);
/* The fd to watch for EPOLLIN: the ring's eventfd, or the device's own. It changes when the
 * reader switches between read() and io_uring: look again after each devreader_drain. */
int devreader_fd(const struct devreader *r);
/* "io_uring" or "read". */
const char *devreader_kind(const struct devreader *r);
/* Delivers up to max frames that are ready, then re-arms. Returns how many, or -errno when
 * the device failed (-EBADFD: it was deleted). */
int devreader_drain(struct devreader *r, int max, devreader_fn fn, void *arg);

#endif
