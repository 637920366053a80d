/* ui_fileview.c — the offline browser's capture file: indexing, the filter, find, go-to and save
 * as bounded units of work on the event loop's idle turns (an eventfd kept readable while work
 * remains), so a key is never kept waiting longer than one turn. */
#include "ui_fileview.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include "loop.h"
#include "pcapout.h"
#include "ui_find.h"
#include "ui_panes.h"

#define UNIT 4096			/* frames a unit of work reads at most */
#define FIRST_SCREEN 2000		/* frames indexed before the first screen */
#define TURN_NS 12000000ull		/* work done per idle turn (keys are read between turns) */

struct fileview {
	struct capindex *ix;
	struct ui *ui;
	struct loop *loop;
	int wake;			/* eventfd: readable while work remains */
	int stream_wait;		/* indexing waits for a pipe to bring more (watched on the loop) */
	int index_failed;
	char damage[512];		/* why the index stopped early (a damaged file) */

	struct capmatch *filter;	/* NULL: every frame is a row */
	int filter_done;
	char filter_text[256];

	struct capfind *find;		/* a find running (the caller's query), or NULL */
	char find_text[256];
	uint64_t find_from;		/* the frame it started from */
	uint64_t find_at;		/* the last frame tested (find_from at first) */
	int find_back;
	int find_wrapped;		/* past the last frame (the first, backward): on from the other end */

	uint64_t goto_num;		/* a go-to waiting for its frame to be indexed (0: none) */
	uint64_t goto_from;		/* the frame selected when it was asked for */

	struct pcapout *save;		/* a save running, or NULL */
	char save_path[1024];
	uint64_t save_at;		/* the last frame written */
};

static void wake(struct fileview *fv)
{
	uint64_t one = 1;

	if (fv->wake >= 0 && write(fv->wake, &one, sizeof(one)) < 0)
		return;	/* the counter is already set: it stays readable */
}

static void say(struct fileview *fv, int error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(struct fileview *fv, int error, const char *fmt, ...)
{
	char text[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (fv->ui)
		ui_message(fv->ui, error, "%s", text);
}

struct fileview *fileview_open(const char *path, char *err, size_t errlen)
{
	struct fileview *fv = calloc(1, sizeof(*fv));
	int rc;

	if (!fv) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	fv->wake = -1;
	fv->ix = capindex_open(path, err, errlen);
	if (!fv->ix) {
		free(fv);
		return NULL;
	}
	rc = capindex_step(fv->ix, FIRST_SCREEN, err, errlen);
	if (rc < 0 && capindex_count(fv->ix) == 0) {
		capindex_close(fv->ix);
		free(fv);
		return NULL;
	}
	fv->index_failed = rc < 0;
	if (rc < 0)
		snprintf(fv->damage, sizeof(fv->damage), "%s", err);
	return fv;
}

void fileview_free(struct fileview *fv)
{
	if (!fv)
		return;
	fileview_detach(fv);
	if (fv->save)
		pcapout_end(fv->save, NULL);
	capmatch_free(fv->filter);
	capindex_close(fv->ix);
	free(fv);
}

struct capindex *fileview_index(const struct fileview *fv)
{
	return fv->ix;
}

/* ---- rows ---- */

uint64_t fileview_rows(const struct fileview *fv)
{
	return fv->filter ? capmatch_count(fv->filter) : capindex_count(fv->ix);
}

uint64_t fileview_row_num(const struct fileview *fv, uint64_t i)
{
	if (i >= fileview_rows(fv))
		return 0;
	return fv->filter ? capmatch_kth(fv->filter, i + 1) : i + 1;
}

uint64_t fileview_row_of(const struct fileview *fv, uint64_t num)
{
	if (num <= 1)
		return 0;
	if (fv->filter)
		return capmatch_rank(fv->filter, num - 1);	/* rows before num */
	return num - 1 < capindex_count(fv->ix) ? num - 1 : capindex_count(fv->ix);
}

/* Every frame has been tested by the filter (or there is none) and the file is indexed. */
static int rows_final(const struct fileview *fv)
{
	return capindex_done(fv->ix) && (!fv->filter || fv->filter_done);
}

/* The frames the rows are known for: indexed, and tested by the filter. */
static uint64_t rows_known(const struct fileview *fv)
{
	return fv->filter ? capmatch_scanned(fv->filter) : capindex_count(fv->ix);
}

/* ---- the filter ---- */

int fileview_set_filter(struct fileview *fv, const char *expr, char *err, size_t errlen)
{
	struct capmatch *m = NULL;

	if (fv->save) {
		snprintf(err, errlen, "a save to %s is running: wait for it to finish", fv->save_path);
		return -EBUSY;
	}
	while (*expr == ' ')
		expr++;
	if (*expr && !(m = capmatch_new_bpf(fv->ix, expr, err, errlen)))
		return -EINVAL;
	capmatch_free(fv->filter);
	fv->filter = m;
	fv->filter_done = 0;
	snprintf(fv->filter_text, sizeof(fv->filter_text), "%s", expr);
	wake(fv);	/* a running find goes on among the new rows from where it stands */
	return 0;
}

const char *fileview_filter_text(const struct fileview *fv)
{
	return fv->filter_text;
}

/* ---- find and go to ---- */

void fileview_find(struct fileview *fv, struct capfind *q, const char *text, uint64_t from, int backward)
{
	fv->find = q;
	snprintf(fv->find_text, sizeof(fv->find_text), "%s", text);
	fv->find_from = fv->find_at = from;
	fv->find_back = backward;
	fv->find_wrapped = 0;
	wake(fv);
}

void fileview_find_stop(struct fileview *fv)
{
	fv->find = NULL;
}

int fileview_find_cancel(struct fileview *fv)
{
	int stopped = 0;

	if (fv->goto_num) {	/* waiting for its frame to come (a pipe) or be indexed */
		say(fv, 0, "go to frame %llu stopped", (unsigned long long)fv->goto_num);
		fv->goto_num = 0;
		stopped = 1;
	}
	if (fv->find) {
		say(fv, 0, "find stopped at frame %llu (from %llu): nothing matched %s so far",
		    (unsigned long long)fv->find_at, (unsigned long long)fv->find_from, fv->find_text);
		fv->find = NULL;
		stopped = 1;
	}
	return stopped;
}

void fileview_goto(struct fileview *fv, uint64_t num)
{
	fileview_find_cancel(fv);	/* going somewhere else: a find ending later must not jump away */
	fv->goto_num = num;
	fv->goto_from = list_selected();
	wake(fv);
}

/* The go-to's frame is indexed (and tested by the filter): select it, or the nearest row. */
static int goto_step(struct fileview *fv)
{
	uint64_t want = fv->goto_num, got;

	if (want > capindex_count(fv->ix)) {
		if (!capindex_done(fv->ix))
			return 0;	/* index on */
		fv->goto_num = 0;
		say(fv, 1, "no frame %llu: the file has %llu frame%s", (unsigned long long)want,
		    (unsigned long long)capindex_count(fv->ix), capindex_count(fv->ix) == 1 ? "" : "s");
		return 1;
	}
	if (fv->filter && capmatch_scanned(fv->filter) < want && !fv->filter_done)
		return 0;	/* the filter has not reached it yet */
	fv->goto_num = 0;
	if (list_selected() != fv->goto_from) {	/* moved while it waited: the selection stays */
		say(fv, 0, "frame %llu is there now; you moved meanwhile, so the selection stays (Ctrl-G %llu)",
		    (unsigned long long)want, (unsigned long long)want);
		return 1;
	}
	got = list_goto(fv->ui, want);
	if (got == want)
		say(fv, 0, "frame %llu", (unsigned long long)want);
	else if (got)
		say(fv, 0, "frame %llu is not shown (filter: %s): frame %llu selected", (unsigned long long)want,
		    fv->filter_text, (unsigned long long)got);
	else
		say(fv, 1, "frame %llu is not shown (filter: %s), nor is any other", (unsigned long long)want,
		    fv->filter_text);
	return 1;
}

static void find_over(struct fileview *fv, int rc, const char *err)
{
	if (rc == 1 && list_selected() != fv->find_from) {	/* moved meanwhile: the selection stays */
		say(fv, 0, "frame %llu matches %s; you moved meanwhile, so the selection stays (Ctrl-G %llu)",
		    (unsigned long long)fv->find_at, fv->find_text, (unsigned long long)fv->find_at);
	} else if (rc == 1) {
		list_goto(fv->ui, fv->find_at);
		if (fv->ui)
			find_say_found(fv->ui, fv->find_at, fv->find_text, fv->find_back, fv->find_wrapped);
	} else if (rc == -ENOENT) {
		if (fv->ui)
			find_say_none(fv->ui, fv->find_from, fv->find_text, fv->find, fv->filter_text);
	} else {
		say(fv, 1, "find stopped: %s", err);
	}
	fv->find = NULL;
}

/* The find reached the last frame (the first, backward): on from the other end, once. Forward,
 * the end is known when every frame is indexed and tested (0: not yet); backward it goes on
 * from the last frame known so far (a pipe may not end for a long time). */
static int find_past_end(struct fileview *fv)
{
	if (!fv->find_back && !rows_final(fv))
		return 0;	/* the frames after it are not indexed or tested yet */
	if (fv->find_wrapped || !fv->find_from) {
		find_over(fv, -ENOENT, "");
		return 1;
	}
	fv->find_wrapped = 1;
	fv->find_at = fv->find_back ? capindex_count(fv->ix) + 1 : 0;
	return 1;
}

static int find_step(struct fileview *fv)
{
	char err[512] = "";
	uint64_t at;
	int rc;

	if (fv->find_wrapped && (fv->find_back ? fv->find_at <= fv->find_from : fv->find_at >= fv->find_from)) {
		find_over(fv, -ENOENT, err);	/* round to where it started (that frame tested too): none */
		return 1;
	}
	if (!fv->find_back && fv->find_at >= rows_known(fv))
		return find_past_end(fv);
	rc = capfind_search_in(fv->ix, fv->find, fv->filter, fv->find_at, fv->find_back, UNIT, &at, err,
			       sizeof(err));
	fv->find_at = at;
	if (rc == 0)
		return 1;	/* go on at the next unit */
	if (rc == -ENOENT)
		return find_past_end(fv);
	find_over(fv, rc, err);
	return 1;
}

/* ---- save ---- */

int fileview_save(struct fileview *fv, const char *path, char *err, size_t errlen)
{
	if (fv->save) {
		snprintf(err, errlen, "a save to %s is running already", fv->save_path);
		return -EBUSY;
	}
	fv->save = pcapout_open_as(path, capindex_dlt(fv->ix), NULL, 0, err, errlen);
	if (!fv->save)
		return -EIO;
	snprintf(fv->save_path, sizeof(fv->save_path), "%s", path);
	fv->save_at = 0;
	wake(fv);
	return 0;
}

const char *fileview_saving(const struct fileview *fv, unsigned long *written)
{
	if (written)
		*written = fv->save ? pcapout_count(fv->save) : 0;
	return fv->save ? fv->save_path : NULL;
}

static void save_over(struct fileview *fv, const char *failed)
{
	struct pcapout_stats st;
	char text[600];
	int rc = pcapout_end(fv->save, &st);

	fv->save = NULL;
	if (failed)		/* the capture could not be read further: the file holds what came before */
		say(fv, 1, "saving stopped: %s; %s holds %lu frame%s", failed, fv->save_path, st.held,
		    st.held == 1 ? "" : "s");
	else if (rc < 0)	/* what the file really holds, and why the rest is not there */
		say(fv, 1, "%s", pcapout_describe(&st, text, sizeof(text)));
	else
		say(fv, 0, "saved %lu frame%s%s to %s (tcpdump -r %s)", st.held, st.held == 1 ? "" : "s",
		    capindex_stream_fd(fv->ix) >= 0 ? " so far (the pipe is still open)" : "", fv->save_path,
		    ui_shell_word(fv->save_path, text, sizeof(text)));
}

void fileview_save_stop(struct fileview *fv)
{
	struct pcapout_stats st;
	char text[600];
	int rc;

	if (!fv->save)
		return;
	rc = pcapout_end(fv->save, &st);
	fv->save = NULL;
	if (rc < 0)
		say(fv, 1, "%s", pcapout_describe(&st, text, sizeof(text)));
	else
		say(fv, 0, "saving stopped: %s holds the first %lu frame%s in view (tcpdump -r %s)", fv->save_path,
		    st.held, st.held == 1 ? "" : "s", ui_shell_word(fv->save_path, text, sizeof(text)));
}

/* Every row is known: the file is indexed and the filter has tested it, or a pipe still open
 * has brought nothing more and all it brought is indexed and tested (a save takes those). */
static int rows_settled(const struct fileview *fv)
{
	return rows_final(fv) || (fv->stream_wait && rows_known(fv) >= capindex_count(fv->ix));
}

/* Writes the next rows; runs once every row is known. */
static int save_step(struct fileview *fv)
{
	char err[512];
	unsigned k;

	if (!rows_settled(fv))
		return 0;
	for (k = 0; k < UNIT; k++) {
		uint64_t n = fv->filter ? capmatch_next(fv->filter, fv->save_at)
					: (fv->save_at < capindex_count(fv->ix) ? fv->save_at + 1 : 0);
		struct frame f;

		if (!n) {
			save_over(fv, NULL);
			return 1;
		}
		if (capindex_read(fv->ix, n, &f, err, sizeof(err)) < 0) {
			save_over(fv, err);
			return 1;
		}
		pcapout_write_lines(fv->save, &f, capindex_comments(fv->ix));	/* with the file's comments */
		fv->save_at = n;
	}
	return 1;
}

/* ---- the work, a unit at a time: what the user waits for first ---- */

static void say_damage(struct fileview *fv)
{
	uint64_t n = capindex_count(fv->ix);

	say(fv, 1, "%llu frame%s shown: the file is damaged after %s: %s", (unsigned long long)n, n == 1 ? "" : "s",
	    n == 1 ? "it" : "them", fv->damage);
}

/* The pipe brought more (or ended): indexing goes on. Watched once at a time: data left unread
 * would keep a level-triggered watch firing. */
static void on_stream(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct fileview *fv = arg;

	(void)events;
	loop_del_fd(loop, fd);
	fv->stream_wait = 0;
	wake(fv);
}

static int index_step(struct fileview *fv)
{
	int rc = capindex_step(fv->ix, UNIT, fv->damage, sizeof(fv->damage));

	if (rc == 2) {
		int fd = capindex_stream_fd(fv->ix);

		fv->stream_wait = fd >= 0 && fv->loop && loop_add_fd(fv->loop, fd, EPOLLIN, on_stream, fv) == 0;
		return 1;
	}
	if (rc < 0) {
		fv->index_failed = 1;
		say_damage(fv);
	}
	return 1;
}

static int filter_step(struct fileview *fv)
{
	char err[512];
	int rc = capmatch_step(fv->ix, fv->filter, UNIT, err, sizeof(err));

	if (rc < 0) {
		say(fv, 1, "filter stopped: %s", err);
		fv->filter_done = 1;
	} else {
		fv->filter_done = rc == 1;
	}
	return 1;
}

static int work_unit(struct fileview *fv)
{
	if (fv->goto_num && goto_step(fv))
		return 1;
	if (fv->find && find_step(fv))
		return 1;
	if (fv->filter && !fv->filter_done && capmatch_scanned(fv->filter) < capindex_count(fv->ix))
		return filter_step(fv);
	if (!capindex_done(fv->ix) && !fv->stream_wait)
		return index_step(fv);
	if (fv->filter && !fv->filter_done && !fv->stream_wait)
		return filter_step(fv);	/* says it is done once the index is */
	if (fv->save)
		return save_step(fv);
	return 0;
}

static void on_wake(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct fileview *fv = arg;
	uint64_t t0 = loop_now_ns(), count;

	(void)loop;
	(void)events;
	do {
		if (!work_unit(fv)) {
			ssize_t r = read(fd, &count, sizeof(count));	/* nothing left: idle until wake() */

			(void)r;
			break;
		}
	} while (loop_now_ns() - t0 < TURN_NS);
	ui_dirty(fv->ui);
}

int fileview_attach(struct fileview *fv, struct ui *ui, struct loop *loop)
{
	int rc;

	fv->ui = ui;
	fv->loop = loop;
	fv->wake = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	if (fv->wake < 0)
		return -errno;
	rc = loop_add_fd(loop, fv->wake, EPOLLIN, on_wake, fv);
	if (rc < 0) {
		close(fv->wake);
		fv->wake = -1;
		return rc;
	}
	if (fv->index_failed)
		say_damage(fv);	/* found while indexing the first screen */
	wake(fv);
	return 0;
}

void fileview_detach(struct fileview *fv)
{
	if (fv->wake < 0)
		return;
	if (fv->stream_wait)
		loop_del_fd(fv->loop, capindex_stream_fd(fv->ix));
	fv->stream_wait = 0;
	loop_del_fd(fv->loop, fv->wake);
	close(fv->wake);
	fv->wake = -1;
}

/* ---- what the status bar and the file pane say ---- */

unsigned fileview_progress(const struct fileview *fv)
{
	return capindex_progress(fv->ix);
}

unsigned fileview_filter_progress(const struct fileview *fv)
{
	uint64_t n = capindex_count(fv->ix);

	if (!fv->filter || fv->filter_done || !n)
		return 1000;
	return (unsigned)(capmatch_scanned(fv->filter) * 1000 / n * fileview_progress(fv) / 1000);
}

size_t fileview_status(const struct fileview *fv, char *buf, size_t len)
{
	int n = snprintf(buf, len, " %llu frame%s", (unsigned long long)capindex_count(fv->ix),
			 capindex_count(fv->ix) == 1 ? "" : "s");

#define ADD(...) do { if (n >= 0 && (size_t)n < len) n += snprintf(buf + n, len - (size_t)n, __VA_ARGS__); } while (0)
	if (capindex_stream_fd(fv->ix) >= 0)
		ADD(" so far (the pipe is still open)");
	else if (!capindex_done(fv->ix))
		ADD(" (indexing %u%%)", fileview_progress(fv) / 10);
	else if (fv->index_failed)
		ADD(" (the file is damaged after %s)", capindex_count(fv->ix) == 1 ? "it" : "them");
	if (fv->filter) {
		ADD("  filter: %s: %llu shown", fv->filter_text, (unsigned long long)capmatch_count(fv->filter));
		if (!fv->filter_done && capindex_stream_fd(fv->ix) >= 0)
			ADD(" (testing frames as they come)");
		else if (!fv->filter_done)
			ADD(" (testing %u%%)", fileview_filter_progress(fv) / 10);
	}
	if (fv->find)
		ADD("  finding %s %s frame %llu", fv->find_text, fv->find_back ? "back from" : "past",
		    (unsigned long long)fv->find_at);
	if (fv->goto_num)
		ADD("  going to frame %llu", (unsigned long long)fv->goto_num);
	if (fv->save)
		ADD("  saving to %s: %lu frames", fv->save_path, pcapout_count(fv->save));
#undef ADD
	return n > 0 ? (size_t)n : 0;
}
