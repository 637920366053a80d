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
#include "ui_detail.h"
#include "ui_msg.h"
#include "ui_panes.h"
#include "ui_status.h"
#include "ui_store.h"
#include "ui_term.h"

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
	lp.net_gen = nlmodel_generation(ui->s->model);
	mgr_draw(ui);
}

/* ---- hooks on the session ---- */

static void on_frame(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg)
{
	struct ui *ui = arg;

	(void)s;
	store_add(ui->store, f, m);
	lp.frames++;
	ui_dirty(ui);
}

static void on_change(struct session *s, void *arg)
{
	(void)s;
	status_jobs_changed(arg);
	ui_dirty(arg);
}

static void on_msg(struct session *s, const char *text, void *arg)
{
	(void)s;
	ui_message(arg, 1, "%s", text);
}

static void on_model_event(const struct nl_event *ev, void *arg)
{
	(void)ev;
	ui_dirty(arg);
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

	session_flush(ui->s);
	if (nlmodel_generation(ui->s->model) != lp.net_gen)
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

		if (r == UI_QUIT) {
			loop_stop(loop, 0);
			return;
		}
		if (r == UI_REDRAW)
			ui->dirty = 1;
	}
	if (ui->dirty)
		draw(ui);	/* a key press is answered at once, not at the next tick */
}

/* ---- set-up ---- */

/* The live UI's panes. Issue 11's offline browser adds a file pane instead of net_pane (same
 * slot); a split view adds a second list_pane beside the first; a lesson or console pane is
 * one more mgr_add_pane() here, with its keys in ui_keys.c under its own scope. */
static int add_panes(struct ui *ui)
{
	void *list = list_state_new(ui);
	struct pane *tree;

	if (!list)
		return -1;
	mgr_init(ui);
	mgr_add_pane(ui, &net_pane, NULL, NULL);
	mgr_add_pane(ui, &list_pane, list, NULL);
	mgr_add_pane(ui, &held_pane, NULL, NULL);
	mgr_add_pane(ui, &info_pane, NULL, NULL);
	tree = mgr_add_pane(ui, &tree_pane, NULL, NULL);
	mgr_add_pane(ui, &hex_pane, NULL, tree);
	mgr_focus(mgr_pane("list"));
	return 0;
}

int ui_run(struct session *s, const struct options *o)
{
	static const int sigs[] = { SIGWINCH };
	static struct ui ui;
	static struct ui_detail detail;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "tapscope: the full-screen UI needs a terminal; use --print for a log of frames\n");
		return 1;
	}
	memset(&ui, 0, sizeof(ui));
	ui.s = s;
	ui.o = o;
	ui.detail = &detail;
	detail.field = -1;
	ui.store = store_new(o->max_frames ? (size_t)o->max_frames : RING_DEFAULT_FRAMES);
	if (!ui.store) {
		fprintf(stderr, "tapscope: out of memory\n");
		return 1;
	}
	if (add_panes(&ui) < 0) {
		fprintf(stderr, "tapscope: out of memory\n");
		store_free(ui.store);
		return 1;
	}
	term_start(&ui);
	session_observe(s, on_frame, &ui);
	s->on_change = on_change;
	s->on_change_arg = &ui;
	s->on_msg = on_msg;
	s->on_msg_arg = &ui;
	nlmodel_set_event_cb(s->model, on_model_event, &ui);
	nlmodel_watch_counters(s->model, 1);
	loop_add_signals(s->loop, sigs, 1, on_signal, &ui);
	loop_add_fd(s->loop, STDIN_FILENO, EPOLLIN, on_keys, &ui);
	loop_add_timer(s->loop, 1000000000ull, 1000000000ull, on_second, &ui);
	loop_add_before_sleep(s->loop, before_sleep, &ui);
	if (o->hold)
		session_hold(s, 1);
	for (int i = 0; i < o->ninject; i++)
		ui_inject(&ui, o->inject[i]);
	draw(&ui);
	rc = loop_run(s->loop);
	loop_del_fd(s->loop, STDIN_FILENO);
	nlmodel_set_event_cb(s->model, NULL, NULL);
	mgr_free(&ui);
	term_stop();
	loop_del_before_sleep(s->loop, before_sleep, &ui);
	session_unobserve(s, on_frame, &ui);
	s->on_change = NULL;
	s->on_msg = NULL;
	store_free(ui.store);
	return rc;
}
