/* devreader.h — batched reads from a tun/tap fd: io_uring with many reads in flight, or plain read() as the fallback. */
#ifndef TAPSCOPE_DEVREADER_H
#define TAPSCOPE_DEVREADER_H

#include <stddef.h>
#include <stdint.h>

#define DEVREADER_DEPTH 32	/* io_uring reads kept in flight, at most */
#define DEVREADER_MIN_DEPTH 2	/* ... and at least: one catches the next frame while one is re-armed */

struct devreader;

/* Called for each frame read, in the order the kernel queued them. */
typedef void (*devreader_fn)(const uint8_t *buf, size_t len, void *arg);

/* Reads fd (a tun/tap fd) with io_uring when use_uring and the kernel allows it, else with
 * read() (fd is then left non-blocking). Frames are at most frame_max bytes. Returns NULL
 * with a message in err on failure. */
struct devreader *devreader_new(int fd, size_t frame_max, int use_uring, char *err, size_t errlen);
/* Cancels the reads in flight (the device's queue is really released when its fd closes). */
void devreader_free(struct devreader *r);
/* The fd to watch for EPOLLIN: the ring's, or the device's own. */
int devreader_fd(const struct devreader *r);
/* "io_uring" or "read". */
const char *devreader_kind(const struct devreader *r);
/* Delivers up to max frames that are ready, then re-arms. Returns how many, or -errno when
 * the device failed (-EBADFD: it was deleted). */
int devreader_drain(struct devreader *r, int max, devreader_fn fn, void *arg);

#endif
