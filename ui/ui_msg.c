/* ui_msg.c — the message line and its history: a message stays at least 3 s or until the next
 * key (errors until a key), and the last 50 can be read again in an overlay (M). */
#include "ui_msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "loop.h"
#include "ui_overlays.h"

struct msg {
	unsigned id;			/* 1, 2, ... since the start */
	char text[512];
	int error;
	uint64_t at_ns;
	time_t wall;
};

static struct msg history[MSG_KEEP];
static int newest = -1, count;
static unsigned next_id = 1;
static int showing;		/* the newest message is on the message line */

void ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	struct msg *m;
	va_list ap;

	newest = (newest + 1) % MSG_KEEP;
	m = &history[newest];
	va_start(ap, fmt);
	vsnprintf(m->text, sizeof(m->text), fmt, ap);
	va_end(ap);
	m->error = error;
	m->id = next_id++;
	m->at_ns = loop_now_ns();
	m->wall = time(NULL);
	if (count < MSG_KEEP)
		count++;
	showing = 1;
	ui_dirty(ui);
}

const char *msg_current(int *error)
{
	if (!showing || newest < 0)
		return NULL;
	*error = history[newest].error;
	return history[newest].text;
}

void msg_key(void)
{
	showing = 0;
}

int msg_tick(uint64_t now_ns)
{
	const struct msg *m;

	if (!showing || newest < 0)
		return 0;
	m = &history[newest];
	if (m->error || now_ns - m->at_ns < MSG_INFO_NS)
		return 0;
	showing = 0;
	return 1;
}

int msg_count(void)
{
	return count;
}

const char *msg_history(int i, int *error, uint64_t *at_ns)
{
	const struct msg *m;

	if (i < 0 || i >= count)
		return NULL;
	m = &history[(newest - i + MSG_KEEP) % MSG_KEEP];
	if (error)
		*error = m->error;
	if (at_ns)
		*at_ns = m->at_ns;
	return m->text;
}

/* ---- the history overlay ---- */

struct hist_view {
	WINDOW *win;
	PANEL *panel;
	int top;		/* first line shown */
	int lines;		/* lines of text at the last draw */
};

/* Line k of the history wrapped at width (messages newest first, a time before each);
 * writes it to out and returns 1, or 0 past the end. */
static int hist_line(int k, int width, char *out, size_t n, int *error)
{
	for (int i = 0; i < count; i++) {
		const char *t = msg_history(i, error, NULL);
		const struct msg *m = &history[(newest - i + MSG_KEEP) % MSG_KEEP];
		char stamp[32];
		int first = 1;

		snprintf(stamp, sizeof(stamp), "#%u", m->id);
		strftime(stamp + strlen(stamp), sizeof(stamp) - strlen(stamp), " %H:%M:%S", localtime(&m->wall));
		while (*t || first) {
			int len = ui_wrap_len(t, width - 15);

			if (k-- == 0) {
				snprintf(out, n, "%-14s %.*s", first ? stamp : "", len, t);
				return 1;
			}
			first = 0;
			t += len;
			while (*t == ' ')
				t++;
		}
	}
	return 0;
}

static void hist_draw(struct overlay *ov)
{
	struct hist_view *v = ov->state;
	int h = LINES - 4, w = COLS - 4 > 110 ? 110 : COLS - 4, rows, err;
	char line[600];

	if (mgr_box_place(&v->win, &v->panel, h, w) < 0)
		return;
	rows = h - 2;
	for (v->lines = 0; hist_line(v->lines, w - 2, line, sizeof(line), &err); v->lines++)
		;
	if (v->top > v->lines - rows)
		v->top = v->lines - rows;
	if (v->top < 0)
		v->top = 0;
	werase(v->win);
	for (int r = 0; r < rows && hist_line(v->top + r, w - 2, line, sizeof(line), &err); r++) {
		wattrset(v->win, err ? ui_attr(C_WARN) : A_NORMAL);
		ui_put(v->win, r + 1, 1, w - 2, line, 0);
	}
	wattrset(v->win, A_NORMAL);
	box(v->win, 0, 0);
	wattrset(v->win, ui_attr(C_FOCUS_TITLE));
	mvwprintw(v->win, 0, 2, " Messages: the last %d, newest first ", count);
	wattrset(v->win, ui_attr(C_DIM));
	mvwaddstr(v->win, h - 1, 2, " Esc q M close \xc2\xb7 Up Down PgUp PgDn Home End scroll ");
	if (!count)
		mvwaddstr(v->win, 1, 2, "no messages yet");
	wattrset(v->win, A_NORMAL);
	top_panel(v->panel);
}

static void hist_hide(struct overlay *ov)
{
	mgr_box_hide(((struct hist_view *)ov->state)->panel);
}

static void hist_free(struct overlay *ov)
{
	struct hist_view *v = ov->state;

	mgr_box_free(&v->win, &v->panel);
	memset(v, 0, sizeof(*v));
}

static enum ui_result hist_scroll(struct ui *ui, void *target, const char *arg)
{
	struct hist_view *v = ((struct overlay *)target)->state;
	int page = v->win ? getmaxy(v->win) - 2 : 10;

	(void)ui;
	v->top += mgr_scroll_rows(arg, page);
	return UI_REDRAW;
}

static const struct ui_action hist_actions[] = {
	{ "close", mgr_act_close, NULL },
	{ "scroll", hist_scroll, NULL },
	{ NULL, NULL, NULL },
};

const struct overlay_class messages_overlay = {
	.name = "messages", .draw = hist_draw, .key = mgr_modal_key, .hide = hist_hide,
	.actions = hist_actions, .free = hist_free,
};

void msg_open_history(struct ui *ui)
{
	static struct hist_view view;

	if (mgr_find_overlay("messages"))
		return;
	memset(&view, 0, sizeof(view));
	mgr_push(ui, &messages_overlay, &view);
}
