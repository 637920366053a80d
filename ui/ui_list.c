/* ui_list.c — the frame list pane: one device's frames that pass the '/' filter, one row each
 * (decoded only when on screen), its netlink events between them ('t'), following new frames or
 * standing still; ←/→ scroll it. A second one beside it is the split view ('|'). In the offline
 * browser its rows are the file's (ui_fileview.h), read back from the file when shown. */
#include "ui_panes.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "bpf.h"
#include "capindex.h"
#include "pcapout.h"
#include "ui_classroom.h"
#include "ui_detail.h"
#include "ui_fileview.h"
#include "ui_row.h"
#include "ui_store.h"
#include "ui_timeline.h"

#define HSCROLL_STEP 8
#define ROWS_MAX 256

struct list_state;

/* What a list hears from one device's store (it listens to all, shows one). */
struct list_hook {
	struct list_state *st;
	int dev;
};

struct list_state {
	struct ui *ui;
	int dev;			/* the device it shows (ui->devs[dev]) */
	struct list_hook hooks[OPTIONS_MAX_DEVICES];
	size_t row_frame[ROWS_MAX];	/* view index on each row at the last draw (SIZE_MAX: an event) */
	int nrows;
	struct fileview *file;		/* the offline browser: the file's rows, not nums */
	uint64_t *nums;			/* the view: numbers of kept frames that pass the filter */
	size_t start, len, cap;		/* nums[start .. start+len) */
	struct bpf_filter *filter;	/* NULL: every frame */
	char filter_text[256];
	uint64_t sel;			/* the selected frame's number (0: none) */
	size_t top;			/* view index of the first row shown */
	size_t skip;			/* events before frame top not shown (more of them than rows) */
	int follow;			/* keep the newest frame selected */
	int paused;			/* space: the view stands still, capture goes on */
	int hscroll;			/* columns the scrolling part is shifted left */
	int widest;			/* the widest scrolling part drawn last time */
	int protow;			/* the widest Protocol name drawn yet ("PPP LCP"): the column grows to it */
	int center;			/* a jump (go-to, find): show the selected row mid-pane */
};

static int split_on;		/* '|': the second list shows beside the first */

static struct ui_store *st_store(const struct list_state *st)
{
	return st->file ? st->ui->store : st->ui->devs[st->dev].store;
}

static struct session *st_session(const struct list_state *st)
{
	return st->ui->devs[st->dev].s;
}

/* The list the global actions (filter, save, pause, follow) act on: the focused one, else the
 * first (a split view has two). */
static struct list_state *first_list(void)
{
	struct pane *p = mgr_focused();

	if (!p || p->cls != &list_pane)
		p = mgr_pane("list");
	return p ? p->state : NULL;
}

/* ---- the view ---- */

static size_t view_len(const struct list_state *st)
{
	return st->file ? (size_t)fileview_rows(st->file) : st->len;
}

static uint64_t view_num(const struct list_state *st, size_t i)
{
	if (st->file)
		return fileview_row_num(st->file, i);
	return i < st->len ? st->nums[st->start + i] : 0;
}

/* The view index of frame num, or of the first frame after it (numbers only grow). */
static size_t view_index(const struct list_state *st, uint64_t num)
{
	size_t lo = 0, hi = st->len;

	if (st->file)
		return (size_t)fileview_row_of(st->file, num);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (view_num(st, mid) < num)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void view_push(struct list_state *st, uint64_t num)
{
	if (st->start + st->len == st->cap) {
		if (st->start > st->cap / 2) {	/* reuse the front that trimming freed */
			memmove(st->nums, st->nums + st->start, st->len * sizeof(*st->nums));
			st->start = 0;
		} else {
			size_t cap = st->cap ? st->cap * 2 : 1024;
			uint64_t *n = realloc(st->nums, cap * sizeof(*n));

			if (!n)
				return;
			st->nums = n;
			st->cap = cap;
		}
	}
	st->nums[st->start + st->len++] = num;
}

/* Frames the store no longer holds leave the view. */
static void view_trim(struct list_state *st)
{
	uint64_t oldest = store_oldest(st_store(st));
	size_t gone = 0;

	while (gone < st->len && (!oldest || st->nums[st->start + gone] < oldest))
		gone++;
	st->start += gone;
	st->len -= gone;
	st->top = st->top > gone ? st->top - gone : 0;
	if (st->sel && (!st->len || st->sel < view_num(st, 0)))
		st->sel = view_num(st, 0);
}

static int passes(const struct list_state *st, const struct frame *f)
{
	return !st->filter || bpf_filter_match(st->filter, f);
}

static void view_rebuild(struct list_state *st)
{
	size_t n = store_count(st_store(st));

	st->start = st->len = 0;
	st->top = 0;
	for (size_t i = 0; i < n; i++) {
		const struct frame *f = store_at(st_store(st), i);

		if (passes(st, f))
			view_push(st, f->number);
	}
	if (st->follow || !st->sel)
		st->sel = st->len ? view_num(st, st->len - 1) : 0;
	else
		st->sel = view_num(st, view_index(st, st->sel)) ? view_num(st, view_index(st, st->sel)) :
			  view_num(st, st->len ? st->len - 1 : 0);
	ui_dirty(st->ui);
}

static void on_store(void *arg, enum store_event ev, const struct frame *f)
{
	struct list_hook *h = arg;
	struct list_state *st = h->st;

	if (h->dev != st->dev)
		return;		/* another device's frame */

	if (ev == STORE_CLEARED) {
		st->follow = 1;
		st->sel = 0;
		detail_clear(st->ui);
		view_rebuild(st);
		return;
	}
	view_trim(st);
	if (st->paused || !passes(st, f))
		return;
	view_push(st, f->number);
	if (st->follow)
		st->sel = f->number;
	ui_dirty(st->ui);
}

/* The detail shows the selected frame unless the user kept it on another. */
static void sync_detail(struct list_state *st)
{
	const struct frame_note *note;
	const struct frame *f;

	if (st->ui->detail->pinned && st->ui->detail->num && st->ui->detail->src == st_store(st))
		return;
	if (st->ui->detail->src != st_store(st)) {	/* frame numbers are the device's own */
		detail_clear(st->ui);
		st->ui->detail->src = st_store(st);
	}
	if (st->sel && st->sel == st->ui->detail->num)
		return;	/* the detail keeps a copy: the same frame needs no reading again (from a file) */
	f = store_get(st_store(st), st->sel, &note);
	detail_show(st->ui, f, f ? note : NULL);
}

/* ---- drawing ---- */

static int digits(uint64_t n)
{
	int d = 1;

	while (n >= 10) {
		n /= 10;
		d++;
	}
	return d;
}

/* The time column, 10 wide: six decimals up to 999 s, then as many as fit (the detail pane
 * keeps the microseconds), so the columns after it stay in place in a long capture. */
static void time_text(char *out, size_t n, double t)
{
	int decimals = 6;

	for (double top = 1000; decimals > 0 && (t >= top || t <= -top / 10); top *= 10)
		decimals--;
	snprintf(out, n, "%10.*f", decimals, t);
}

/* Pads s to width columns, or cuts it with an ellipsis. */
static void fit(char *out, size_t n, const char *s, int width)
{
	int cols = ui_text_cols(s);

	if (cols <= width) {
		snprintf(out, n, "%s%*s", s, width - cols, "");
		return;
	}
	snprintf(out, n, "%.*s%s", width - 1, s, ui_ellipsis());	/* addresses are ASCII */
}

struct layout {
	int numw, protow, addrw, fixedw;
	int compact;		/* a narrow list (the split view): the protocol and tcpdump's line, no columns */
};

#define COMPACT_BELOW 78	/* columns under which a list drops its address columns */
#define PROTO_W 6		/* the Protocol column: "ICMPv6"; wider once a row needs it ("PPP LCP") */
#define PROTO_W_MAX 10		/* "PPP IPV6CP" */

static void row_layout(const struct list_state *st, int width, struct layout *lo)
{
	int avail;

	lo->numw = digits(view_num(st, view_len(st) ? view_len(st) - 1 : 0)) + 1;	/* a margin on the left */
	if (lo->numw < 6)
		lo->numw = 6;
	lo->compact = width < COMPACT_BELOW;
	lo->fixedw = lo->numw + 1 + 10 + 1 + 1 + 1;		/* "No. Time!< " (! marks a bad frame) */
	if (lo->compact)
		lo->fixedw = lo->numw + 1 + 1 + 1;		/* "No.!< ": no time column */
	lo->protow = st->protow > PROTO_W ? st->protow : PROTO_W;
	avail = width - lo->fixedw;
	lo->addrw = (avail - (lo->protow + 1) - 30) / 2;
	if (lo->addrw < 15)
		lo->addrw = 15;
	if (lo->addrw > 39)
		lo->addrw = 39;
}

static int active(struct pane *p);

/* A Protocol name wider than the column: the column grows to it from the next draw on (and stays,
 * so the rows do not shift as they scroll). */
static void widen_proto(struct pane *p, struct list_state *st, const char *proto)
{
	int n = (int)strlen(proto) < PROTO_W_MAX ? (int)strlen(proto) : PROTO_W_MAX;

	if (n > st->protow && n > PROTO_W) {
		st->protow = n;
		ui_dirty(p->ui);
	}
}

static void draw_row(struct pane *p, WINDOW *w, int y, const struct frame *f, const struct layout *lo)
{
	static struct decoded d;
	struct list_state *st = p->state;
	struct ui_rect r = p->rect;
	struct row_cols c = { 0 };	/* row_columns fills it; cppcheck cannot see that */
	char fixed[80], when[40], src[128], dst[128], line[DECODE_SUMMARY_MAX + 400];
	int selected = f->number == st->sel;
	int kept = f->number == p->ui->detail->num && p->ui->detail->pinned && p->ui->detail->src == st_store(st);

	decode_frame(&d, f);
	row_columns(&d, &c);
	if (lo->compact) {
		snprintf(fixed, sizeof(fixed), "%*llu%c%c ", lo->numw, (unsigned long long)f->number, c.mark,
			 f->dir == FRAME_IN ? '<' : f->dir == FRAME_OUT ? '>' : ' ');
	} else {
		time_text(when, sizeof(when), store_rel_time(st_store(st), f));
		snprintf(fixed, sizeof(fixed), "%*llu %s%c%c ", lo->numw, (unsigned long long)f->number, when, c.mark,
			 f->dir == FRAME_IN ? '<' : f->dir == FRAME_OUT ? '>' : ' ');
	}
	fit(src, sizeof(src), c.src, lo->addrw);
	fit(dst, sizeof(dst), c.dst, lo->addrw);
	if (predict_hides_frame(p->ui, st_store(st), f->number))
		snprintf(line, sizeof(line), "%s", predict_row_text());
	else if (lo->compact)	/* tcpdump's line says the protocol and the addresses */
		snprintf(line, sizeof(line), "%s", decode_summary(&d));
	else
		snprintf(line, sizeof(line), "%-*.*s %s %s %s", lo->protow, lo->protow, c.proto, src, dst, c.info);
	widen_proto(p, st, c.proto);
	if (ui_text_cols(line) > st->widest)
		st->widest = ui_text_cols(line);
	if (selected && active(p))
		wattrset(w, ui_attr(C_SELECTED));
	else if (selected || kept)	/* the other list of a split view keeps its place, dimmed */
		wattrset(w, ui_attr(C_DIM) | A_REVERSE);
	else
		wattrset(w, ui_attr(c.color));
	mvwhline(w, y, r.x, ' ', r.w);
	mvwaddnstr(w, y, r.x, fixed, r.w);
	ui_put(w, y, r.x + lo->fixedw, r.w - lo->fixedw, line, st->hscroll);
	wattrset(w, A_NORMAL);
}

/* ---- rows: frames, and the timeline's events between them ---- */

static struct timeline *st_timeline(const struct list_state *st)
{
	return st->ui->timeline ? st->ui->devs[st->dev].tl : NULL;
}

/* The rows from view index top on, at most max: a view index each, or SIZE_MAX for an event
 * (its index in *ev). An event shows before the first frame in view numbered after it; the
 * first skip of those before frame top are left out. */
static int plan_rows(const struct list_state *st, size_t top, size_t skip, size_t *rows, size_t *ev, int max)
{
	const struct timeline *tl = st_timeline(st);
	uint64_t oldest = store_oldest(st_store(st));
	uint64_t lo = top ? view_num(st, top - 1) : oldest ? oldest - 1 : 0;
	uint64_t first = top < view_len(st) ? view_num(st, top) : UINT64_MAX;
	size_t e = tl ? timeline_from(tl, lo) : 0, ne = timeline_count(tl);
	int n = 0;

	for (; tl && skip > 0 && e < ne && timeline_at(tl, e)->after < first; skip--)
		e++;

	for (size_t i = top; n < max; i++) {
		uint64_t hi = i < view_len(st) ? view_num(st, i) : UINT64_MAX;

		for (; tl && e < ne && timeline_at(tl, e)->after < hi && n < max; e++) {
			rows[n] = SIZE_MAX;
			ev[n++] = e;
		}
		if (i >= view_len(st) || n == max)
			break;
		rows[n] = i;
		ev[n++] = 0;
	}
	return n;
}

/* Whether the selected frame's row (and when following, the events after it) fit from top. */
static int fits(const struct list_state *st, size_t top, size_t sel, int rows)
{
	size_t r[ROWS_MAX + 1], ev[ROWS_MAX + 1];
	int n = plan_rows(st, top, 0, r, ev, rows + 1 < ROWS_MAX ? rows + 1 : ROWS_MAX);

	for (int k = 0; k < n && k < rows; k++)
		if (r[k] == sel)
			return !st->follow || n <= rows;
	return 0;
}

/* top and skip for a pane of rows rows that ends with the selected frame's row (following:
 * with the events after it, as far as they leave it in sight), full when there is enough above
 * it, events included: where the events before a frame outnumber the rows, the first of them
 * are skipped, so the frame itself is always in sight. */
static void end_at(struct list_state *st, size_t sel, int rows)
{
	static size_t r[4 * ROWS_MAX], ev[4 * ROWS_MAX];
	size_t start = sel > (size_t)rows ? sel - (size_t)rows : 0, group, next;
	int n, k, end, first;

	for (;;) {
		n = plan_rows(st, start, 0, r, ev, 4 * ROWS_MAX);
		for (k = 0; k < n && r[k] != sel; k++)
			;
		if (k < n || start == sel)
			break;
		start = sel;	/* more events above than the plan holds: from the frame's own group */
	}
	if (k == n) {	/* the events before it alone outnumber what a plan holds: the last of them */
		st->top = sel;
		st->skip = timeline_count(st_timeline(st));	/* (plan_rows stops at the frame) */
		return;
	}
	end = st->follow ? (n - k > rows ? k + rows : n) : k + 1;
	first = end > rows ? end - rows : 0;
	/* top is the first frame from row first on; the events of its group (those just before it,
	 * which plan_rows shows above it) that come before row first are skipped: when first is a
	 * frame, all of them (they are above the pane: shown, they pushed the newest frame off) */
	for (next = (size_t)first; next < (size_t)n && r[next] == SIZE_MAX; next++)
		;
	for (group = (size_t)first; group > 0 && r[group - 1] == SIZE_MAX; group--)
		;
	st->top = r[next];	/* (next <= k: the selected frame's row is a frame) */
	st->skip = (size_t)first - group;
}

static void keep_visible(struct list_state *st, int rows)
{
	size_t sel = view_index(st, st->sel);

	st->skip = 0;
	if (rows < 1)
		return;
	if (st->center && (sel < st->top || sel >= st->top + (size_t)rows))
		st->top = sel > (size_t)rows / 2 ? sel - (size_t)rows / 2 : 0;
	st->center = 0;
	if (st->top > view_len(st))
		st->top = view_len(st);
	if (sel < st->top)
		st->top = sel;
	if (!st_timeline(st)) {
		if (sel >= st->top + (size_t)rows)
			st->top = sel - (size_t)rows + 1;
		return;
	}
	if (!st->follow && fits(st, st->top, sel, rows))
		return;
	st->top = sel;
	while (st->top > 0 && fits(st, st->top - 1, sel, rows))
		st->top--;
	if (st->follow || !fits(st, st->top, sel, rows))
		end_at(st, sel, rows);
}

static void empty_hint(struct pane *p, WINDOW *w)
{
	struct list_state *st = p->state;
	struct session *s = st_session(st);
	char text[256], peer[64] = "10.18.0.3";
	const char *t = text;
	uint8_t a[16];

	if (!s)
		;	/* a file */
	else if (!addrset_default_peer(&s->addrs, AF_INET, a))
		inet_ntop(AF_INET, a, peer, sizeof(peer));
	else if (!addrset_default_peer(&s->addrs, AF_INET6, a))
		inet_ntop(AF_INET6, a, peer, sizeof(peer));
	if (st->file && fileview_filter_text(st->file)[0])
		snprintf(text, sizeof(text), "no frame matches the filter%s (/ changes it)",
			 fileview_filter_progress(st->file) < 1000 ? " so far" : "");
	else if (st->file)
		snprintf(text, sizeof(text), "%s", fileview_progress(st->file) < 1000 ? "reading the file..." :
			 "the file holds no frames");
	else if (st->paused)	/* frames may come in meanwhile: they show when the view goes on */
		snprintf(text, sizeof(text), "paused: new frames show when the view goes on (space)");
	else if (st->filter)
		snprintf(text, sizeof(text), "no frame matches the filter (/ changes it)");
	else if (s->ns.name[0] || st->ui->ss[0].ns.name[0])
		snprintf(text, sizeof(text), "no frames yet: ping a peer, e.g. ip netns exec %s ping %s",
			 s->ns.name[0] ? s->ns.name : st->ui->ss[0].ns.name, peer);
	else
		snprintf(text, sizeof(text), "no frames yet: ping a peer, e.g. ping %s", peer);
	wattrset(w, ui_attr(C_DIM));
	for (int y = p->rect.y + 2; *t && y < p->rect.y + p->rect.h; y++) {	/* wrapped, never cut */
		int len = ui_wrap_len(t, p->rect.w - 4);
		char line[256];

		snprintf(line, sizeof(line), "%.*s", len, t);
		ui_put(w, y, p->rect.x + 2, p->rect.w - 4, line, 0);
		t += len;
		while (*t == ' ')
			t++;
	}
	wattrset(w, A_NORMAL);
}

/* A timeline row: dimmed, its time in the time column, then what netlink said. */
static void draw_event(struct pane *p, WINDOW *w, int y, const struct tl_event *e, const struct layout *lo)
{
	struct list_state *st = p->state;
	struct frame at = { .ts = e->ev.ts };
	char text[400], line[440], fixed[80], when[40];

	nlevent_format(&e->ev, text, sizeof(text));
	if (lo->compact) {
		snprintf(fixed, sizeof(fixed), "%*s   ", lo->numw, "");
	} else {
		time_text(when, sizeof(when), store_rel_time(st_store(st), &at));
		snprintf(fixed, sizeof(fixed), "%*s %s   ", lo->numw, "", when);
	}
	snprintf(line, sizeof(line), "%s netlink: %s", p->ui->utf8 ? "\xc2\xb7" : "-", text);
	wattrset(w, ui_attr(C_DIM));
	mvwhline(w, y, p->rect.x, ' ', p->rect.w);
	mvwaddnstr(w, y, p->rect.x, fixed, p->rect.w);
	ui_put(w, y, p->rect.x + lo->fixedw, p->rect.w - lo->fixedw, line, st->hscroll);
	wattrset(w, A_NORMAL);
}

/* The list the tree and hex follow: the focused one, else the first. */
static int active(struct pane *p)
{
	struct pane *f = mgr_focused();

	return f == p || ((!f || (f->cls != &list_pane && f->cls != &split_pane)) && p == mgr_pane("list"));
}

static void list_draw(struct pane *p, WINDOW *w)
{
	struct list_state *st = p->state;
	struct ui_rect r = p->rect;
	int rows = r.h - 1;
	struct layout lo;
	size_t ev[ROWS_MAX];
	char fixed[64], head[256], src[64], dst[64], dev[40];
	const char *state = st->paused ? "Info  (paused)" :
			    st->file ? (st->follow && fileview_progress(st->file) < 1000 ? "Info  (following the index)" :
					"Info") :
			    st->follow ? "Info  (following)" : "Info  (G: follow)";

	if (st->follow && view_len(st))
		st->sel = view_num(st, view_len(st) - 1);
	else if (st->file && !st->sel && view_len(st))
		st->sel = view_num(st, 0);	/* a file opens (and a new filter starts) at its first row */
	if (active(p))
		sync_detail(st);
	keep_visible(st, rows);
	row_layout(st, r.w, &lo);
	if (lo.compact)
		snprintf(fixed, sizeof(fixed), "%*s   ", lo.numw, "No.");
	else
		snprintf(fixed, sizeof(fixed), "%*s %10s   ", lo.numw, "No.", "Time");
	fit(src, sizeof(src), "Source", lo.addrw);
	fit(dst, sizeof(dst), "Destination", lo.addrw);
	if (lo.compact)
		snprintf(head, sizeof(head), "%s", st->paused ? "Summary  (paused)" : st->follow ? "Summary  (following)" :
			 "Summary  (G: follow)");
	else
		snprintf(head, sizeof(head), "%-*s %s %s %s", lo.protow, "Proto", src, dst, state);
	pane_title(p, w, "");
	wattrset(w, ui_attr(mgr_focused() == p ? C_FOCUS_TITLE : C_TITLE));
	mvwaddstr(w, r.y, r.x, fixed);
	dev[0] = '\0';
	if (p->ui->ndevs > 1)	/* which device: the number key that shows it, and its name */
		snprintf(dev, sizeof(dev), " %d %s ", st->dev + 1, st_session(st)->dev.name);
	ui_put(w, r.y, r.x + lo.fixedw, r.w - lo.fixedw - ui_text_cols(dev), head, st->hscroll);
	if (dev[0]) {
		wattron(w, A_REVERSE);
		mvwaddstr(w, r.y, r.x + r.w - ui_text_cols(dev), dev);
	}
	wattrset(w, A_NORMAL);
	st->nrows = 0;
	if (!view_len(st) && !timeline_count(st_timeline(st))) {
		empty_hint(p, w);
		return;
	}
	st->widest = 0;
	st->nrows = plan_rows(st, st->top, st->skip, st->row_frame, ev, rows < ROWS_MAX ? rows : ROWS_MAX);
	for (int row = 0; row < st->nrows; row++) {
		const struct frame *f;

		if (st->row_frame[row] == SIZE_MAX) {
			draw_event(p, w, r.y + 1 + row, timeline_at(st_timeline(st), ev[row]), &lo);
			continue;
		}
		f = store_get(st_store(st), view_num(st, st->row_frame[row]), NULL);
		if (f)
			draw_row(p, w, r.y + 1 + row, f, &lo);
	}
}

/* ---- keys and clicks ---- */

static void select_index(struct list_state *st, long i)
{
	if (!view_len(st))
		return;
	if (i < 0)
		i = 0;
	if (i >= (long)view_len(st))
		i = (long)view_len(st) - 1;
	st->sel = view_num(st, (size_t)i);
	st->follow = 0;
	st->ui->detail->pinned = 0;
	sync_detail(st);
}

static enum ui_result list_move(struct pane *p, enum pane_move m)
{
	struct list_state *st = p->state;
	long at = (long)view_index(st, st->sel), page = p->rect.h > 3 ? p->rect.h - 2 : 1;

	switch (m) {
	case MOVE_UP: select_index(st, at - 1); break;
	case MOVE_DOWN: select_index(st, at + 1); break;
	case MOVE_PGUP: select_index(st, at - page); break;
	case MOVE_PGDN: select_index(st, at + page); break;
	case MOVE_HOME: select_index(st, 0); break;
	case MOVE_END: list_follow(p->ui); break;
	case MOVE_COUNT: break;
	}
	keep_visible(st, p->rect.h - 1);
	return UI_REDRAW;
}

static enum ui_result list_click(struct pane *p, int row, int col, int wheel)
{
	struct list_state *st = p->state;

	(void)col;
	if (wheel)
		return list_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN);
	if (row >= 1 && row - 1 < st->nrows && st->row_frame[row - 1] != SIZE_MAX)
		select_index(st, (long)st->row_frame[row - 1]);
	return UI_REDRAW;
}

static enum ui_result act_open(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	if (!ui->detail->num)
		return UI_HANDLED;
	mgr_focus(mgr_pane("tree"));
	ui->detail->pinned = 1;
	return UI_REDRAW;
}

static enum ui_result act_hscroll(struct ui *ui, void *target, const char *arg)
{
	struct list_state *st = ((struct pane *)target)->state;
	int width = ((struct pane *)target)->rect.w;

	(void)ui;
	st->hscroll += strcmp(arg, "left") ? HSCROLL_STEP : -HSCROLL_STEP;
	if (st->hscroll > st->widest - width / 2)
		st->hscroll = st->widest - width / 2;
	if (st->hscroll < 0)
		st->hscroll = 0;
	return UI_REDRAW;
}

static const struct ui_action list_actions[] = {
	{ "open", act_open, NULL },
	{ "hscroll", act_hscroll, NULL },
	{ NULL, NULL, NULL },
};

static void list_free(struct pane *p)
{
	struct list_state *st = p->state;

	if (st->filter)
		bpf_filter_free(st->filter);
	free(st->nums);
	free(st);
}

/* The list that gets the keyboard shows the device the other panes show. */
static void list_focus(struct pane *p, int on)
{
	struct list_state *st = p->state;

	if (on && p->ui->cur != st->dev)
		ui_set_device(p->ui, st->dev);
}

/* The split view's list: half the first one's columns, while '|' has it on. */
static int split_cols(struct pane *p, int width)
{
	(void)p;
	return split_on ? width / 2 : 0;
}

const struct pane_class list_pane = {
	.name = "list", .slot = SLOT_MAIN, .weight = 45, .focusable = 1,
	.draw = list_draw, .nav = list_move, .click = list_click, .focus = list_focus, .actions = list_actions,
	.free = list_free,
};

const struct pane_class split_pane = {
	.name = "list", .slot = SLOT_MAIN, .focusable = 1, .cols = split_cols,
	.draw = list_draw, .nav = list_move, .click = list_click, .focus = list_focus, .actions = list_actions,
	.free = list_free,
};

void *list_state_new(struct ui *ui, int dev)
{
	struct list_state *st = calloc(1, sizeof(*st));

	if (!st)
		return NULL;
	st->ui = ui;
	st->dev = dev;
	st->file = ui->file;
	st->follow = !st->file;	/* a file opens at its first frame */
	split_on = 0;
	for (int i = 0; i < ui->ndevs; i++) {
		st->hooks[i].st = st;
		st->hooks[i].dev = i;
		store_listen(ui->devs[i].store, on_store, &st->hooks[i]);
	}
	return st;
}

int list_device(const struct pane *p)
{
	return ((const struct list_state *)p->state)->dev;
}

/* Shows device dev in list p: its frames from the start, the filter compiled again for its
 * link type (dropped with a message when it does not fit the device). */
void list_show(struct pane *p, int dev)
{
	struct list_state *st = p->state;
	char err[256];

	if (dev < 0 || dev >= p->ui->ndevs || dev == st->dev)
		return;
	st->dev = dev;
	if (st->filter) {
		bpf_filter_free(st->filter);
		st->filter = bpf_filter_new(session_dlt(st_session(st)), st->filter_text, err, sizeof(err));
		if (!st->filter) {
			ui_message(st->ui, 1, "filter '%s' dropped: it does not fit %s (%s)", st->filter_text,
				   st_session(st)->dev.name, err);
			st->filter_text[0] = '\0';
		}
	}
	st->follow = 1;
	st->paused = 0;
	st->hscroll = 0;
	view_rebuild(st);
}

/* '|': the split view on or off; on, the second list shows a device the first does not. */
int list_split(struct ui *ui, int on)
{
	struct pane *first = mgr_pane("list"), *second = first ? first->beside : NULL;

	if (!second)
		return 0;
	split_on = on;
	if (on && ui->ndevs > 1 && list_device(second) == list_device(first))
		list_show(second, (list_device(first) + 1) % ui->ndevs);
	if (!on && mgr_focused() == second)
		mgr_focus(first);
	ui_dirty(ui);
	return split_on;
}

int list_split_on(void)
{
	return split_on;
}

/* ---- what the global actions ask of the list ---- */

const char *list_filter_text(void)
{
	struct list_state *st = first_list();

	if (st && st->file)
		return fileview_filter_text(st->file);
	return st ? st->filter_text : "";
}

int list_set_filter(struct ui *ui, const char *expr, char *err, size_t errlen)
{
	struct list_state *st = first_list();
	struct bpf_filter *f = NULL;

	if (!st)
		return -ENOENT;
	while (*expr == ' ')
		expr++;
	if (st->file) {
		int rc = fileview_set_filter(st->file, expr, err, errlen);

		if (rc == 0) {
			ui->detail->pinned = 0;
			st->top = 0;
			st->sel = 0;
		}
		return rc;
	}
	if (*expr && !(f = bpf_filter_new(session_dlt(st_session(st)), expr, err, errlen)))
		return -EINVAL;
	if (st->filter)
		bpf_filter_free(st->filter);
	st->filter = f;
	snprintf(st->filter_text, sizeof(st->filter_text), "%s", expr);
	view_rebuild(st);
	ui->detail->pinned = 0;
	return 0;
}

/* The timeline's events from index *e on that came before frame number before, as comments
 * (at most max); *e moves past them. */
static int events_before(const struct list_state *st, size_t *e, uint64_t before, char (*out)[320], int max)
{
	const struct timeline *tl = st_timeline(st);
	int n = 0;

	for (; *e < timeline_count(tl) && timeline_at(tl, *e)->after < before; (*e)++) {
		char line[300];

		if (n == max)
			continue;
		timeline_text(timeline_at(tl, *e), line, sizeof(line));
		snprintf(out[n++], sizeof(out[0]), "tapscope netlink event %.290s", line);
	}
	return n;
}

long list_save(struct ui *ui, const char *path, char *err, size_t errlen)
{
	struct list_state *st = first_list();
	char comments[16][320];
	const char *c[16];
	struct pcapout_stats stats;
	struct pcapout *w;
	size_t e = 0;
	long n;
	int rc;

	(void)ui;
	if (!st)
		return -ENOENT;
	if (st->file) {		/* a file's rows are written in the background */
		rc = fileview_save(st->file, path, err, errlen);
		return rc < 0 ? rc : -EINPROGRESS;
	}
	w = pcapout_open_as(path, session_dlt(st_session(st)), st_session(st)->dev.name, 0, err, errlen);
	if (!w)
		return -EIO;
	if (st->len && st_timeline(st))	/* only the events among the frames saved */
		e = timeline_from(st_timeline(st), view_num(st, 0) - 1);
	for (int k = 0; k < 16; k++)
		c[k] = comments[k];
	for (size_t i = 0; i < st->len; i++) {
		const struct frame *f = store_get(st_store(st), view_num(st, i), NULL);
		int nc = st_timeline(st) ? events_before(st, &e, view_num(st, i), comments, 16) : 0;

		if (f)
			pcapout_write_commented(w, f, c, nc);
	}
	rc = pcapout_end(w, &stats);
	if (rc < 0) {		/* what the file really holds, and why the rest is not there */
		pcapout_describe(&stats, err, errlen);
		return rc;
	}
	n = (long)stats.held;
	return n;
}

void list_follow(struct ui *ui)
{
	struct list_state *st = first_list();

	ui->detail->pinned = 0;
	if (!st)
		return;
	st->follow = 1;
	if (st->paused) {
		st->paused = 0;
		view_rebuild(st);
	}
	if (view_len(st))
		st->sel = view_num(st, view_len(st) - 1);
	sync_detail(st);
	ui_dirty(ui);
}

void list_pause(struct ui *ui)
{
	struct list_state *st = first_list();

	if (!st)
		return;
	st->paused = !st->paused;
	if (!st->paused)
		view_rebuild(st);
	ui_dirty(ui);
}

int list_paused(void)
{
	struct list_state *st = first_list();

	return st && st->paused;
}

/* ---- go to and find ---- */

void list_stand(void)
{
	struct list_state *st = first_list();

	if (st)
		st->follow = 0;
}

uint64_t list_selected(void)
{
	struct list_state *st = first_list();

	return st ? st->sel : 0;
}

uint64_t list_goto(struct ui *ui, uint64_t num)
{
	struct list_state *st = first_list();
	size_t i;

	if (!st || !view_len(st))
		return 0;
	i = view_index(st, num);	/* the row of num, or of the first after it */
	if (i >= view_len(st))
		i = view_len(st) - 1;	/* none after it: the last before it */
	else if (i > 0 && view_num(st, i) != num && num - view_num(st, i - 1) < view_num(st, i) - num)
		i--;	/* the one before is nearer (as near: the later one, as before) */
	st->sel = view_num(st, i);
	st->follow = 0;
	st->center = 1;
	ui->detail->pinned = 0;
	sync_detail(st);
	ui_dirty(ui);
	return st->sel;
}

uint64_t list_find(struct ui *ui, struct capfind *q, int backward, int *wrapped)
{
	struct list_state *st = first_list();
	long i, n, step = backward ? -1 : 1;

	(void)ui;
	*wrapped = 0;
	if (!st || !(n = (long)view_len(st)))
		return 0;
	i = (long)view_index(st, st->sel);
	if (!backward && i < n && view_num(st, (size_t)i) == st->sel)
		i++;	/* from the row after the selected one */
	else if (backward)
		i--;
	for (long k = 0; k < n; k++) {	/* every row once, round past either end */
		long at = i + k * step;
		int past = at < 0 || at >= n;
		const struct frame *f = store_get(st_store(st), view_num(st, (size_t)(past ? at - step * n : at)), NULL);

		if (f && capfind_match(q, f)) {
			*wrapped = past;
			return f->number;
		}
	}
	return 0;
}
