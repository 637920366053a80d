/* offpar.c — --print and --json on every core: threads take turns reading a block of frames, decode their blocks side by side, and write them in the file's order. */
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
 * Each thread owns a block: it takes the reading lock, copies the next block's frames into it
 * (the block's number is the count of blocks read before), lets go, decodes and formats them
 * with its own decoder state, then waits for the block before its own to be written and writes
 * its text. A frame is copied, decoded and formatted on one core, where its bytes are still in
 * the cache, and nothing waits on a thread that only reads. The text is the decoders' and
 * printers' own, made exactly as the one-thread loop makes it: the same bytes come out.
 */
#define BLOCK_FRAMES 1024	/* a block of lines; of JSON objects, a quarter (its text is ten times longer) */
#define FRAME_BYTES 160		/* a block's frame bytes, per frame: it is full at that (and grows for big frames) */
#define MAX_THREADS 4

struct block {
	unsigned n;
	struct frame f[BLOCK_FRAMES];
	size_t off[BLOCK_FRAMES];	/* where each frame's bytes are in bytes */
	uint8_t *bytes;
	size_t used, size;
	char *text;
	size_t len, room;
};

struct offpar {
	pthread_mutex_t read_lock;	/* next, and the numbering of blocks */
	pthread_mutex_t write_lock;
	pthread_cond_t turn;		/* a block written: maybe the next one's turn */
	offpar_next_fn next;
	void *ctx;
	uint64_t read, written;		/* blocks read; blocks written */
	int end;			/* next has said 0 */
	int json, number, fd;
	int werr;			/* errno of the first failed write, or 0 */
	unsigned per_block;
};

int offpar_threads(void)
{
	const char *env = getenv("TAPSCOPE_WORKERS");
	cpu_set_t set;
	int n = 1;

	if (env && *env)
		n = atoi(env);
	else if (sched_getaffinity(0, sizeof(set), &set) == 0)
		n = CPU_COUNT(&set);
	if (n < 1)
		return 1;
	return n > MAX_THREADS ? MAX_THREADS : n;
}

/* Room for n more bytes in b (the frames' data pointers are set once the block is read). */
static int make_room(struct block *b, size_t n)
{
	size_t size = b->size;
	uint8_t *nb;

	if (n <= b->size - b->used)
		return 0;
	while (size - b->used < n)
		size = size ? size * 2 : n;
	nb = realloc(b->bytes, size);
	if (!nb)
		return -1;
	b->bytes = nb;
	b->size = size;
	return 0;
}

/* The next block's frames into b (their bytes copied), under the reading lock; returns its
 * number, or UINT64_MAX when the frames are over before it. */
static uint64_t read_block(struct offpar *op, struct block *b)
{
	uint64_t seq = UINT64_MAX;
	struct frame f;

	b->n = 0;
	b->used = 0;
	pthread_mutex_lock(&op->read_lock);
	while (!op->end && b->n < op->per_block && b->used < (size_t)op->per_block * FRAME_BYTES) {
		if (!op->next(op->ctx, &f)) {
			op->end = 1;
			break;
		}
		if (make_room(b, f.caplen) < 0)
			continue;	/* no memory for this frame: its line is missing */
		b->f[b->n] = f;
		b->off[b->n] = b->used;
		memcpy(b->bytes + b->used, f.data, f.caplen);
		b->used += f.caplen;
		b->n++;
	}
	if (b->n > 0)
		seq = op->read++;
	pthread_mutex_unlock(&op->read_lock);
	for (unsigned i = 0; i < b->n; i++)
		b->f[i].data = b->bytes + b->off[i];
	return seq;
}

size_t offpar_line_room(int json)
{
	return json ? FRAMEPRINT_JSON_MAX : DECODE_SUMMARY_MAX + 96;
}

void offpar_line(struct fmtbuf *b, const struct frame *f, struct decoded *d, int json, int number)
{
	if (json) {
		decode_frame(d, f);
		frameprint_json_buf(b, f, d, NULL);
		return;
	}
	decode_frame_summary(d, f);	/* the line needs no tree */
	if (number)
		frameprint_number_buf(b, f->number);
	frameprint_line_buf(b, f, d);
}

/* The lines of b's frames into its text, with the thread's own decoded. */
static void format_block(const struct offpar *op, struct block *b, struct decoded *d)
{
	size_t need = offpar_line_room(op->json);
	struct fmtbuf fb;

	b->len = 0;
	for (unsigned i = 0; i < b->n; i++) {
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
		offpar_line(&fb, &b->f[i], d, op->json, op->number);
		b->len = fb.len;
	}
}

int offpar_write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return k < 0 ? errno : EIO;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Block seq's text out, once every block before it is. */
static void write_in_turn(struct offpar *op, uint64_t seq, const struct block *b)
{
	pthread_mutex_lock(&op->write_lock);
	while (op->written != seq)
		pthread_cond_wait(&op->turn, &op->write_lock);
	if (!op->werr)	/* after a failure, nothing more: the output keeps whole lines up to it */
		op->werr = offpar_write_all(op->fd, b->text, b->len);
	op->written++;
	pthread_cond_broadcast(&op->turn);
	pthread_mutex_unlock(&op->write_lock);
}

static void *thread_main(void *arg)
{
	struct offpar *op = arg;
	struct decoded *d = calloc(1, sizeof(*d));
	struct block *b = calloc(1, sizeof(*b));
	uint64_t seq;

	if (b) {
		b->bytes = malloc(op->per_block * FRAME_BYTES);
		b->size = b->bytes ? op->per_block * FRAME_BYTES : 0;
	}
	if (!d || !b || !b->bytes) {	/* no memory: the other threads go on without this one */
		free(d);
		if (b)
			free(b->bytes);
		free(b);
		return NULL;
	}
	while ((seq = read_block(op, b)) != UINT64_MAX) {
		format_block(op, b, d);
		write_in_turn(op, seq, b);
	}
	free(b->bytes);
	free(b->text);
	free(b);
	free(d);
	frameprint_json_release();
	return NULL;
}

int offpar_run(int threads, int json, int number, FILE *out, offpar_next_fn next, void *ctx)
{
	struct offpar op = { .next = next, .ctx = ctx, .json = json, .number = number, .fd = fileno(out) };
	pthread_t tid[MAX_THREADS];
	int started = 0;

	op.per_block = json ? BLOCK_FRAMES / 4 : BLOCK_FRAMES;
	pthread_mutex_init(&op.read_lock, NULL);
	pthread_mutex_init(&op.write_lock, NULL);
	pthread_cond_init(&op.turn, NULL);
	fflush(out);	/* what is in out's buffer comes first */
	for (int i = 1; i < threads && i < MAX_THREADS; i++)
		if (pthread_create(&tid[started], NULL, thread_main, &op) == 0)
			started++;
	if (started > 0) {
		thread_main(&op);	/* the caller's thread is one of them */
		for (int i = 0; i < started; i++)
			pthread_join(tid[i], NULL);
	}
	pthread_cond_destroy(&op.turn);
	pthread_mutex_destroy(&op.write_lock);
	pthread_mutex_destroy(&op.read_lock);
	return started > 0 ? op.werr : -1;
}
