/* devreader.c — batched reads from a tun/tap fd: io_uring with many reads in flight, or plain read().
 *
 * A bare read() loop pays one system call per frame. Here DEVREADER_DEPTH reads wait in an
 * io_uring; the kernel completes each as a frame arrives (tun reads support nowait, so a
 * waiting read is poll-armed, not a blocked worker), and one wake-up of the event loop
 * collects many completions and re-arms them with one io_uring_enter. Completions of one
 * task run one after another, so their order is the order the frames were dequeued.
 *
 * Every read in flight is woken by each arriving frame, and all but one find nothing: at a
 * ping's pace that herd costs more than read() does. So the depth adapts: it doubles while
 * every read completes at once (a flood) and halves while few do, down to two. */
#include "devreader.h"

#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

struct devreader {
	int fd;
	int uring;		/* 1: io_uring, 0: read() */
	size_t frame_max;
	struct io_uring ring;
	uint8_t *bufs;		/* DEVREADER_DEPTH buffers of frame_max bytes (io_uring) or one (read) */
	int unsubmitted;
	uint8_t armed[DEVREADER_DEPTH];	/* a read into this slot is in flight */
	int narmed, target;		/* reads in flight, and how many there should be */
	int evfd;			/* signalled when completions wait to be run (the loop watches it) */
};

static void arm(struct devreader *r, unsigned slot)
{
	struct io_uring_sqe *sqe = io_uring_get_sqe(&r->ring);

	if (!sqe)
		return;		/* cannot happen: the ring has room for every slot */
	io_uring_prep_read(sqe, r->fd, r->bufs + (size_t)slot * r->frame_max, (unsigned)r->frame_max, 0);
	io_uring_sqe_set_data64(sqe, slot);
	r->unsubmitted++;
	r->armed[slot] = 1;
	r->narmed++;
}

/* Arms free slots until target reads are in flight. */
static void arm_to_target(struct devreader *r)
{
	for (unsigned i = 0; i < DEVREADER_DEPTH && r->narmed < r->target; i++)
		if (!r->armed[i])
			arm(r, i);
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
	int rc = io_uring_queue_init(DEVREADER_DEPTH * 2, &r->ring,
				     IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN);

	if (rc < 0)
		return rc;
	r->bufs = malloc((size_t)DEVREADER_DEPTH * r->frame_max);
	r->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (!r->bufs || r->evfd < 0 || (rc = io_uring_register_eventfd(&r->ring, r->evfd)) < 0 ||
	    (rc = set_blocking(r->fd, 1)) < 0) {
		io_uring_queue_exit(&r->ring);
		if (r->evfd >= 0)
			close(r->evfd);
		return !r->bufs || r->evfd < 0 ? -ENOMEM : rc;
	}
	r->target = DEVREADER_MIN_DEPTH;
	arm_to_target(r);
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

/* A read in flight holds the device's file: until every one has completed, closing the fd
 * would not release the queue (no NO-CARRIER on detach, the device outliving the run).
 * io_uring_queue_exit cancels them too, but in a kernel worker, later. So cancel them here
 * and reap every completion before returning. */
static void cancel_all(struct devreader *r)
{
	struct __kernel_timespec ts = { .tv_sec = 1 };
	struct io_uring_sqe *sqe = io_uring_get_sqe(&r->ring);
	struct io_uring_cqe *cqe;
	int pending = r->narmed + 1;

	if (!sqe)
		return;
	io_uring_prep_cancel_fd(sqe, r->fd, IORING_ASYNC_CANCEL_ALL);
	io_uring_sqe_set_data64(sqe, DEVREADER_DEPTH);
	io_uring_submit(&r->ring);
	while (pending > 0 && io_uring_wait_cqe_timeout(&r->ring, &cqe, &ts) == 0) {
		io_uring_cqe_seen(&r->ring, cqe);
		pending--;
	}
	r->narmed = r->unsubmitted = 0;
}

void devreader_free(struct devreader *r)
{
	if (!r)
		return;
	if (r->uring) {
		cancel_all(r);
		io_uring_queue_exit(&r->ring);
		close(r->evfd);
		set_blocking(r->fd, 0);
	}
	free(r->bufs);
	free(r);
}

int devreader_fd(const struct devreader *r)
{
	return r->uring ? r->evfd : r->fd;
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

/* Each io_uring_enter submits the reads re-armed since the last and runs the completions
 * deferred to this task (IORING_SETUP_DEFER_TASKRUN); a wake-up repeats it until a call
 * finds nothing (the queue is empty) or max frames came. Re-armed reads may wait for the
 * next wake-up while another read is still in flight to catch the next frame. The
 * kernel signals the eventfd only when deferred work goes from none to some, and one call
 * runs a bounded amount of it: a call that finds nothing has run it all, and a wake-up
 * that stops at max signals the eventfd itself to come back for the rest. (Watched
 * edge-triggered, the eventfd lost wake-ups under a flood; level-triggered it does not.) */
static int drain_uring(struct devreader *r, int max, devreader_fn fn, void *arg)
{
	struct io_uring_cqe *cqe;
	int n = 0, failed = 0;

	eventfd_read(r->evfd, &(eventfd_t){ 0 });
	while (n < max && !failed) {
		int got = 0, before;

		io_uring_submit_and_get_events(&r->ring);
		r->unsubmitted = 0;
		before = r->narmed;
		while (n < max && !failed && io_uring_peek_cqe(&r->ring, &cqe) == 0) {
			unsigned slot = (unsigned)io_uring_cqe_get_data64(cqe);
			int res = cqe->res;

			io_uring_cqe_seen(&r->ring, cqe);
			r->armed[slot] = 0;
			r->narmed--;
			got++;
			if (res > 0) {
				fn(r->bufs + (size_t)slot * r->frame_max, (size_t)res, arg);
				n++;
			} else if (res < 0 && res != -EAGAIN && res != -EINTR && res != -ECANCELED) {
				failed = res;	/* a dead device: re-arm nothing */
			}
		}
		if (got >= before && r->target < DEVREADER_DEPTH)
			r->target *= 2;
		else if (got * 4 < r->target && r->target > DEVREADER_MIN_DEPTH)
			r->target /= 2;
		if (!failed)
			arm_to_target(r);
		if (!got)
			break;	/* the queue is empty: every read waits, armed */
	}
	if (failed)
		return n ? n : failed;
	if (r->narmed == r->unsubmitted && r->unsubmitted) {	/* none in flight: the next frame needs one */
		io_uring_submit(&r->ring);
		r->unsubmitted = 0;
	}
	if (n >= max)
		eventfd_write(r->evfd, 1);	/* stopped early: frames or deferred work may wait */
	return n;
}

int devreader_drain(struct devreader *r, int max, devreader_fn fn, void *arg)
{
	return r->uring ? drain_uring(r, max, fn, arg) : drain_read(r, max, fn, arg);
}
