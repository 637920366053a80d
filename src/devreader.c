/* devreader.c — reads from a tun/tap fd: plain read() at a conversation's pace, batched io_uring reads under a flood.
 *
 * A bare read() loop pays one system call per frame. Under a flood, DEVREADER_DEPTH reads wait
 * in an io_uring instead; the kernel completes each as a frame arrives (tun reads support
 * nowait, so a waiting read is poll-armed, not a blocked worker), and one io_uring_enter
 * both collects the completions and re-arms the reads. Completions of one task run one
 * after another, so their order is the order the frames were dequeued.
 *
 * At a ping's pace that is a loss: every read in flight is woken by each frame and all but
 * one find nothing, and a wake-up costs an eventfd read and an io_uring_enter where read()
 * costs one call. So the reader starts with read() and moves to io_uring after
 * GO_URING_AFTER wake-ups in a row that each filled a whole batch, and back after
 * GO_READ_AFTER wake-ups in a row that found only a few frames; in io_uring the depth
 * doubles while every read completes at once and halves while few do. */
#include "devreader.h"

#include <errno.h>
#include <fcntl.h>
#include <liburing.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#define GO_URING_AFTER 2	/* full read() batches in a row: a flood */
#define GO_READ_AFTER 64	/* thin io_uring wake-ups in a row: the flood is over */
#define THIN 4			/* frames a wake-up finds at a conversation's pace */
#define CANCEL_TAG DEVREADER_DEPTH

struct devreader {
	int fd;
	size_t frame_max;
	enum devreader_mode mode;
	int have_ring;		/* io_uring is set up (allowed, and the kernel agreed) */
	int uring;		/* reading through it now */
	struct io_uring ring;
	int evfd;		/* signalled when completions wait to be run (watched in io_uring mode) */
	uint8_t *bufs;		/* DEVREADER_DEPTH buffers of frame_max bytes; read() uses the first */
	uint8_t armed[DEVREADER_DEPTH];	/* a read into this slot is in flight or queued */
	int narmed, target;	/* reads armed, and how many there should be */
	int unsubmitted;	/* armed but not yet submitted */
	int full_batches, thin_wakeups;
};

static int set_blocking(int fd, int blocking)
{
	int fl = fcntl(fd, F_GETFL);

	if (fl < 0)
		return -errno;
	fl = blocking ? fl & ~O_NONBLOCK : fl | O_NONBLOCK;
	return fcntl(fd, F_SETFL, fl) < 0 ? -errno : 0;
}

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

/* ---- switching between read() and io_uring ---- */

/* io_uring honours O_NONBLOCK by failing with -EAGAIN; without it a read waits, poll-armed. */
static int to_uring(struct devreader *r)
{
	int rc = set_blocking(r->fd, 1);

	if (rc < 0)
		return rc;
	r->target = DEVREADER_DEPTH;	/* it comes at a flood: start deep */
	arm_to_target(r);
	rc = io_uring_submit(&r->ring);
	r->unsubmitted = 0;
	if (rc < 0) {
		set_blocking(r->fd, 0);
		return rc;
	}
	r->uring = 1;
	r->thin_wakeups = 0;
	eventfd_write(r->evfd, 1);	/* reads the submission completed at once wait to be collected */
	return 0;
}

/* A read in flight holds the device's file: until every one has completed, closing the fd
 * would not release the queue (no NO-CARRIER on detach, the device outliving the run), and
 * read() would race them. io_uring_queue_exit cancels them too, but in a kernel worker,
 * later. So cancel them here and reap every completion, handing on a frame one of them
 * had already read (fn may be NULL when nobody wants it). Returns the frames handed on. */
static int cancel_all(struct devreader *r, devreader_fn fn, void *arg)
{
	struct __kernel_timespec ts = { .tv_sec = 1 };
	struct io_uring_sqe *sqe = io_uring_get_sqe(&r->ring);
	struct io_uring_cqe *cqe;
	int pending = r->narmed + 1, n = 0;

	if (!sqe)
		return 0;
	io_uring_prep_cancel_fd(sqe, r->fd, IORING_ASYNC_CANCEL_ALL);
	io_uring_sqe_set_data64(sqe, CANCEL_TAG);
	io_uring_submit(&r->ring);
	while (pending > 0 && io_uring_wait_cqe_timeout(&r->ring, &cqe, &ts) == 0) {
		unsigned slot = (unsigned)io_uring_cqe_get_data64(cqe);

		if (slot < DEVREADER_DEPTH && cqe->res > 0 && fn) {
			fn(r->bufs + (size_t)slot * r->frame_max, (size_t)cqe->res, arg);
			n++;
		}
		io_uring_cqe_seen(&r->ring, cqe);
		pending--;
	}
	memset(r->armed, 0, sizeof(r->armed));
	r->narmed = r->unsubmitted = 0;
	return n;
}

static int to_read(struct devreader *r, devreader_fn fn, void *arg)
{
	int n = cancel_all(r, fn, arg);

	eventfd_read(r->evfd, &(eventfd_t){ 0 });
	set_blocking(r->fd, 0);
	r->uring = 0;
	r->full_batches = 0;
	return n;
}

static int setup_ring(struct devreader *r)
{
	int rc = io_uring_queue_init(DEVREADER_DEPTH * 2, &r->ring,
				     IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN);

	if (rc < 0)
		return rc;
	r->evfd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (r->evfd < 0 || (rc = io_uring_register_eventfd(&r->ring, r->evfd)) < 0) {
		rc = r->evfd < 0 ? -errno : rc;
		if (r->evfd >= 0)
			close(r->evfd);
		io_uring_queue_exit(&r->ring);
		return rc;
	}
	r->have_ring = 1;
	return 0;
}

struct devreader *devreader_new(int fd, size_t frame_max, enum devreader_mode mode, char *err, size_t errlen)
{
	struct devreader *r = calloc(1, sizeof(*r));

	if (!r) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	r->fd = fd;
	r->frame_max = frame_max;
	r->mode = mode;
	r->evfd = -1;
	r->bufs = malloc(mode == DEVREADER_READ ? frame_max : (size_t)DEVREADER_DEPTH * frame_max);
	if (!r->bufs || set_blocking(fd, 0) < 0) {
		snprintf(err, errlen, "cannot set up reading the device: %s", strerror(r->bufs ? errno : ENOMEM));
		free(r->bufs);
		free(r);
		return NULL;
	}
	if (mode != DEVREADER_READ && setup_ring(r) == 0 && mode == DEVREADER_URING && to_uring(r) < 0)
		r->mode = DEVREADER_AUTO;
	return r;
}

void devreader_free(struct devreader *r)
{
	if (!r)
		return;
	if (r->uring)
		to_read(r, NULL, NULL);
	if (r->have_ring) {
		io_uring_queue_exit(&r->ring);
		close(r->evfd);
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

/* ---- draining ---- */

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
 * deferred to this task (IORING_SETUP_DEFER_TASKRUN); a wake-up repeats it while calls find
 * every armed read done (the queue may hold more) and max frames have not come. The kernel
 * signals the eventfd only when deferred work goes from none to some, and one call runs a
 * bounded amount of it: a wake-up that stops at max signals the eventfd itself to come back
 * for the rest. (Watched edge-triggered, the eventfd lost wake-ups under a flood;
 * level-triggered it does not, so it is read once a wake-up.) */
static int drain_uring(struct devreader *r, int max, devreader_fn fn, void *arg)
{
	struct io_uring_cqe *cqe;
	int n = 0, failed = 0, got, before;

	eventfd_read(r->evfd, &(eventfd_t){ 0 });
	do {
		io_uring_submit_and_get_events(&r->ring);
		r->unsubmitted = 0;
		before = r->narmed;
		got = 0;
		while (n < max && !failed && io_uring_peek_cqe(&r->ring, &cqe) == 0) {
			unsigned slot = (unsigned)io_uring_cqe_get_data64(cqe);
			int res = cqe->res;

			io_uring_cqe_seen(&r->ring, cqe);
			if (slot >= DEVREADER_DEPTH)
				continue;
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
	} while (got >= before && got && n < max && !failed);
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
	int n;

	if (!r->uring) {
		n = drain_read(r, max, fn, arg);
		if (n < max)
			r->full_batches = 0;
		else if (r->have_ring && ++r->full_batches >= GO_URING_AFTER)
			to_uring(r);
		return n;
	}
	n = drain_uring(r, max, fn, arg);
	if (n < 0 || n > THIN || r->mode == DEVREADER_URING)
		r->thin_wakeups = 0;
	else if (++r->thin_wakeups >= GO_READ_AFTER)
		n += to_read(r, fn, arg);
	return n;
}
