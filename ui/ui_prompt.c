/* ui_prompt.c — the one-line prompt on the message line (form library), an overlay: the loop
 * keeps capturing while the user types; the prefill starts selected, so typing replaces it. */
#include "ui_overlays.h"

#include <form.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_theme.h"

#define PROMPT_MAX 1000

struct prompt {
	char label[160];
	char arg[256];
	ui_prompt_fn done;
	char text[PROMPT_MAX + 1];	/* the text after every key: the windows are remade from it */
	int cursor;			/* where in text the cursor is */
	int selected;			/* the prefill is selected: typing replaces it */
	FIELD *fields[2];
	FORM *form;
	WINDOW *win, *sub;
	PANEL *panel;
	unsigned resizes;		/* mgr_resizes() when the windows were made */
	ui_prompt_history_fn history;	/* Up/Down go through it (the console's lines), or NULL */
	int hist_at;			/* -1: the line being typed; 0: the newest of the history */
	char typed[PROMPT_MAX + 1];	/* what was typed before Up */
	int overflow;			/* keys came after the field was full: the text is cut */
	char problem[600];		/* why the text was refused, shown on the row above, or "" */
	WINDOW *pwin;			/* that row */
	PANEL *ppanel;
};

static void trim(char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
}

/* The field's text and cursor into p->text and p->cursor, after every key: once the terminal
 * has shrunk, the form's window has lost what ran past its new edge, and only p->text has it. */
static void prompt_sync(struct prompt *p)
{
	size_t n;

	if (!p->form || p->resizes != mgr_resizes())	/* resized: p->text holds it, not the form */
		return;
	form_driver(p->form, REQ_VALIDATION);
	snprintf(p->text, sizeof(p->text), "%s", field_buffer(p->fields[0], 0));
	trim(p->text);
	p->cursor = p->form->curcol;
	n = strlen(p->text);
	while ((int)n < p->cursor && n < PROMPT_MAX)	/* spaces typed before the cursor are text ("icmp ") */
		p->text[n++] = ' ';
	p->text[n] = '\0';
}

static void prompt_teardown(struct prompt *p)
{
	if (p->form) {
		unpost_form(p->form);
		free_form(p->form);
		free_field(p->fields[0]);
	}
	if (p->panel)
		del_panel(p->panel);
	if (p->ppanel)
		del_panel(p->ppanel);
	if (p->pwin)
		delwin(p->pwin);
	if (p->sub)
		delwin(p->sub);
	if (p->win)
		delwin(p->win);
	p->form = NULL;
	p->fields[0] = NULL;
	p->panel = p->ppanel = NULL;
	p->sub = p->win = p->pwin = NULL;
}

#define PROBLEM_ROWS 3

/* The rows the problem takes wrapped at the terminal's width (at most PROBLEM_ROWS, the last
 * one cut with a marker); drawn into w from its top when w is given. */
static int problem_rows(const char *s, WINDOW *w)
{
	int rows = 0;

	while (*s && rows < PROBLEM_ROWS) {
		int n = rows == PROBLEM_ROWS - 1 ? (int)strlen(s) : ui_wrap_len(s, COLS - 1);

		if (n <= 0)
			break;
		if (w) {
			char line[600];

			snprintf(line, sizeof(line), "%.*s", n, s);
			ui_put(w, rows, 0, COLS, line, 0);
		}
		rows++;
		s += n;
		while (*s == ' ')
			s++;
	}
	return rows ? rows : 1;
}

static int prompt_build(struct prompt *p)
{
	int lw = ui_text_cols(p->label) + 1;

	if (lw > COLS / 2)
		lw = COLS / 2;
	p->win = newwin(1, COLS, LINES - 2, 0);
	p->sub = p->win ? derwin(p->win, 1, COLS - lw - 1, 0, lw) : NULL;	/* the last column: '…' */
	p->fields[0] = new_field(1, COLS - lw - 1, 0, 0, 0, 0);
	if (!p->win || !p->sub || !p->fields[0])
		return -1;
	wbkgd(p->win, theme_background());
	field_opts_off(p->fields[0], O_AUTOSKIP | O_STATIC);
	set_max_field(p->fields[0], PROMPT_MAX);
	set_field_back(p->fields[0], A_UNDERLINE);
	set_field_buffer(p->fields[0], 0, p->text);
	p->form = new_form(p->fields);
	if (!p->form)
		return -1;
	set_form_win(p->form, p->win);
	set_form_sub(p->form, p->sub);
	keypad(p->win, TRUE);
	post_form(p->form);
	form_driver(p->form, REQ_END_LINE);	/* after the last non-blank: the cursor goes back where it was */
	for (int n = p->form->curcol - p->cursor; n > 0; n--)
		form_driver(p->form, REQ_PREV_CHAR);
	for (int n = p->cursor - p->form->curcol; n > 0; n--)
		form_driver(p->form, REQ_NEXT_CHAR);	/* past blanks typed at the end ("icmp ") */
	p->panel = new_panel(p->win);
	if (p->problem[0] && LINES > 6 && (p->pwin = newwin(problem_rows(p->problem, NULL), COLS, 0, 0))) {
		mvwin(p->pwin, LINES - 2 - getmaxy(p->pwin), 0);
		p->ppanel = new_panel(p->pwin);
	}
	p->resizes = mgr_resizes();
	return 0;
}

/* Keys typed before the prompt was first drawn (typed ahead, in one read) go into its field. */
static int prompt_ready(struct prompt *p)
{
	if (p->win && p->resizes != mgr_resizes())	/* made before the terminal changed size */
		prompt_teardown(p);
	if (!p->form && (p->win || prompt_build(p) < 0))
		prompt_teardown(p);
	return p->form != NULL;
}

/* An ellipsis either side of the field where its text runs on out of sight (the field scrolls
 * sideways as one types; nothing is cut without one). */
static void cut_marks(struct prompt *p, int lw)
{
	const char *buf = field_buffer(p->fields[0], 0);
	int len = buf ? (int)strlen(buf) : 0, width = getmaxx(p->sub), from = p->form->begincol;

	while (len > 0 && buf[len - 1] == ' ')
		len--;
	ui_put(p->win, 0, lw - 1, 1, from > 0 ? ui_ellipsis() : " ", 0);
	ui_put(p->win, 0, lw + width, 1, len > from + width ? ui_ellipsis() : " ", 0);
}

static void prompt_draw(struct overlay *ov)
{
	struct prompt *p = ov->state;
	int lw;

	if (p->win && (p->resizes != mgr_resizes() || getmaxx(p->win) != COLS || getbegy(p->win) != LINES - 2))
		prompt_teardown(p);
	if (!p->win && prompt_build(p) < 0) {
		prompt_teardown(p);
		return;
	}
	lw = getbegx(p->sub);
	show_panel(p->panel);
	set_field_fore(p->fields[0], p->selected ? A_REVERSE : A_NORMAL);
	wattrset(p->win, ui_attr(C_KEY) | A_BOLD);
	mvwhline(p->win, 0, 0, ' ', lw);
	ui_put(p->win, 0, 0, lw - 1, p->label, 0);
	wattrset(p->win, A_NORMAL);
	cut_marks(p, lw);
	if (p->ppanel) {	/* the refusal stays in sight while the text is mended */
		wbkgd(p->pwin, theme_background());
		werase(p->pwin);
		wattrset(p->pwin, ui_attr(C_ERROR));
		problem_rows(p->problem, p->pwin);
		show_panel(p->ppanel);
		top_panel(p->ppanel);
	}
	top_panel(p->panel);
	curs_set(1);
	pos_form_cursor(p->form);
}

static void prompt_hide(struct overlay *ov)
{
	struct prompt *p = ov->state;

	if (p->panel)
		hide_panel(p->panel);
	if (p->ppanel)
		hide_panel(p->ppanel);
}

static void prompt_free(struct overlay *ov)
{
	struct prompt *p = ov->state;

	prompt_teardown(p);
	free(p);
}

static enum ui_result act_accept(struct ui *ui, void *target, const char *arg)
{
	struct overlay *ov = target;
	struct prompt *p = ov->state;
	char text[PROMPT_MAX + 1], parg[256];
	ui_prompt_fn done = p->done;

	(void)arg;
	prompt_ready(p);
	prompt_sync(p);
	if (p->overflow) {	/* never act on a cut text: a filter would become another filter */
		mgr_close(ov);
		ui_message(ui, 1, "not done: over %d characters (a prompt's most); the rest was dropped", PROMPT_MAX);
		return UI_REDRAW;
	}
	snprintf(text, sizeof(text), "%s", p->text);
	snprintf(parg, sizeof(parg), "%s", p->arg);
	mgr_close(ov);		/* closed first: done may open another overlay (a y/n question) */
	done(ui, text, parg);
	return UI_REDRAW;
}

static enum ui_result act_clear(struct ui *ui, void *target, const char *arg)
{
	struct prompt *p = ((struct overlay *)target)->state;

	(void)ui;
	(void)arg;
	if (prompt_ready(p))
		form_driver(p->form, REQ_CLR_FIELD);
	prompt_sync(p);
	p->selected = 0;
	p->overflow = 0;
	return UI_REDRAW;
}

static int edit_request(int ch)
{
	switch (ch) {
	case KEY_BACKSPACE: case 127: case 8: return REQ_DEL_PREV;
	case KEY_DC: return REQ_DEL_CHAR;
	case KEY_LEFT: return REQ_PREV_CHAR;
	case KEY_RIGHT: return REQ_NEXT_CHAR;
	case KEY_HOME: case 1: return REQ_BEG_LINE;	/* Ctrl-A */
	case KEY_END: case 5: return REQ_END_LINE;	/* Ctrl-E */
	case 11: return REQ_CLR_EOL;			/* Ctrl-K */
	}
	return -1;
}

static enum ui_result prompt_key(struct overlay *ov, int ch)
{
	struct prompt *p = ov->state;
	int req = edit_request(ch), printable = ch >= ' ' && ch < 256 && ch != 127;

	if (!prompt_ready(p))
		return UI_HANDLED;
	if (p->selected && (printable || req == REQ_DEL_PREV || req == REQ_DEL_CHAR)) {
		form_driver(p->form, REQ_CLR_FIELD);	/* the selected prefill goes */
		p->selected = 0;
		if (!printable) {
			prompt_sync(p);
			return UI_REDRAW;
		}
	}
	p->selected = 0;
	if (req == REQ_NEXT_CHAR) {	/* not past the text's end: typing there would leave blanks */
		prompt_sync(p);
		if (p->form->curcol >= (int)strlen(p->text))
			return UI_HANDLED;
	}
	if (req >= 0) {
		form_driver(p->form, req);	/* (a cut text stays refused until cleared: what went is gone) */
	} else if (printable && form_driver(p->form, ch) == E_REQUEST_DENIED) {
		prompt_sync(p);
		if (strlen(p->text) >= PROMPT_MAX && !p->overflow) {
			p->overflow = 1;
			ui_message(ov->ui, 1, "the line is full: %d characters at most", PROMPT_MAX);
		}
	}
	prompt_sync(p);
	return UI_REDRAW;
}

/* Up (older) and Down (newer) through the history; Down past the newest brings back the typing. */
static enum ui_result act_history(struct ui *ui, void *target, const char *arg)
{
	struct prompt *p = ((struct overlay *)target)->state;
	int to = p->hist_at + (strcmp(arg, "older") ? -1 : 1);
	const char *line = NULL;

	(void)ui;
	if (!p->history || !prompt_ready(p) || to < -1 || (to >= 0 && !(line = p->history(to))))
		return UI_HANDLED;
	prompt_sync(p);
	if (p->hist_at < 0)
		snprintf(p->typed, sizeof(p->typed), "%s", p->text);
	p->hist_at = to;
	p->overflow = 0;	/* a line of the history is whole */
	set_field_buffer(p->fields[0], 0, to < 0 ? p->typed : line);
	form_driver(p->form, REQ_END_LINE);
	prompt_sync(p);
	p->selected = 0;
	return UI_REDRAW;
}

static const struct ui_action prompt_actions[] = {
	{ "history", act_history, NULL },
	{ "accept", act_accept, NULL },
	{ "cancel", mgr_act_close, NULL },
	{ "clear", act_clear, NULL },
	{ "suspend", ui_suspend, NULL },	/* and back to the prompt as it was */
	{ NULL, NULL, NULL },
};

const struct overlay_class prompt_overlay = {
	.name = "prompt", .draw = prompt_draw, .key = prompt_key, .hide = prompt_hide,
	.actions = prompt_actions, .free = prompt_free,
};

void ui_prompt(struct ui *ui, const char *label, const char *initial, ui_prompt_fn done, const char *arg)
{
	ui_prompt_history(ui, label, initial, done, arg, NULL);
}

static struct prompt *prompt_new(const char *label, const char *initial, ui_prompt_fn done, const char *arg)
{
	struct prompt *p = calloc(1, sizeof(*p));

	if (!p)
		return NULL;
	p->hist_at = -1;
	snprintf(p->label, sizeof(p->label), "%s", label);
	snprintf(p->text, sizeof(p->text), "%s", initial ? initial : "");
	p->cursor = (int)strlen(p->text);
	snprintf(p->arg, sizeof(p->arg), "%s", arg ? arg : "");
	p->selected = p->text[0] != '\0';
	p->done = done;
	return p;
}

void ui_prompt_history(struct ui *ui, const char *label, const char *initial, ui_prompt_fn done, const char *arg,
		       ui_prompt_history_fn history)
{
	struct prompt *p = prompt_new(label, initial, done, arg);

	if (!p)
		return;
	p->history = history;
	if (!mgr_push(ui, &prompt_overlay, p))
		free(p);
}

void ui_prompt_mend(struct ui *ui, const char *label, const char *text, ui_prompt_fn done, const char *arg,
		    const char *problem)
{
	struct prompt *p = prompt_new(label, text, done, arg);

	if (!p)
		return;
	p->selected = 0;	/* to mend, not to replace: the cursor waits at its end */
	snprintf(p->problem, sizeof(p->problem), "%s", problem);
	if (!mgr_push(ui, &prompt_overlay, p))
		free(p);
}
