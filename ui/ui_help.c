/* ui_help.c — the help overlay, made from the key table: every key by group (keys with the same
 * action on one line), the list's markers and the mouse; laid out again at every draw, so a
 * resize never leaves it broken; it scrolls when the terminal is short. */
#include "ui_overlays.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_keys.h"

#define KEY_W 16		/* columns for the key names */
#define ONE_COL_W 78
#define TWO_COL_W 60		/* each column of the two-column layout */
#define LINES_MAX 256

struct help_line {
	char key[48];		/* "" on continuation lines */
	char text[128];
	int heading;
	int dim;		/* a live-only key while browsing a file */
};

struct help_view {
	WINDOW *win;
	PANEL *panel;
	int top;
	struct help_line lines[LINES_MAX];
	int n;
};

/* What the list and the mouse mean, after the keys. */
static const char *const legend[][2] = {
	{ "<", "the kernel sent the frame into the device" },
	{ ">", "tapscope wrote it toward the kernel (a reply or an injection)" },
	{ "!", "a bad checksum (the kernel drops it)" },
	{ "?", "malformed, or cut short" },
	{ "click", "selects a row in any pane (a byte in the hex pane selects its field)" },
	{ "wheel", "scrolls the pane under the pointer" },
};

static void add_line(struct help_view *h, const char *key, const char *text, int heading)
{
	if (h->n == LINES_MAX)
		return;
	snprintf(h->lines[h->n].key, sizeof(h->lines[h->n].key), "%s", key);
	snprintf(h->lines[h->n].text, sizeof(h->lines[h->n].text), "%s", text);
	h->lines[h->n].dim = 0;
	h->lines[h->n++].heading = heading;
}

/* One entry: its text wrapped to width, the key on the first line only; dim for a key that
 * needs a live device while browsing a file. */
static void add_entry(struct help_view *h, const char *key, const char *text, int width, int dim)
{
	const char *t = text;
	int first = 1;

	while (*t || first) {
		int len = ui_wrap_len(t, width);
		char part[128];

		snprintf(part, sizeof(part), "%.*s", len, t);
		add_line(h, first ? key : "", part, 0);
		if (h->n)
			h->lines[h->n - 1].dim = dim;
		first = 0;
		t += len;
		while (*t == ' ')
			t++;
	}
}

/* A key's entry: its help, and "(live only)" after it for a key that needs a device in the browser. */
static void add_key_entry(struct help_view *h, const char *keys, const struct ui_key *k, int width, int live)
{
	int dim = !live && keys_need_device(k);
	char text[160];

	snprintf(text, sizeof(text), "%s%s", k->help, dim ? " (live only)" : "");
	add_entry(h, keys, text, width, dim);
}

static int same_entry(const struct ui_key *a, const struct ui_key *b)
{
	return !strcmp(a->scope, b->scope) && !strcmp(a->action, b->action) && !strcmp(a->help, b->help) &&
	       !strcmp(a->group, b->group);
}

/* Keys with the same scope, action and help share a line: "Up k  up". Browsing a file (not
 * live), the keys that need a device say so, dimmed. */
static void build(struct help_view *h, int width, int live)
{
	const struct ui_key *t = keys_table();

	h->n = 0;
	for (int i = 0; t[i].name; i++) {
		char keys[48] = "";
		int first_of_group = 1, dup = 0;

		for (int j = 0; j < i; j++) {
			first_of_group &= strcmp(t[j].group, t[i].group) != 0;
			dup |= same_entry(&t[j], &t[i]);
		}
		if (dup)
			continue;
		if (first_of_group) {
			if (h->n)
				add_line(h, "", "", 0);
			add_line(h, t[i].group, "", 1);
		}
		for (int j = i; t[j].name; j++)
			if (same_entry(&t[j], &t[i]) && strlen(keys) + strlen(t[j].name) + 2 < sizeof(keys))
				snprintf(keys + strlen(keys), sizeof(keys) - strlen(keys), "%s%s", keys[0] ? " " : "",
					 t[j].name);
		add_key_entry(h, keys, &t[i], width - KEY_W - 2, live);
	}
	add_line(h, "", "", 0);
	add_line(h, "In the frame list, and the mouse", "", 1);
	for (size_t i = 0; i < sizeof(legend) / sizeof(legend[0]); i++)
		add_entry(h, legend[i][0], legend[i][1], width - KEY_W - 2, 0);
	if (!live)
		add_entry(h, "dim", "only on a live device: this is a file", width - KEY_W - 2, 1);
}

static int two_columns(void)
{
	return COLS >= 2 * TWO_COL_W + 3;
}

static int rows_shown(const struct help_view *h)
{
	return h->win ? getmaxy(h->win) - 2 : 1;
}

static int content_rows(const struct help_view *h)
{
	return two_columns() ? (h->n + 1) / 2 : h->n;
}

static void draw_line(struct ui *ui, struct help_view *h, int y, int x, int width, const struct help_line *l)
{
	(void)ui;
	if (l->heading) {
		wattrset(h->win, A_BOLD | A_UNDERLINE);
		ui_put(h->win, y, x, width, l->key, 0);
		wattrset(h->win, A_NORMAL);
		return;
	}
	wattrset(h->win, l->dim ? ui_attr(C_DIM) : ui_attr(C_KEY) | A_BOLD);
	ui_put(h->win, y, x + 1, KEY_W - 1, l->key, 0);
	wattrset(h->win, l->dim ? ui_attr(C_DIM) : A_NORMAL);
	ui_put(h->win, y, x + KEY_W + 1, width - KEY_W - 1, l->text, 0);
	wattrset(h->win, A_NORMAL);
}

static void help_draw(struct overlay *ov)
{
	struct help_view *h = ov->state;
	int colw = two_columns() ? TWO_COL_W : (COLS - 4 < ONE_COL_W ? COLS - 4 : ONE_COL_W);
	int w = two_columns() ? 2 * TWO_COL_W + 3 : colw + 2, rows, hgt, half;
	const char *foot = " Esc q ? F1 close \xc2\xb7 Up Down PgUp PgDn Home End scroll ";

	build(h, colw, ov->ui->s != NULL);
	hgt = content_rows(h) + 2 > LINES - 2 ? LINES - 2 : content_rows(h) + 2;
	if (mgr_box_place(&h->win, &h->panel, hgt, w) < 0)
		return;
	rows = rows_shown(h);
	if (h->top > content_rows(h) - rows)
		h->top = content_rows(h) - rows;
	if (h->top < 0)
		h->top = 0;
	half = content_rows(h);
	werase(h->win);
	for (int r = 0; r < rows; r++) {
		int i = h->top + r;

		if (i < h->n && (i < half))
			draw_line(ov->ui, h, r + 1, 1, colw, &h->lines[i]);
		if (two_columns() && i + half < h->n)
			draw_line(ov->ui, h, r + 1, 2 + TWO_COL_W, colw, &h->lines[i + half]);
	}
	box(h->win, 0, 0);
	wattrset(h->win, ui_attr(C_FOCUS_TITLE));
	mvwaddstr(h->win, 0, 2, " tapscope keys ");
	wattrset(h->win, ui_attr(C_DIM));
	ui_put(h->win, hgt - 1, w - ui_text_cols(foot) - 2 > 12 ? w - ui_text_cols(foot) - 2 : 12, w - 14,
	       ov->ui->utf8 ? foot : " Esc q ? F1 close - Up Down PgUp PgDn Home End scroll ", 0);
	if (h->top > 0)
		mvwaddstr(h->win, 0, w - 10, ov->ui->utf8 ? " \xe2\x86\x91 more " : " ^ more ");
	if (h->top + rows < content_rows(h))
		mvwaddstr(h->win, hgt - 1, 2, ov->ui->utf8 ? " \xe2\x86\x93 more " : " v more ");
	wattrset(h->win, A_NORMAL);
	top_panel(h->panel);
}

static void help_hide(struct overlay *ov)
{
	mgr_box_hide(((struct help_view *)ov->state)->panel);
}

static void help_free(struct overlay *ov)
{
	struct help_view *h = ov->state;

	mgr_box_free(&h->win, &h->panel);
	free(h);
}

static enum ui_result act_scroll(struct ui *ui, void *target, const char *arg)
{
	struct help_view *h = ((struct overlay *)target)->state;
	int page = rows_shown(h);

	(void)ui;
	h->top += mgr_scroll_rows(arg, page);
	return UI_REDRAW;
}

static const struct ui_action help_actions[] = {
	{ "close", mgr_act_close, NULL },
	{ "scroll", act_scroll, NULL },
	{ NULL, NULL, NULL },
};

const struct overlay_class help_overlay = {
	.name = "help", .draw = help_draw, .key = mgr_modal_key, .hide = help_hide,
	.actions = help_actions, .free = help_free,
};

void ui_help_open(struct ui *ui)
{
	struct help_view *h;

	if (mgr_find_overlay("help") || !(h = calloc(1, sizeof(*h))))
		return;
	if (!mgr_push(ui, &help_overlay, h))
		free(h);
}
