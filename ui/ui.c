/* ui.c — the full-screen UI's manager: terminal set-up and teardown, layout, the loop hooks, key dispatch. */
#include "ui.h"

#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "bpf.h"
#include "nlmodel.h"
#include "ui_actions.h"
#include "ui_prompt.h"
#include "ui_view.h"

#define MIN_COLS 80
#define MIN_ROWS 24
#define DRAW_INTERVAL_NS 33000000ull	/* at most 30 draws a second */
#define WIDE_COLS 120			/* from here the netlink pane is a column of its own */

static WINDOW *screen;
static PANEL *screen_panel;

/* ---- terminal safety: endwin on every path, even a crash (best effort) ---- */

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void on_crash(int signo)
{
	restore_terminal();
	signal(signo, SIG_DFL);
	raise(signo);
}

static void setup_colors(struct ui *ui)
{
	static const struct { short fg, bg; } pairs[C_COUNT] = {
		[C_DEFAULT] = { -1, -1 }, [C_TITLE] = { COLOR_BLACK, COLOR_CYAN },
		[C_FOCUS_TITLE] = { COLOR_BLACK, COLOR_YELLOW }, [C_SELECTED] = { COLOR_BLACK, COLOR_CYAN },
		[C_STATUS] = { COLOR_BLACK, COLOR_WHITE }, [C_ERROR] = { COLOR_WHITE, COLOR_RED },
		[C_OK] = { COLOR_GREEN, -1 }, [C_WARN] = { COLOR_RED, -1 }, [C_DIM] = { COLOR_BLUE, -1 },
		[C_ARP] = { COLOR_YELLOW, -1 }, [C_ICMP] = { COLOR_GREEN, -1 }, [C_ICMP6] = { COLOR_CYAN, -1 },
		[C_IP] = { -1, -1 }, [C_UDP] = { COLOR_BLUE, -1 }, [C_TCP] = { COLOR_MAGENTA, -1 },
		[C_DNS] = { COLOR_BLUE, -1 }, [C_OTHER] = { -1, -1 }, [C_HILITE] = { COLOR_BLACK, COLOR_YELLOW },
		[C_KEY] = { COLOR_YELLOW, -1 },
	};

	ui->color = has_colors() && !ui->o->no_color && !getenv("NO_COLOR");
	if (!ui->color)
		return;
	start_color();
	use_default_colors();
	for (int i = 1; i < C_COUNT; i++)
		init_pair((short)i, pairs[i].fg, pairs[i].bg);
}

attr_t ui_attr(const struct ui *ui, enum ui_color c)
{
	static const attr_t mono[C_COUNT] = {
		[C_TITLE] = A_REVERSE, [C_FOCUS_TITLE] = A_REVERSE | A_BOLD, [C_SELECTED] = A_REVERSE,
		[C_STATUS] = A_REVERSE, [C_ERROR] = A_REVERSE | A_BOLD, [C_OK] = A_BOLD, [C_WARN] = A_BOLD,
		[C_DIM] = A_DIM, [C_HILITE] = A_REVERSE | A_UNDERLINE, [C_KEY] = A_BOLD,
	};

	if (!ui->color)
		return mono[c];
	if (c == C_SELECTED || c == C_HILITE || c == C_FOCUS_TITLE)
		return COLOR_PAIR(c) | A_BOLD;
	return COLOR_PAIR(c);
}

static void terminal_start(struct ui *ui)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	ui->utf8 = cs && !strcmp(cs, "UTF-8");
	signal(SIGSEGV, on_crash);
	signal(SIGABRT, on_crash);
	signal(SIGBUS, on_crash);
	signal(SIGFPE, on_crash);
	atexit(restore_terminal);
	initscr();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	setup_colors(ui);
	screen = newwin(LINES, COLS, 0, 0);
	keypad(screen, TRUE);
	nodelay(screen, TRUE);	/* keys are read until ERR each wake-up; the loop does the waiting */
	screen_panel = new_panel(screen);
}

static void terminal_stop(void)
{
	if (screen_panel)
		del_panel(screen_panel);
	if (screen)
		delwin(screen);
	screen_panel = NULL;
	screen = NULL;
	restore_terminal();
}

/* ---- messages, dirtiness, selection ---- */

void ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof(ui->msg), fmt, ap);
	va_end(ap);
	ui->msg_error = error;
	ui_dirty(ui);
}

void ui_dirty(struct ui *ui)
{
	ui->dirty = 1;
}

const struct frame *ui_selected_frame(struct ui *ui)
{
	long i;

	if (!ui->view.len)
		return NULL;
	i = ring_find(ui->ring, ui_view_num(&ui->view, ui->sel));
	return i < 0 ? NULL : ring_get(ui->ring, (size_t)i);
}

/* ---- layout ---- */

struct layout {
	int wide;
	struct ui_rect title, net, list, tree, hex, explain, status;
};

static void compute_layout(const struct ui *ui, struct layout *l)
{
	int rows = LINES, cols = COLS, top = 1, avail, list_h, hex_w;

	memset(l, 0, sizeof(*l));
	l->wide = cols >= WIDE_COLS;
	l->title = (struct ui_rect){ 0, 0, 1, cols };
	l->explain = (struct ui_rect){ rows - 2, 0, 1, cols };
	l->status = (struct ui_rect){ rows - 1, 0, 1, cols };
	if (l->wide) {
		int net_w = cols / 3 < 44 ? cols / 3 : 44;

		l->net = (struct ui_rect){ top, 0, rows - 3, net_w };
		cols -= net_w;
	} else {
		l->net = (struct ui_rect){ top, 0, 4, cols };	/* a strip; full pane when focused */
		top += 4;
	}
	avail = rows - top - 2;
	list_h = avail * 45 / 100;
	l->list = (struct ui_rect){ top, COLS - cols, list_h, cols };
	hex_w = cols - 40 >= 74 ? 74 : 40;
	if (!ui->show_hex)
		hex_w = 0;
	l->tree = (struct ui_rect){ top + list_h, COLS - cols, avail - list_h, cols - hex_w };
	l->hex = (struct ui_rect){ top + list_h, COLS - hex_w, avail - list_h, hex_w };
	if (!l->wide && ui->focus == FOCUS_NET)	/* collapsed pane opened: it takes the body */
		l->net = (struct ui_rect){ 1, 0, rows - 3, COLS };
}

/* ---- drawing ---- */

static void draw_title(struct ui *ui, struct ui_rect r)
{
	struct session *s = ui->s;
	char text[512];
	int n;

	n = snprintf(text, sizeof(text), " tapscope  %s (%s%s)", s->dev.name, s->dev.tun ? "tun" : "tap",
		     s->dev.pi ? ", pi" : "");
	if (s->ns.name[0])
		n += snprintf(text + n, sizeof(text) - (size_t)n, "  netns %s", s->ns.name);
	if (s->dev.fd < 0)
		n += snprintf(text + n, sizeof(text) - (size_t)n, "  [queue detached]");
	if (ui->paused)
		snprintf(text + n, sizeof(text) - (size_t)n, "  [view paused: space resumes]");
	wattrset(screen, ui_attr(ui, C_TITLE));
	mvwhline(screen, r.y, r.x, ' ', r.w);
	mvwaddnstr(screen, r.y, r.x, text, r.w);
	wattrset(screen, A_NORMAL);
}

static void draw_status(struct ui *ui, struct layout *l)
{
	struct session *s = ui->s;
	const char *explain = ui->focus == FOCUS_TREE || ui->focus == FOCUS_HEX ? ui_detail_explain(ui) : NULL;
	char text[512];
	int n;

	/* line 1: a message, or the selected field's explanation, or the key hints */
	mvwhline(screen, l->explain.y, 0, ' ', COLS);
	if (ui->msg[0]) {
		wattrset(screen, ui->msg_error ? ui_attr(ui, C_ERROR) : ui_attr(ui, C_OK));
		mvwaddnstr(screen, l->explain.y, 0, ui->msg, COLS);
	} else if (explain) {
		mvwaddnstr(screen, l->explain.y, 0, explain, COLS);
	} else {
		wattrset(screen, ui_attr(ui, C_DIM));
		mvwaddnstr(screen, l->explain.y, 0,
			   "e echo  n neigh  i inject  r repeat  / filter  w save  Tab focus  Enter detail  q quit",
			   COLS);
	}
	wattrset(screen, ui_attr(ui, C_STATUS));
	mvwhline(screen, l->status.y, 0, ' ', COLS);
	n = snprintf(text, sizeof(text), " echo:%s  neigh:%s  in %llu out %llu",
		     s->resp.policy.answer_echo ? "ON " : "off", s->resp.policy.answer_neigh ? "ON " : "off",
		     (unsigned long long)s->count.in, (unsigned long long)s->count.out);
	if (ring_dropped(ui->ring))
		n += snprintf(text + n, sizeof(text) - (size_t)n, "  (%llu oldest dropped from view)",
			      (unsigned long long)ring_dropped(ui->ring));
	n += ui_actions_status(ui, text + n, sizeof(text) - (size_t)n);
	if (ui->view_filter_text[0])
		n += snprintf(text + n, sizeof(text) - (size_t)n, "  filter: %s", ui->view_filter_text);
	if (s->pcap)
		n += snprintf(text + n, sizeof(text) - (size_t)n, "  -w %s", ui->o->write_path);
	mvwaddnstr(screen, l->status.y, 0, text, COLS);
	if (n < COLS - 8)
		mvwaddstr(screen, l->status.y, COLS - 7, "? help");
	wattrset(screen, A_NORMAL);
}

static void draw_too_small(void)
{
	const char *m1 = "tapscope needs a terminal of at least 80x24";
	char m2[64];

	snprintf(m2, sizeof(m2), "this one is %dx%d: make it larger (q quits)", COLS, LINES);
	werase(screen);
	mvwaddnstr(screen, LINES / 2 - 1, (COLS - (int)strlen(m1)) / 2 > 0 ? (COLS - (int)strlen(m1)) / 2 : 0, m1, COLS);
	mvwaddnstr(screen, LINES / 2, (COLS - (int)strlen(m2)) / 2 > 0 ? (COLS - (int)strlen(m2)) / 2 : 0, m2, COLS);
}

static void draw(struct ui *ui)
{
	struct layout l;

	ui->dirty = 0;
	ui->last_draw_ns = loop_now_ns();
	ui->too_small = COLS < MIN_COLS || LINES < MIN_ROWS;
	if (ui->too_small) {
		draw_too_small();
		update_panels();
		doupdate();
		return;
	}
	compute_layout(ui, &l);
	werase(screen);
	draw_title(ui, l.title);
	if (l.wide || ui->focus != FOCUS_NET) {
		ui_detail_sync(ui);
		ui_list_draw(ui, screen, l.list);
		ui_tree_draw(ui, screen, l.tree);
		if (ui->show_hex)
			ui_hex_draw(ui, screen, l.hex);
	}
	ui_net_draw(ui, screen, l.net);
	draw_status(ui, &l);
	if (ui->help_open)
		ui_help_draw(ui);
	if (ui->form_open)
		ui_form_draw(ui);
	ui_prompt_draw(ui);
	update_panels();
	doupdate();
}

/* ---- the loop: frames in, keys in, throttled drawing ---- */

static void on_frame(struct session *s, const struct frame *f, const struct frame_meta *m, void *arg)
{
	struct ui *ui = arg;

	(void)s;
	(void)m;
	if (!ui->t0.tv_sec && !ui->t0.tv_usec)
		ui->t0 = f->ts;
	if (ring_push(ui->ring, f) < 0)
		return;
	ui_view_frame_added(ui, f);
	ui_dirty(ui);
}

static void on_change(struct session *s, void *arg)
{
	(void)s;
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

static void on_draw_timer(struct loop *loop, int timer, void *arg)
{
	struct ui *ui = arg;

	(void)loop;
	(void)timer;
	ui->redraw_timer = -1;
	if (ui->dirty)
		draw(ui);
}

static void before_sleep(struct loop *loop, void *arg)
{
	struct ui *ui = arg;
	uint64_t now, since;

	session_flush(ui->s);
	if (nlmodel_generation(ui->s->model) != ui->net_gen)
		ui->dirty = 1;
	if (!ui->dirty || ui->redraw_timer >= 0)
		return;
	now = loop_now_ns();
	since = now - ui->last_draw_ns;
	if (since >= DRAW_INTERVAL_NS)
		draw(ui);
	else
		ui->redraw_timer = loop_add_timer(loop, DRAW_INTERVAL_NS - since, 0, on_draw_timer, ui);
}

static void on_second(struct loop *loop, int timer, void *arg)
{
	struct ui *ui = arg;
	uint64_t total = ui->s->count.in + ui->s->count.out;

	(void)loop;
	(void)timer;
	memmove(ui->spark, ui->spark + 1, sizeof(ui->spark) - sizeof(ui->spark[0]));
	ui->spark[63] = (uint32_t)(total - ui->spark_frames_at_tick);
	ui->spark_frames_at_tick = total;
	if (ui->msg[0] && !ui->msg_error)
		ui->msg[0] = '\0';	/* confirmations fade after a second or two */
	ui_dirty(ui);
}

static void resize(struct ui *ui)
{
	struct winsize ws;

	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col)
		resizeterm(ws.ws_row, ws.ws_col);
	wresize(screen, LINES, COLS);
	replace_panel(screen_panel, screen);
	clearok(curscr, TRUE);
	ui_dirty(ui);
}

static void on_signal(struct loop *loop, int signo, void *arg)
{
	if (signo == SIGWINCH) {
		resize(arg);
		return;
	}
	loop_stop(loop, 0);
}

static enum ui_result handle_mouse(struct ui *ui)
{
	struct layout l;
	MEVENT ev;

	if (getmouse(&ev) != OK || ui->too_small)
		return UI_HANDLED;
	compute_layout(ui, &l);
	if (ev.bstate & BUTTON4_PRESSED)
		return ui_list_key(ui, KEY_UP, l.list.h - 1);
	if (ev.bstate & BUTTON5_PRESSED)
		return ui_list_key(ui, KEY_DOWN, l.list.h - 1);
	if (ev.y > l.list.y && ev.y < l.list.y + l.list.h && ev.x >= l.list.x) {
		ui->focus = FOCUS_LIST;
		ui_list_click(ui, ev.y - l.list.y - 1);
	} else if (ev.y >= l.tree.y && ev.y < l.tree.y + l.tree.h) {
		ui->focus = ev.x >= l.hex.x && ui->show_hex ? FOCUS_HEX : FOCUS_TREE;
	} else if (ev.y >= l.net.y && ev.y < l.net.y + l.net.h && ev.x < l.net.x + l.net.w) {
		ui->focus = FOCUS_NET;
	}
	return UI_REDRAW;
}

static enum ui_result focused_key(struct ui *ui, int ch)
{
	struct layout l;

	compute_layout(ui, &l);
	switch (ui->focus) {
	case FOCUS_LIST: return ui_list_key(ui, ch, l.list.h - 1);
	case FOCUS_TREE: return ui_tree_key(ui, ch, l.tree.h - 1);
	case FOCUS_HEX: return ui_hex_key(ui, ch, l.hex.h - 1);
	case FOCUS_NET: return ui_net_key(ui, ch);
	case FOCUS_COUNT: break;
	}
	return UI_IGNORED;
}

static enum ui_result handle_key(struct ui *ui, int ch)
{
	enum ui_result r;

	if (ch == KEY_RESIZE) {	/* resizeterm() already ran (SIGWINCH): just redraw */
		wresize(screen, LINES, COLS);
		replace_panel(screen_panel, screen);
		return UI_REDRAW;
	}
	if (ui->prompt)
		return ui_prompt_key(ui, ch);
	if (ui->help_open)
		return ui_help_key(ui, ch);
	if (ui->form_open)
		return ui_form_key(ui, ch);
	if (ch != KEY_MOUSE)
		ui->msg[0] = '\0';
	if (ch == KEY_MOUSE)
		return handle_mouse(ui);
	if (ui->too_small)
		return ch == 'q' || ch == KEY_F(10) ? UI_QUIT : UI_REDRAW;
	r = focused_key(ui, ch);
	if (r != UI_IGNORED)
		return r;
	return ui_actions_key(ui, ch);
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
	while ((ch = wgetch(screen)) != ERR) {
		enum ui_result r = handle_key(ui, ch);

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

static int ui_init(struct ui *ui, struct session *s, const struct options *o)
{
	memset(ui, 0, sizeof(*ui));
	ui->s = s;
	ui->o = o;
	ui->follow = 1;
	ui->field = -1;
	ui->show_hex = 1;
	ui->redraw_timer = -1;
	ui->ring = ring_new(o->max_frames ? (size_t)o->max_frames : RING_DEFAULT_FRAMES);
	return ui->ring ? 0 : -ENOMEM;
}

int ui_run(struct session *s, const struct options *o)
{
	static const int sigs[] = { SIGWINCH };
	static struct ui ui;
	int rc;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "tapscope: the full-screen UI needs a terminal; use --print for a log of frames\n");
		return 1;
	}
	if (ui_init(&ui, s, o) < 0) {
		fprintf(stderr, "tapscope: out of memory\n");
		return 1;
	}
	terminal_start(&ui);
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
	ui_actions_inject_cli(&ui);
	draw(&ui);
	rc = loop_run(s->loop);
	loop_del_fd(s->loop, STDIN_FILENO);
	nlmodel_set_event_cb(s->model, NULL, NULL);
	if (ui.form_open)
		ui_form_close(&ui);
	ui_prompt_close(&ui);
	terminal_stop();
	loop_del_before_sleep(s->loop, before_sleep, &ui);
	session_unobserve(s, on_frame, &ui);
	s->on_change = NULL;
	s->on_msg = NULL;
	ui_view_free(&ui);
	ring_free(ui.ring);
	return rc;
}
