/* offpar.c — --print and --json on every core: frames read in order fill blocks, worker threads decode and format a block each, the reading thread writes the blocks' text in order. */
#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "decode.h"
#include "fmtbuf.h"
#include "frame.h"
#include "frameprint.h"
#include "offpar.h"

/*
 * A ring of blocks, each a run of frames (their bytes copied) and, once a worker is done with it,
 * their text. Block number s sits in slot s % NBLOCKS; the reading thread fills block `filled`,
 * the workers take blocks in order (`taken`), and the reading thread writes them in order
 * (`written`) between frames, waiting only when the ring is full. The text is the decoders'
 * and printers' own, made exactly as the one-thread loop makes it: the same bytes come out.
 */
#define BLOCK_FRAMES 1024	/* a block of lines; of JSON objects, a quarter (its text is ten times longer) */
#define FRAME_BYTES 160		/* a block's room for frame bytes, per frame (grows for a big frame) */
#define MAX_WORKERS 4
#define NBLOCKS (2 * MAX_WORKERS + 2)

enum block_state { BLOCK_FREE, BLOCK_QUEUED, BLOCK_DONE };

struct block {
	enum block_state state;
	unsigned n;
	struct frame f[BLOCK_FRAMES];
	uint8_t *bytes;
	size_t used, size;
	char *text;
	size_t len, room;
};

struct offpar {
	pthread_mutex_t lock;
	pthread_cond_t work;	/* a block queued, or the end */
	pthread_cond_t done;	/* a block's text made */
	struct block blocks[NBLOCKS];
	uint64_t filled, taken, written;
	int stop;
	int json, number, fd;
	unsigned per_block;	/* frames in a block */
	int nworkers;
	pthread_t worker[MAX_WORKERS];
};

int offpar_workers(void)
{
	const char *env = getenv("TAPSCOPE_WORKERS");	/* 0: one thread (tests compare the two) */
	cpu_set_t set;
	int n = 1;

	if (env && *env)
		n = atoi(env);
	else if (sched_getaffinity(0, sizeof(set), &set) == 0)
		n = CPU_COUNT(&set);
	if (n <= 1)
		return 0;
	return n > MAX_WORKERS ? MAX_WORKERS : n;
}

static struct block *slot(struct offpar *op, uint64_t seq)
{
	return &op->blocks[seq % NBLOCKS];
}

/* The lines of b's frames into its text (a worker, with its own decoded). */
static void format_block(const struct offpar *op, struct block *b, struct decoded *d)
{
	size_t need = op->json ? FRAMEPRINT_JSON_MAX : DECODE_SUMMARY_MAX + 96;
	struct fmtbuf fb;

	for (unsigned i = 0; i < b->n; i++) {
		const struct frame *f = &b->f[i];

		if (op->json)
			decode_frame(d, f);
		else
			decode_frame_summary(d, f);	/* the line needs no tree */
		if (b->room - b->len < need) {
			size_t room = b->room * 2 > b->len + need ? b->room * 2 : b->len + need;
			char *t = realloc(b->text, room);

			if (!t)
				break;	/* no memory: the block's text ends here */
			b->text = t;
			b->room = room;
		}
		fb.p = b->text;
		fb.len = b->len;
		fb.cap = b->room;
		if (op->json) {
			frameprint_json_buf(&fb, f, d, NULL);
		} else {
			if (op->number)
				frameprint_number_buf(&fb, f->number);
			frameprint_line_buf(&fb, f, d);
		}
		b->len = fb.len;
	}
}

static void *worker_main(void *arg)
{
	struct offpar *op = arg;
	struct decoded *d = calloc(1, sizeof(*d));

	pthread_mutex_lock(&op->lock);
	for (;;) {
		struct block *b;

		while (op->taken == op->filled && !op->stop)
			pthread_cond_wait(&op->work, &op->lock);
		if (op->taken == op->filled)
			break;
		b = slot(op, op->taken++);
		pthread_mutex_unlock(&op->lock);
		if (d)
			format_block(op, b, d);
		pthread_mutex_lock(&op->lock);
		b->state = BLOCK_DONE;
		pthread_cond_signal(&op->done);
	}
	pthread_mutex_unlock(&op->lock);
	free(d);
	frameprint_json_release();
	return NULL;
}

/* Straight to the descriptor, all of it (a closed pipe: SIGPIPE, as for tcpdump). */
static void write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return;
		p += k;
		n -= (size_t)k;
	}
}

/* Writes the oldest block not yet written: when wait, after waiting for its text; else only if
 * its text is made. Returns whether one was written. */
static int write_oldest(struct offpar *op, int wait)
{
	struct block *b;

	pthread_mutex_lock(&op->lock);
	if (op->written == op->filled) {
		pthread_mutex_unlock(&op->lock);
		return 0;
	}
	b = slot(op, op->written);
	while (wait && b->state != BLOCK_DONE)
		pthread_cond_wait(&op->done, &op->lock);
	if (b->state != BLOCK_DONE) {
		pthread_mutex_unlock(&op->lock);
		return 0;
	}
	pthread_mutex_unlock(&op->lock);
	write_all(op->fd, b->text, b->len);
	b->len = 0;
	b->n = 0;
	b->used = 0;
	pthread_mutex_lock(&op->lock);
	b->state = BLOCK_FREE;
	op->written++;
	pthread_mutex_unlock(&op->lock);
	return 1;
}

/* The block being filled goes to the workers; what is done is written; the next block's slot
 * is made free (its previous block written, after waiting for it when the ring is full). */
static void hand_over(struct offpar *op)
{
	pthread_mutex_lock(&op->lock);
	slot(op, op->filled)->state = BLOCK_QUEUED;
	op->filled++;
	pthread_cond_signal(&op->work);
	pthread_mutex_unlock(&op->lock);
	while (write_oldest(op, 0))
		;
	while (op->filled - op->written >= NBLOCKS)
		write_oldest(op, 1);
}

void offpar_add(struct offpar *op, const struct frame *f)
{
	struct block *b = slot(op, op->filled);

	if (b->n == op->per_block || (b->n > 0 && f->caplen > b->size - b->used)) {
		hand_over(op);
		b = slot(op, op->filled);
	}
	if (f->caplen > b->size) {	/* an empty block (its frames point into bytes): grown */
		uint8_t *nb = realloc(b->bytes, f->caplen);

		if (!nb)
			return;	/* no memory for this frame: its line is missing */
		b->bytes = nb;
		b->size = f->caplen;
	}
	b->f[b->n] = *f;
	b->f[b->n].data = b->bytes + b->used;
	memcpy(b->bytes + b->used, f->data, f->caplen);
	b->used += f->caplen;
	b->n++;
}

struct offpar *offpar_new(int workers, int json, int number, FILE *out)
{
	struct offpar *op;

	if (workers <= 0)
		return NULL;
	op = calloc(1, sizeof(*op));
	if (!op)
		return NULL;
	pthread_mutex_init(&op->lock, NULL);
	pthread_cond_init(&op->work, NULL);
	pthread_cond_init(&op->done, NULL);
	op->json = json;
	op->number = number;
	op->fd = fileno(out);
	op->per_block = json ? BLOCK_FRAMES / 4 : BLOCK_FRAMES;
	for (int i = 0; i < NBLOCKS; i++) {
		op->blocks[i].bytes = malloc(op->per_block * FRAME_BYTES);
		op->blocks[i].size = op->blocks[i].bytes ? op->per_block * FRAME_BYTES : 0;
	}
	fflush(out);	/* what is in out's buffer comes first */
	for (int i = 0; i < workers && i < MAX_WORKERS; i++) {
		if (pthread_create(&op->worker[i], NULL, worker_main, op) != 0)
			break;
		op->nworkers++;
	}
	if (op->nworkers == 0) {
		offpar_finish(op);
		return NULL;
	}
	return op;
}

void offpar_finish(struct offpar *op)
{
	if (!op)
		return;
	if (op->nworkers && slot(op, op->filled)->n > 0)
		hand_over(op);
	pthread_mutex_lock(&op->lock);
	op->stop = 1;
	pthread_cond_broadcast(&op->work);
	pthread_mutex_unlock(&op->lock);
	while (write_oldest(op, 1))
		;
	for (int i = 0; i < op->nworkers; i++)
		pthread_join(op->worker[i], NULL);
	for (int i = 0; i < NBLOCKS; i++) {
		free(op->blocks[i].bytes);
		free(op->blocks[i].text);
	}
	pthread_cond_destroy(&op->done);
	pthread_cond_destroy(&op->work);
	pthread_mutex_destroy(&op->lock);
	free(op);
}
