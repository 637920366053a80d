/* ui.c — the full-screen UI's entry: sets up the terminal, the store, the panes and the hooks
 * on the session and the loop (frames in, keys in, drawing at most 30 times a second), and
 * restores everything on the way out. */
#include "ui_pane.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "nlmodel.h"
#include "ui_classroom.h"
#include "ui_detail.h"
#include "ui_msg.h"
#include "ui_panes.h"
#include "ui_status.h"
#include "ui_store.h"
#include "ui_term.h"
#include "ui_timeline.h"

#define DRAW_INTERVAL_NS 33000000ull	/* at most 30 draws a second */
#define FLOOD_DRAW_INTERVAL_NS 100000000ull	/* 10 a second while frames flood in: nobody reads */
#define FLOOD_FRAMES_PER_S 5000		/* ... a list that scrolls faster than this anyway */

struct ui_loop {
	uint64_t frames, frames_at_draw;	/* counted in on_frame; at the last draw */
	uint64_t last_draw_ns;
	int redraw_timer;
	uint64_t net_gen;		/* the netlink model's generation last drawn */
};

static struct ui_loop lp = { .redraw_timer = -1 };

void ui_dirty(struct ui *ui)
{
	ui->dirty = 1;
}

static void draw(struct ui *ui)
{
	lp.last_draw_ns = loop_now_ns();
	lp.frames_at_draw = lp.frames;
	lp.net_gen = ui->s ? nlmodel_generation(ui->s->model) : 0;
	mgr_draw(ui);
}

static const char *next_lesson;	/* the lesson menu asked for a run of its own */

const char *ui_next_lesson(void)
{
	return next_lesson;
}

void ui_restart_lesson(const char *name)
{
	next_lesson = name;
}

/* ---- hooks on the session ---- */

static void on_frame(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg)
{
	struct ui_dev *dev = arg;

	(void)s;
	store_add(dev->store, f, m);
	lp.frames++;
	ui_dirty(dev->ui);
}

static void on_change(struct session *s, void *arg)
{
	(void)s;
	status_jobs_changed(arg);
	ui_dirty(arg);
}

static void on_msg(struct session *s, const char *text, void *arg)
{
	struct ui *ui = arg;

	if (ui->ndevs > 1)
		ui_message(ui, 1, "%s: %s", s->dev.name, text);
	else
		ui_message(ui, 1, "%s", text);
}

static void on_model_event(const struct nl_event *ev, void *arg)
{
	struct ui_dev *dev = arg;

	timeline_add(dev->tl, ev, dev->store);
	ui_dirty(dev->ui);
}

/* ---- hooks on the loop ---- */

static void on_draw_timer(struct loop *loop, int timer, void *arg)
{
	struct ui *ui = arg;

	(void)loop;
	(void)timer;
	lp.redraw_timer = -1;
	if (ui->dirty)
		draw(ui);
}

static void before_sleep(struct loop *loop, void *arg)
{
	struct ui *ui = arg;
	uint64_t since, interval;
	int flood;

	for (int i = 0; i < ui->ndevs; i++)	/* (none in the offline browser) */
		session_flush(ui->devs[i].s);
	if (ui->s && nlmodel_generation(ui->s->model) != lp.net_gen)
		ui->dirty = 1;
	if (!ui->dirty || lp.redraw_timer >= 0)
		return;
	since = loop_now_ns() - lp.last_draw_ns;
	flood = since && (lp.frames - lp.frames_at_draw) * 1000000000ull / since > FLOOD_FRAMES_PER_S;
	interval = flood ? FLOOD_DRAW_INTERVAL_NS : DRAW_INTERVAL_NS;
	if (since >= interval)
		draw(ui);
	else
		lp.redraw_timer = loop_add_timer(loop, interval - since, 0, on_draw_timer, ui);
}

static void on_second(struct loop *loop, int timer, void *arg)
{
	struct ui *ui = arg;

	(void)loop;
	(void)timer;
	msg_tick(loop_now_ns());
	mgr_tick(ui);
}

static void on_signal(struct loop *loop, int signo, void *arg)
{
	if (signo == SIGWINCH) {
		mgr_resize(arg);
		return;
	}
	loop_stop(loop, 0);
}

static void on_keys(struct loop *loop, int fd, uint32_t events, void *arg)
{
	struct ui *ui = arg;
	int ch;

	(void)fd;
	if (events & (EPOLLHUP | EPOLLERR)) {
		loop_stop(loop, 0);	/* the terminal went away */
		return;
	}
	while ((ch = wgetch(term_screen())) != ERR) {
		enum ui_result r = mgr_key(ui, ch);

		if (r == UI_QUIT || ui->quit) {
			loop_stop(loop, 0);
			return;
		}
		if (r == UI_REDRAW)
			ui->dirty = 1;
	}
	if (ui->dirty)
		draw(ui);	/* a key press is answered at once, not at the next tick */
}

int ui_loop_run(struct ui *ui, struct loop *loop)
{
	static const int sigs[] = { SIGWINCH };
	int rc, tick;

	loop_add_signals(loop, sigs, 1, on_signal, ui);
	loop_add_fd(loop, STDIN_FILENO, EPOLLIN, on_keys, ui);
	tick = loop_add_timer(loop, 1000000000ull, 1000000000ull, on_second, ui);
	loop_add_before_sleep(loop, before_sleep, ui);
	draw(ui);
	rc = loop_run(loop);
	loop_del_fd(loop, STDIN_FILENO);
	loop_del_timer(loop, tick);
	if (lp.redraw_timer >= 0)
		loop_del_timer(loop, lp.redraw_timer);
	lp.redraw_timer = -1;
	loop_del_before_sleep(loop, before_sleep, ui);
	return rc;
}

/* ---- set-up ---- */

/* The live UI's panes (the offline browser's are in ui_browse.c: a file pane in net_pane's
 * slot); the lesson pane (with a lesson) sits on top; the split view's second list is beside
 * the first (hidden until | or a lesson of two devices); the console shows once it has lines. */
static int add_panes(struct ui *ui)
{
	void *list = list_state_new(ui, 0), *split = list_state_new(ui, ui->ndevs > 1 ? 1 : 0);
	struct pane *tree, *first;

	if (!list || !split)
		return -1;
	mgr_init(ui);
	mgr_add_pane(ui, &net_pane, NULL, NULL);
	mgr_add_pane(ui, &lesson_pane, NULL, NULL);
	first = mgr_add_pane(ui, &list_pane, list, NULL);
	mgr_add_pane(ui, &split_pane, split, first);
	mgr_add_pane(ui, &held_pane, NULL, NULL);
	mgr_add_pane(ui, &console_pane, NULL, NULL);
	mgr_add_pane(ui, &info_pane, NULL, NULL);
	tree = mgr_add_pane(ui, &tree_pane, NULL, NULL);
	mgr_add_pane(ui, &hex_pane, NULL, tree);
	mgr_focus(mgr_pane("list"));
	return 0;
}

/* Per device: its store, its timeline, and the hooks that feed them. */
static int devs_start(struct ui *ui, struct session *ss, int n, const struct options *o)
{
	ui->ss = ss;
	ui->ndevs = n;
	for (int i = 0; i < n; i++) {
		struct ui_dev *d = &ui->devs[i];

		d->ui = ui;
		d->s = &ss[i];
		d->store = store_new(o->max_frames ? (size_t)o->max_frames : RING_DEFAULT_FRAMES);
		d->tl = timeline_new();
		if (!d->store || !d->tl)
			return -1;
	}
	ui->s = &ss[0];
	ui->store = ui->devs[0].store;
	return 0;
}

static void devs_hook(struct ui *ui, int on)
{
	for (int i = 0; i < ui->ndevs; i++) {
		struct ui_dev *d = &ui->devs[i];
		struct session *s = d->s;

		if (on) {
			session_observe(s, on_frame, d);
			nlmodel_set_event_cb(s->model, on_model_event, d);
		} else {
			session_unobserve(s, on_frame, d);
			nlmodel_set_event_cb(s->model, NULL, NULL);
		}
		s->on_change = on ? on_change : NULL;
		s->on_change_arg = on ? ui : NULL;
		s->on_msg = on ? on_msg : NULL;
		s->on_msg_arg = on ? ui : NULL;
		nlmodel_watch_counters(s->model, on);
	}
}

static void devs_free(struct ui *ui)
{
	for (int i = 0; i < ui->ndevs; i++) {
		store_free(ui->devs[i].store);
		timeline_free(ui->devs[i].tl);
		ui->devs[i].store = NULL;
		ui->devs[i].tl = NULL;
	}
}

int ui_run(struct session *ss, int n, const struct options *o, struct lesson *lesson)
{
	static struct ui ui;
	static struct ui_detail detail;
	struct loop *loop = ss[0].loop;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "tapscope: the full-screen UI needs a terminal; use --print for a log of frames\n");
		return 1;
	}
	memset(&ui, 0, sizeof(ui));
	memset(&detail, 0, sizeof(detail));
	next_lesson = NULL;
	lp.redraw_timer = -1;	/* a timer of an earlier run's loop is gone with it */
	lp.last_draw_ns = 0;
	ui.o = o;
	ui.detail = &detail;
	ui.timeline = 1;
	ui.lesson = lesson;
	detail.field = -1;
	if (devs_start(&ui, ss, n, o) < 0 || add_panes(&ui) < 0) {
		fprintf(stderr, "tapscope: out of memory\n");
		mgr_free(&ui);
		devs_free(&ui);
		return 1;
	}
	term_start(&ui);
	devs_hook(&ui, 1);
	if (o->hold)
		for (int i = 0; i < n; i++)
			session_hold(&ss[i], 1);
	for (int i = 0; i < o->ninject; i++)
		ui_inject(&ui, o->inject[i]);
	classroom_start(&ui);
	rc = ui_loop_run(&ui, loop);
	classroom_stop(&ui);
	devs_hook(&ui, 0);
	mgr_free(&ui);
	term_stop();
	devs_free(&ui);
	return rc;
}
