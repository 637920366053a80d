/* ui_lesson.c — the lesson pane: a lesson run step by step on the live devices (src/lessonrun.c):
 * the title, the step's narration, its lines as they run with ✓ or ✗ and what happened (or did
 * not), the commands' output, questions whose answer waits for a key; N (or Enter here) runs
 * the next step. The unattended twin is src/lessonprint.c (--lesson --print). */
#include "ui_classroom.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lesson.h"
#include "lessonrun.h"
#include "nlaction.h"
#include "ui_msg.h"
#include "ui_panes.h"

#define ENTRIES_MAX 400		/* a step's transcript: its lines and output lines */
#define TEXT_MAX 1200

/* What a step did, in order: a line of the lesson began (line >= 0), or a command printed. */
struct entry {
	int line;
	char *text;		/* output (line -1) */
};

struct lesson_view {
	struct ui *ui;
	struct lesson *l;
	int owned;		/* loaded by the menu: freed here */
	struct lessonrun *r;
	struct entry tr[ENTRIES_MAX];
	int ntr, dropped;	/* output lines past ENTRIES_MAX are counted, not kept */
	char *result;		/* per step: 0 not run, '+' passed, '-' failed */
	int ended, ended_ok;
	char end_text[420];
	int top, follow;	/* scrolling: the first row shown; follow keeps the end in view */
	int last_total;
};

static struct lesson_view lv;

/* ---- the run's events ---- */

static void transcript_clear(void)
{
	for (int i = 0; i < lv.ntr; i++)
		free(lv.tr[i].text);
	lv.ntr = lv.dropped = 0;
}

static void transcript_add(int line, const char *text)
{
	if (lv.ntr == ENTRIES_MAX) {
		lv.dropped++;
		return;
	}
	lv.tr[lv.ntr].line = line;
	lv.tr[lv.ntr++].text = text ? strdup(text) : NULL;
}

static void on_event(struct lessonrun *r, const struct lr_event *ev, void *arg)
{
	struct ui *ui = arg;

	(void)r;
	switch (ev->kind) {
	case LRE_STEP_BEGIN:
		transcript_clear();
		lv.follow = 1;
		lv.top = 0;
		break;
	case LRE_LINE_BEGIN:
		transcript_add(ev->line, NULL);
		break;
	case LRE_OUTPUT:
		transcript_add(-1, ev->text);
		break;
	case LRE_STEP_END:
		if (ev->step >= 0 && ev->step < lv.l->nsteps)
			lv.result[ev->step] = ev->ok ? '+' : '-';
		break;
	case LRE_LESSON_END:
		lv.ended = 1;
		lv.ended_ok = ev->ok;
		snprintf(lv.end_text, sizeof(lv.end_text), "%s", ev->text ? ev->text : "");
		break;
	case LRE_LINE_END:
	case LRE_WAIT_KEY:
		break;
	}
	ui_dirty(ui);
}

/* A lesson run on this run's devices starts where a new run would: the peers silent and the
 * kernel knowing no neighbour, or its ARP and echo steps would see nothing happen (a cached
 * neighbour sends no ARP; answers on reply before the lesson asks for them). 1: something was
 * changed. */
static int fresh_state(struct ui *ui, const struct lesson *l)
{
	char err[256];
	int changed = 0;

	for (int i = 0; i < l->ndevs && i < ui->ndevs; i++) {
		struct session *s = &ui->ss[i];

		changed |= s->resp.policy.answer_echo || s->resp.policy.answer_neigh;
		session_set_echo(s, 0);
		session_set_neigh(s, 0);
		if (nlaction_neigh_flush(s->dev.name, err, sizeof(err)) > 0)
			changed = 1;
	}
	return changed;
}

int lesson_ui_start(struct ui *ui, struct lesson *l, int owned)
{
	lesson_ui_stop();
	memset(&lv, 0, sizeof(lv));
	lv.ui = ui;
	lv.l = l;
	lv.owned = owned;
	lv.follow = 1;
	lv.result = calloc((size_t)l->nsteps + 1, 1);
	if (lv.result)
		lv.r = lessonrun_new(l, ui->ss, l->ndevs, 0, on_event, ui);
	if (!lv.r) {
		lesson_ui_stop();
		return -ENOMEM;
	}
	if (l->ndevs > 1)
		list_split(ui, 1);	/* tun versus tap: both lists, side by side */
	mgr_focus(mgr_pane("lesson"));
	if (fresh_state(ui, l)) {	/* (a new run's devices are fresh already: nothing to say) */
		ui_message(ui, 0, "lesson: %s (%d steps); answers off, neighbours forgotten, as on a new device: "
			   "N or Enter runs step 1", l->title, l->nsteps);
		return 0;
	}
	ui_message(ui, 0, "lesson: %s (%d steps): N or Enter runs step 1", l->title, l->nsteps);
	return 0;
}

void lesson_ui_stop(void)
{
	lessonrun_free(lv.r);
	lv.r = NULL;
	transcript_clear();
	free(lv.result);
	lv.result = NULL;
	if (lv.owned && lv.l) {
		lesson_free(lv.l);
		free(lv.l);
	}
	lv.l = NULL;
	lv.owned = 0;
}

void lesson_ui_next(struct ui *ui)
{
	int step, rc;

	if (!lv.r) {
		ui_message(ui, 1, "no lesson is running: L opens the lesson menu");
		return;
	}
	step = lessonrun_step(lv.r);
	if (lessonrun_waiting_key(lv.r)) {
		lessonrun_continue(lv.r);
		return;
	}
	if (lessonrun_busy(lv.r)) {
		ui_message(ui, 1, "step %d is still running: wait for it (Ctrl-C stops its command)", step + 1);
		return;
	}
	rc = lessonrun_next(lv.r);
	if (rc == -ENOENT)
		ui_message(ui, 0, "that was the last step of \"%s\": L picks another lesson", lv.l->title);
	else if (rc < 0)
		ui_message(ui, 1, "the next step did not start: %s", strerror(-rc));
	lv.follow = 1;
}

int lesson_ui_interrupt(struct ui *ui)
{
	int step, line;
	const struct lesson_line *ln;

	if (!lv.r || !lessonrun_busy(lv.r) || (step = lessonrun_step(lv.r)) < 0)
		return 0;
	for (line = 0; line < lv.l->steps[step].nlines; line++)
		if (lessonrun_line_state(lv.r, step, line, NULL) == LS_ACTIVE)
			break;
	if (line == lv.l->steps[step].nlines)
		return 0;
	ln = &lv.l->steps[step].lines[line];
	if (ln->op != LOP_RUN)
		return 0;
	lessonrun_interrupt(lv.r);
	ui_message(ui, 0, "Ctrl-C sent to the lesson's command: %s", ln->text);
	return 1;
}

/* ---- what the pane shows: rows of text, each with its colour ---- */

struct row {
	attr_t attr;
	int indent;
	char text[TEXT_MAX];
};

struct rows {
	struct row *r;
	int n, cap, width;
};

/* Adds text wrapped to the pane's width; continuation rows are indented as the first. */
static void put_wrapped(struct rows *rs, attr_t attr, int indent, const char *text)
{
	const char *t = text;
	int width = rs->width - indent > 10 ? rs->width - indent : 10;

	do {
		int len = ui_wrap_len(t, width);
		struct row *grown;

		if (rs->n == rs->cap) {
			grown = realloc(rs->r, (size_t)(rs->cap ? rs->cap * 2 : 64) * sizeof(*rs->r));
			if (!grown)
				return;
			rs->r = grown;
			rs->cap = rs->cap ? rs->cap * 2 : 64;
		}
		rs->r[rs->n].attr = attr;
		rs->r[rs->n].indent = indent;
		snprintf(rs->r[rs->n++].text, TEXT_MAX, "%.*s", len, t);
		t += len;
		while (*t == ' ')
			t++;
	} while (*t);
}

/* The line as the lesson wrote it: "expect-field: ip.dst == 10.18.1.3". */
static void line_words(const struct lesson_line *ln, char *buf, size_t n)
{
	static const char *const cmp[] = { " == ", " != ", " +", " >" };

	if (ln->op == LOP_EXPECT_FIELD)
		snprintf(buf, n, "%s: %s%s%s", lesson_op_name(ln->op), ln->text, cmp[ln->cmp], ln->value ? ln->value : "");
	else if (ln->op == LOP_EXPECT_COUNTER)
		snprintf(buf, n, "%s: %s %s%lld", lesson_op_name(ln->op), ln->text,
			 ln->cmp == LCMP_RISE ? "+" : ln->cmp == LCMP_GT ? ">" : "=", ln->n);
	else
		snprintf(buf, n, "%s: %s", lesson_op_name(ln->op), ln->text);
}

static int narrative(enum lesson_op op)
{
	return op == LOP_SAY || op == LOP_QUESTION || op == LOP_ANSWER || op == LOP_PAUSE || op == LOP_USE;
}

/* One line of the step, in the state the run gives it. */
static void put_line(struct rows *rs, int step, int i)
{
	const struct lesson_line *ln = &lv.l->steps[step].lines[i];
	const char *msg = "";
	enum lr_line_state state = lessonrun_line_state(lv.r, step, i, &msg);
	int waiting = state == LS_ACTIVE && lessonrun_waiting_key(lv.r), utf8 = lv.ui->utf8;
	char words[TEXT_MAX], text[TEXT_MAX + 320];
	const char *mark;
	attr_t a;

	switch (ln->op) {
	case LOP_SAY:
		put_wrapped(rs, A_NORMAL, 2, ln->text);
		return;
	case LOP_USE:
		return;
	case LOP_QUESTION:
		snprintf(text, sizeof(text), "? %s", ln->text);
		put_wrapped(rs, ui_attr(C_KEY) | A_BOLD, 2, text);
		if (waiting)
			put_wrapped(rs, ui_attr(C_DIM), 4, "(think, discuss; N or Enter shows the answer)");
		return;
	case LOP_ANSWER:
		snprintf(text, sizeof(text), "answer: %s", ln->text);
		put_wrapped(rs, ui_attr(C_OK) | A_BOLD, 2, text);
		return;
	case LOP_PAUSE:
		put_wrapped(rs, A_BOLD, 2, ln->text);
		if (waiting)
			put_wrapped(rs, ui_attr(C_DIM), 4, "(N or Enter goes on)");
		return;
	default:
		break;
	}
	line_words(ln, words, sizeof(words));
	mark = state == LS_OK ? (utf8 ? "\xe2\x9c\x93" : "ok") : state == LS_FAILED ? (utf8 ? "\xe2\x9c\x97" : "FAILED") :
	       state == LS_ACTIVE ? (utf8 ? "\xe2\x80\xa6" : "..") : state == LS_RAN ? (utf8 ? "\xe2\x80\xa2" : "-") : " ";
	a = state == LS_OK ? ui_attr(C_OK) : state == LS_FAILED ? ui_attr(C_ERROR) | A_BOLD : state == LS_RAN ? A_NORMAL :
	    state == LS_ACTIVE ? ui_attr(C_WARN) : ui_attr(C_DIM);
	snprintf(text, sizeof(text), "%s %s%s%s", mark, words, msg && *msg ? " \xe2\x80\x94 " : "", msg ? msg : "");
	if (!utf8 && msg && *msg)
		snprintf(text, sizeof(text), "%s %s -- %s", mark, words, msg);
	put_wrapped(rs, a, 2, text);
}

static void put_step_end(struct rows *rs, int step)
{
	const struct lesson *l = lv.l;
	char text[TEXT_MAX];
	const char *failure = lessonrun_failure(lv.r);

	if (lv.ended && step + 1 == l->nsteps) {
		int passed = 0;

		for (int i = 0; i < l->nsteps; i++)
			passed += lv.result[i] == '+';
		if (lv.ended_ok)
			snprintf(text, sizeof(text), "Lesson done: all %d steps passed. L picks another lesson.", l->nsteps);
		else
			snprintf(text, sizeof(text), "Lesson over: %d of %d steps passed; the first failure: %s", passed,
				 l->nsteps, failure ? failure : lv.end_text);
		put_wrapped(rs, (lv.ended_ok ? ui_attr(C_OK) : ui_attr(C_ERROR)) | A_BOLD, 0, text);
		return;
	}
	if (lv.result[step] == '+')
		snprintf(text, sizeof(text), "Step %d passed. N or Enter: step %d: %s", step + 1, step + 2,
			 l->steps[step + 1].title);
	else
		snprintf(text, sizeof(text), "Step %d did not go as the lesson expects (above). N or Enter: step %d "
			 "anyway: %s", step + 1, step + 2, l->steps[step + 1].title);
	put_wrapped(rs, (lv.result[step] == '+' ? ui_attr(C_OK) : ui_attr(C_ERROR)) | A_BOLD, 0, text);
}

static void build(struct rows *rs)
{
	const struct lesson *l = lv.l;
	int step = lessonrun_step(lv.r), last = -1;
	char text[TEXT_MAX];

	if (step < 0) {
		if (l->about)
			put_wrapped(rs, A_NORMAL, 0, l->about);
		for (int i = 0; i < l->ndevs; i++) {
			snprintf(text, sizeof(text), "device %d: %s (%s%s)%s", i + 1, l->devs[i].dev.name,
				 l->devs[i].dev.tun ? "tun" : "tap", l->devs[i].dev.pi ? ", pi" : "",
				 l->devs[i].absent ? ": not there yet, the lesson makes it" : "");
			put_wrapped(rs, ui_attr(C_DIM), 2, text);
		}
		snprintf(text, sizeof(text), "N or Enter starts step 1: %s", l->steps[0].title);
		put_wrapped(rs, A_BOLD, 0, text);
		return;
	}
	snprintf(text, sizeof(text), "Step %d/%d: %s", step + 1, l->nsteps, l->steps[step].title);
	put_wrapped(rs, A_BOLD, 0, text);
	for (int k = 0; k < lv.ntr; k++) {
		if (lv.tr[k].line < 0) {
			snprintf(text, sizeof(text), "| %s", lv.tr[k].text);
			put_wrapped(rs, ui_attr(C_DIM), 6, text);
			continue;
		}
		put_line(rs, step, lv.tr[k].line);
		last = lv.tr[k].line;
	}
	if (lv.dropped) {
		snprintf(text, sizeof(text), "| (%d more lines of output not kept)", lv.dropped);
		put_wrapped(rs, ui_attr(C_DIM), 6, text);
	}
	for (int i = last + 1; i < l->steps[step].nlines; i++) {	/* what is still to come */
		const struct lesson_line *ln = &l->steps[step].lines[i];

		if (narrative(ln->op))
			continue;
		line_words(ln, text, sizeof(text));
		put_wrapped(rs, ui_attr(C_DIM), 4, text);
	}
	if (!lessonrun_busy(lv.r) && (lv.result[step] || lv.ended))
		put_step_end(rs, step);
}

static int lesson_rows(struct pane *p, int width)
{
	(void)p;
	(void)width;
	if (!lv.r)
		return 0;
	return (LINES - 3) * 11 / 20;
}

static void lesson_title(struct pane *p, WINDOW *w)
{
	const struct lesson *l = lv.l;
	char title[400], marks[200];
	int n = 0, step = lessonrun_step(lv.r);

	for (int i = 0; i < l->nsteps && n < (int)sizeof(marks) - 8; i++) {
		const char *m = lv.result[i] == '+' ? (p->ui->utf8 ? "\xe2\x9c\x93" : "+") :
				lv.result[i] == '-' ? (p->ui->utf8 ? "\xe2\x9c\x97" : "x") :
				i == step ? (p->ui->utf8 ? "\xe2\x80\xa6" : ">") : (p->ui->utf8 ? "\xc2\xb7" : ".");

		n += snprintf(marks + n, sizeof(marks) - (size_t)n, "%s", m);
	}
	snprintf(title, sizeof(title), " Lesson: %s   step %d/%d %s%s", l->title, step + 1 > 0 ? step + 1 : 0,
		 l->nsteps, marks, lessonrun_busy(lv.r) ? "   (running)" : "");
	pane_title(p, w, title);
}

static void lesson_draw(struct pane *p, WINDOW *w)
{
	struct ui_rect r = p->rect;
	struct rows rs = { NULL, 0, 0, r.w - 2 };
	int rows = r.h - 1;

	lesson_title(p, w);
	build(&rs);
	if (lv.follow || lv.top > rs.n - rows)
		lv.top = rs.n - rows;
	if (lv.top < 0)
		lv.top = 0;
	lv.last_total = rs.n;
	for (int k = 0; k < rows && lv.top + k < rs.n; k++) {
		const struct row *row = &rs.r[lv.top + k];

		wattrset(w, row->attr);
		ui_put(w, r.y + 1 + k, r.x + 1 + row->indent, r.w - 2 - row->indent, row->text, 0);
	}
	wattrset(w, A_NORMAL);
	if (lv.top + rows < rs.n) {
		wattrset(w, ui_attr(C_DIM));
		mvwaddstr(w, r.y + r.h - 1, r.x + r.w - 9, p->ui->utf8 ? " \xe2\x86\x93 more " : " v more ");
		wattrset(w, A_NORMAL);
	}
	free(rs.r);
}

static enum ui_result lesson_move(struct pane *p, enum pane_move m)
{
	int page = p->rect.h > 3 ? p->rect.h - 2 : 1;

	switch (m) {
	case MOVE_UP: lv.top--; break;
	case MOVE_DOWN: lv.top++; break;
	case MOVE_PGUP: lv.top -= page; break;
	case MOVE_PGDN: lv.top += page; break;
	case MOVE_HOME: lv.top = 0; break;
	case MOVE_END: lv.follow = 1; return UI_REDRAW;
	case MOVE_COUNT: break;
	}
	if (lv.top < 0)
		lv.top = 0;
	lv.follow = lv.top + p->rect.h - 1 >= lv.last_total;
	return UI_REDRAW;
}

static enum ui_result lesson_click(struct pane *p, int row, int col, int wheel)
{
	(void)row;
	(void)col;
	return wheel ? lesson_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN) : UI_REDRAW;
}

static enum ui_result act_next(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	lesson_ui_next(ui);
	return UI_REDRAW;
}

static const struct ui_action lesson_actions[] = {
	{ "next", act_next, NULL },
	{ NULL, NULL, NULL },
};

const struct pane_class lesson_pane = {
	.name = "lesson", .slot = SLOT_MAIN, .focusable = 1, .rows = lesson_rows,
	.draw = lesson_draw, .nav = lesson_move, .click = lesson_click, .actions = lesson_actions,
};
