/* ui_held.c — the held-frames pane: while the outbox is on hold (H, or S for step mode), the
 * replies and injected packets waiting in it, decoded; Enter sends the selected one, e edits it
 * in the inject form first, x drops it. */
#include "ui_panes.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "ui_classroom.h"

#define HELD_MAX_ROWS 5

static size_t held_sel;		/* index of the selected held frame */

static int held_rows(struct pane *p, int width)
{
	const struct outbox *o = &p->ui->s->outbox;
	size_t n = o->n < HELD_MAX_ROWS - 1 ? o->n : HELD_MAX_ROWS - 1;

	(void)width;
	if (!o->hold && !o->n)
		return 0;
	return 1 + (n ? (int)n : 1);
}

static void item_text(struct session *s, const struct outbox_item *it, char *buf, size_t len)
{
	static struct decoded d;
	struct frame f = { .dlt = session_dlt(s), .has_pi = s->dev.pi, .data = it->data,
			   .caplen = it->len, .len = it->len, .dir = FRAME_OUT };
	char who[64];

	decode_frame(&d, &f);
	if (it->origin == OUTBOX_INJECT)
		snprintf(who, sizeof(who), "job %u", it->job);
	else if (it->answers)
		snprintf(who, sizeof(who), "reply to frame %" PRIu64, it->answers);
	else
		snprintf(who, sizeof(who), "reply");
	snprintf(buf, len, "#%" PRIu64 " %s%s: %s", it->id, who, it->edited ? " (edited)" : "", decode_summary(&d));
}

static void held_draw(struct pane *p, WINDOW *w)
{
	struct session *s = p->ui->s;
	const struct outbox *o = &s->outbox;
	struct ui_rect r = p->rect;
	size_t top = 0, rows = r.h > 1 ? (size_t)r.h - 1 : 0;
	char title[200], line[DECODE_SUMMARY_MAX + 96];
	int n;

	if (held_sel >= o->n)
		held_sel = o->n ? o->n - 1 : 0;
	if (rows && held_sel >= rows)
		top = held_sel - (rows - 1);
	n = snprintf(title, sizeof(title), " Held: %zu frame%s wait%s  (outbox %s)", o->n, o->n == 1 ? "" : "s",
		     o->n == 1 ? "s" : "", o->hold ? "on hold: H sends all" : "flowing");
	if (o->n > rows && n > 0)	/* the rows out of sight, either side */
		snprintf(title + n, sizeof(title) - (size_t)n, "  %zu above, %zu below", top,
			 o->n > top + rows ? o->n - top - rows : 0);
	pane_title(p, w, title);
	if (!o->n) {
		wattrset(w, ui_attr(C_DIM));
		ui_put(w, r.y + 1, r.x + 1, r.w - 2, "nothing held yet: replies and injections will wait here", 0);
		wattrset(w, A_NORMAL);
		return;
	}
	for (int row = 0; row < r.h - 1 && top + (size_t)row < o->n; row++) {
		const struct outbox_item *it = outbox_at(o, top + (size_t)row);
		int sel = top + (size_t)row == held_sel;

		item_text(s, it, line, sizeof(line));
		wattrset(w, sel ? ui_attr(mgr_focused() == p ? C_SELECTED : C_DIM) | (mgr_focused() == p ? 0 : A_REVERSE)
				: A_NORMAL);
		mvwhline(w, r.y + 1 + row, r.x, ' ', r.w);
		ui_put(w, r.y + 1 + row, r.x + 1, r.w - 2, line, 0);
	}
	wattrset(w, A_NORMAL);
}

static enum ui_result held_move(struct pane *p, enum pane_move m)
{
	size_t n = p->ui->s->outbox.n;
	size_t page = p->rect.h > 1 ? (size_t)p->rect.h - 1 : 1;	/* the rows it shows */

	switch (m) {
	case MOVE_UP: if (held_sel) held_sel--; break;
	case MOVE_DOWN: if (held_sel + 1 < n) held_sel++; break;
	case MOVE_PGUP: held_sel = held_sel > page ? held_sel - page : 0; break;
	case MOVE_PGDN: held_sel = held_sel + page < n ? held_sel + page : (n ? n - 1 : 0); break;
	case MOVE_HOME: held_sel = 0; break;
	case MOVE_END: held_sel = n ? n - 1 : 0; break;
	case MOVE_COUNT: break;
	}
	return UI_REDRAW;
}

static enum ui_result held_click(struct pane *p, int row, int col, int wheel)
{
	(void)col;
	if (wheel)
		return held_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN);
	if (row >= 1 && (size_t)(row - 1) < p->ui->s->outbox.n)
		held_sel = (size_t)(row - 1);
	return UI_REDRAW;
}

/* release / drop the selected held frame, through the core's named action. */
static enum ui_result act_one(struct ui *ui, const char *verb)
{
	const struct outbox_item *it = outbox_at(&ui->s->outbox, held_sel);
	char line[64];

	if (!it) {
		ui_message(ui, 1, "nothing is held: H holds the outbox, then replies wait here");
		return UI_REDRAW;
	}
	snprintf(line, sizeof(line), "%s %" PRIu64, verb, it->id);
	return ui_core_run(ui, line, 1);
}

static enum ui_result act_release(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	return act_one(ui, "release");
}

static enum ui_result act_drop(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	return act_one(ui, "drop");
}

static enum ui_result act_edit(struct ui *ui, void *target, const char *arg)
{
	const struct outbox_item *it = outbox_at(&ui->s->outbox, held_sel);

	(void)target;
	(void)arg;
	if (!it)
		ui_message(ui, 1, "nothing is held: S (step mode) holds the outbox, then replies wait here");
	else
		ui_form_open_edit(ui, it->id);
	return UI_REDRAW;
}

static const struct ui_action held_actions[] = {
	{ "release", act_release, "release" },
	{ "drop", act_drop, "drop" },
	{ "edit", act_edit, "edit" },
	{ NULL, NULL, NULL },
};

const struct pane_class held_pane = {
	.name = "held", .slot = SLOT_MAIN, .focusable = 1, .rows = held_rows,
	.draw = held_draw, .nav = held_move, .click = held_click, .actions = held_actions,
};
