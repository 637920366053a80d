/* ui_console.c — the kernel-side console in the UI: ':' opens a command line (Up/Down: its
 * history) that runs through src/console.c (an action by name, anything else a shell command in
 * the namespace); the console pane streams what it printed; Ctrl-C stops the command, and
 * leaving tapscope kills it. */
#include "ui_classroom.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "action.h"
#include "console.h"
#include "ui_msg.h"
#include "ui_overlays.h"
#include "ui_panes.h"

#define CON_LINES 1000		/* lines the pane keeps (the oldest go) */
#define CON_TEXT 240
#define CON_ROWS 12		/* the pane's height at most, title included */

struct con_line {
	enum console_line_kind kind;
	char text[CON_TEXT];
};

struct con_view {
	struct ui *ui;
	struct console *c;
	struct con_line lines[CON_LINES];
	size_t start, n;
	int back;		/* rows scrolled back from the end (0: the end shows) */
	int hidden;		/* closed with Esc: shown again by the next line */
	char running[CON_TEXT];	/* the command running, for the title */
};

static struct con_view cv;

static const struct con_line *line_at(size_t i)
{
	return &cv.lines[(cv.start + i) % CON_LINES];
}

/* A command's output as text the pane can draw: a carriage return, a backspace or an escape
 * sequence drawn as it is would move the cursor over the pane's edge ('^[', '^M' as cat -v). */
static void printable(char *out, size_t len, const char *in)
{
	size_t o = 0;

	for (; *in && o + 3 < len; in++) {
		unsigned char c = (unsigned char)*in;

		if (c == '\t') {
			out[o++] = ' ';
		} else if (c < ' ' || c == 0x7f) {
			out[o++] = '^';
			out[o++] = c == 0x7f ? '?' : (char)(c + '@');
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
}

static void on_line(enum console_line_kind kind, const char *text, void *arg)
{
	struct con_line *l;

	if (cv.n == CON_LINES) {
		cv.start = (cv.start + 1) % CON_LINES;
		cv.n--;
	}
	l = &cv.lines[(cv.start + cv.n++) % CON_LINES];
	l->kind = kind;
	printable(l->text, sizeof(l->text), text);
	cv.hidden = 0;
	if (kind == CONSOLE_END)
		cv.running[0] = '\0';
	ui_dirty(arg);
}

void console_ui_start(struct ui *ui)
{
	memset(&cv, 0, sizeof(cv));
	cv.ui = ui;
	cv.c = console_new(ui->ss, ui->ndevs, on_line, ui);
}

void console_ui_stop(void)
{
	console_free(cv.c);	/* kills a command still running */
	cv.c = NULL;
}

int console_ui_interrupt(struct ui *ui)
{
	if (!cv.c || !console_busy(cv.c))
		return 0;
	console_interrupt(cv.c);
	ui_message(ui, 0, "Ctrl-C sent to: %s", cv.running);
	return 1;
}

static const char *history(int i)
{
	return cv.c ? console_history(cv.c, i) : NULL;
}

/* An action acts on the device the panes show (@NAME picks another). */
static void on_enter(struct ui *ui, const char *text, const char *arg)
{
	char line[1100];
	const char *t = text;

	(void)arg;
	while (*t == ' ')
		t++;
	if (!cv.c || !*t)
		return;
	if (ui->ndevs > 1 && *t != '@' && *t != '!' && action_is_named(t))
		snprintf(line, sizeof(line), "@%s %s", ui->s->dev.name, t);
	else
		snprintf(line, sizeof(line), "%s", t);
	cv.back = 0;
	if (console_submit(cv.c, line) == 0 && console_busy(cv.c))
		snprintf(cv.running, sizeof(cv.running), "%s", *t == '!' ? t + 1 : t);
}

void console_ui_open(struct ui *ui)
{
	char label[96];

	if (!cv.c)
		return;
	if (console_busy(cv.c))	/* the prompt opens all the same: what is typed next is a line, never keys */
		snprintf(label, sizeof(label), "('%.40s' runs: Esc, then Ctrl-C stops it) $", cv.running);
	else if (ui->ss[0].ns.name[0])
		snprintf(label, sizeof(label), "netns %s $", ui->ss[0].ns.name);
	else
		snprintf(label, sizeof(label), "(this machine's own namespace) $");
	ui_prompt_history(ui, label, "", on_enter, NULL, history);
}

/* ---- the pane ---- */

int console_ui_hide(void)
{
	if (!cv.n || cv.hidden || cv.running[0])
		return 0;
	cv.hidden = 1;
	return 1;
}

/* As tall as its lines, at most CON_ROWS and a quarter of the terminal (the frame list, the
 * tree and the hex pane keep rows at 80x24; focused, it may take a third); none once closed. */
static int con_rows(struct pane *p, int width)
{
	int most = (mgr_focused() == p ? LINES / 3 : LINES / 4);

	(void)width;
	if (!cv.n || cv.hidden)
		return 0;
	if (most < 3)
		most = 3;
	if (most > CON_ROWS)
		most = CON_ROWS;
	return (int)cv.n + 1 < most ? (int)cv.n + 1 : most;
}

static attr_t kind_attr(enum console_line_kind k)
{
	switch (k) {
	case CONSOLE_INPUT: return ui_attr(C_KEY) | A_BOLD;
	case CONSOLE_ACTION: return ui_attr(C_OK);
	case CONSOLE_ERROR: return ui_attr(C_ERROR);
	case CONSOLE_END: return ui_attr(C_DIM);
	case CONSOLE_OUTPUT: break;
	}
	return A_NORMAL;
}

static void con_draw(struct pane *p, WINDOW *w)
{
	struct ui_rect r = p->rect;
	int rows = r.h - 1;
	size_t first;
	char title[CON_TEXT + 120];

	if (cv.running[0])
		snprintf(title, sizeof(title), " Console  running: %s  (Ctrl-C stops it)", cv.running);
	else
		snprintf(title, sizeof(title), " Console  (: runs a command in the namespace, or an action: echo on, hold on...; Esc closes)");
	pane_title(p, w, title);
	if (cv.back > (int)cv.n - rows)
		cv.back = (int)cv.n - rows;
	if (cv.back < 0)
		cv.back = 0;
	first = cv.n > (size_t)rows + (size_t)cv.back ? cv.n - (size_t)rows - (size_t)cv.back : 0;
	for (int k = 0; k < rows && first + (size_t)k < cv.n; k++) {
		const struct con_line *l = line_at(first + (size_t)k);

		wattrset(w, kind_attr(l->kind));
		ui_put(w, r.y + 1 + k, r.x + 1, r.w - 2, l->text, 0);
	}
	wattrset(w, A_NORMAL);
}

static enum ui_result con_move(struct pane *p, enum pane_move m)
{
	int page = p->rect.h > 3 ? p->rect.h - 2 : 1;

	switch (m) {
	case MOVE_UP: cv.back++; break;
	case MOVE_DOWN: cv.back--; break;
	case MOVE_PGUP: cv.back += page; break;
	case MOVE_PGDN: cv.back -= page; break;
	case MOVE_HOME: cv.back = (int)cv.n; break;
	case MOVE_END: cv.back = 0; break;
	case MOVE_COUNT: break;
	}
	if (cv.back < 0)
		cv.back = 0;
	return UI_REDRAW;
}

static enum ui_result con_click(struct pane *p, int row, int col, int wheel)
{
	(void)row;
	(void)col;
	return wheel ? con_move(p, wheel < 0 ? MOVE_UP : MOVE_DOWN) : UI_REDRAW;
}

static enum ui_result act_line(struct ui *ui, void *target, const char *arg)
{
	(void)target;
	(void)arg;
	console_ui_open(ui);
	return UI_REDRAW;
}

static const struct ui_action con_actions[] = {
	{ "command-line", act_line, NULL },
	{ NULL, NULL, NULL },
};

const struct pane_class console_pane = {
	.name = "console", .slot = SLOT_MAIN, .focusable = 1, .rows = con_rows,
	.draw = con_draw, .nav = con_move, .click = con_click, .actions = con_actions,
};
