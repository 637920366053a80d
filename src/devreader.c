/* devreader.c — batched reads from a tun/tap fd: io_uring with many reads in flight, or plain read().
 *
 * A bare read() loop pays one system call per frame. Here DEVREADER_DEPTH reads wait in an
 * io_uring; the kernel completes each as a frame arrives (tun reads support nowait, so a
 * waiting read is poll-armed, not a blocked worker), and one wake-up of the event loop
 * collects many completions and re-arms them with one io_uring_enter. Completions of one
 * task run one after another, so their order is the order the frames were dequeued. */
#include "devreader.h"

#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct devreader {
	int fd;
	int uring;		/* 1: io_uring, 0: read() */
	size_t frame_max;
	struct io_uring ring;
	uint8_t *bufs;		/* DEVREADER_DEPTH buffers of frame_max bytes (io_uring) or one (read) */
	int unsubmitted;
};

static void arm(struct devreader *r, unsigned slot)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&r->ring);

	if (!sqe)
		return;		/* cannot happen: the ring has room for every slot */
	io_uring_prep_read(sqe, r->fd, r->bufs + (size_t)slot * r->frame_max, (unsigned)r->frame_max, 0);
	io_uring_sqe_set_data64(sqe, slot);
	r->unsubmitted++;
}

static int set_blocking(int fd, int blocking)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -errno;
	fl = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
	return fcntl(fd, F_SETFL, fl) < 0 ? -errno : 0;
}

/* io_uring honours O_NONBLOCK by failing with -EAGAIN; without it a read waits, poll-armed. */
static int start_uring(struct devreader *r)
{
	int rc = io_uring_queue_init(DEVREADER_DEPTH * 2, &r->ring, 0);

	if (rc < 0)
		return rc;
	r->bufs = malloc((size_t)DEVREADER_DEPTH * r->frame_max);
	if (!r->bufs || (rc = set_blocking(r->fd, 1)) < 0) {
		io_uring_queue_exit(&r->ring);
		return r->bufs ? rc : -ENOMEM;
	}
	for (unsigned i = 0; i < DEVREADER_DEPTH; i++)
		arm(r, i);
	rc = io_uring_submit(&r->ring);
	r->unsubmitted = 0;
	if (rc < 0) {
		io_uring_queue_exit(&r->ring);
		set_blocking(r->fd, 0);
		return rc;
	}
	r->uring = 1;
	return 0;
}

struct devreader *devreader_new(int fd, size_t frame_max, int use_uring, char *err, size_t errlen)
{
	struct devreader *r = calloc(1, sizeof(*r));

	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	r->fd = fd;
	r->frame_max = frame_max;
	if (use_uring && start_uring(r) == 0)
		return r;
	free(r->bufs);
	r->bufs = malloc(frame_max);
	if (!r->bufs || set_blocking(fd, 0) < 0) {
		snprintf(err, errlen, "cannot set up reading the device: %s", strerror(r->bufs ? errno : ENOMEM));
		free(r->bufs);
		free(r);
		return NULL;
	}
	return r;
}

void devreader_free(struct devreader *r)
{
	if (!r)
		return;
	if (r->uring) {
		io_uring_queue_exit(&r->ring);	/* cancels and reaps the reads in flight */
		set_blocking(r->fd, 0);
	}
	free(r->bufs);
	free(r);
}

int devreader_fd(const struct devreader *r)
{
	return r->uring ? r->ring.ring_fd : r->fd;
}

const char *devreader_kind(const struct devreader *r)
{
	return r->uring ? "io_uring" : "read";
}

static int drain_read(struct devreader *r, int max, devreader_fn fn, void *arg)
{
	int n = 0;

	while (n < max) {
		ssize_t len = read(r->fd, r->bufs, r->frame_max);

		if (len < 0) {
			if (errno == EAGAIN || errno == EINTR)
				break;
			return n ? n : -errno;
		}
		if (len == 0)
			break;
		fn(r->bufs, (size_t)len, arg);
		n++;
	}
	return n;
}

static int drain_uring(struct devreader *r, int max, devreader_fn fn, void *arg)
{
	struct io_uring_cqe *cqe;
	int n = 0, failed = 0;

	while (n < max && !failed && io_uring_peek_cqe(&r->ring, &cqe) == 0) {
		unsigned slot = (unsigned)io_uring_cqe_get_data64(cqe);
		int res = cqe->res;

		io_uring_cqe_seen(&r->ring, cqe);
		if (res > 0) {
			fn(r->bufs + (size_t)slot * r->frame_max, (size_t)res, arg);
			n++;
		} else if (res < 0 && res != -EAGAIN && res != -EINTR && res != -ECANCELED) {
			failed = res;
			continue;	/* a dead device: do not re-arm */
		}
		arm(r, slot);
	}
	if (r->unsubmitted) {
		io_uring_submit(&r->ring);
		r->unsubmitted = 0;
	}
	return failed && !n ? failed : n;
}

int devreader_drain(struct devreader *r, int max, devreader_fn fn, void *arg)
{
	return r->uring ? drain_uring(r, max, fn, arg) : drain_read(r, max, fn, arg);
}
