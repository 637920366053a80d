/* ui_confirm.c — a y/n question in a box (delete an address, take the link down, overwrite a
 * file): y runs what was asked, n or Esc leaves things as they are. */
#include "ui_overlays.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


#define CONFIRM_LINES 4		/* at most this many lines of question */

struct confirm {
	char question[400];
	char arg[1024];
	ui_confirm_fn yes;
	WINDOW *win;
	PANEL *panel;
};

static int wrapped_lines(const char *t, int width)
{
	int n = 0;

	while (*t && n < CONFIRM_LINES) {
		t += ui_wrap_len(t, width);
		while (*t == ' ')
			t++;
		n++;
	}
	return n ? n : 1;
}

static void confirm_draw(struct overlay *ov)
{
	struct confirm *c = ov->state;
	int w = ui_text_cols(c->question) + 4, h, y = 1;
	const char *t = c->question;
	const char *foot = " y yes \xc2\xb7 n no ";

	if (w < 44)
		w = 44;
	if (w > COLS - 4)
		w = COLS - 4;
	h = 4 + wrapped_lines(c->question, w - 4);
	if (mgr_box_place(&c->win, &c->panel, h, w) < 0)
		return;
	werase(c->win);
	box(c->win, 0, 0);
	wattrset(c->win, ui_attr(C_FOCUS_TITLE));
	mvwaddstr(c->win, 0, 2, " Are you sure? ");
	wattrset(c->win, A_BOLD);
	while (*t && y < h - 2) {
		int len = ui_wrap_len(t, w - 4);
		char line[400];

		snprintf(line, sizeof(line), "%.*s", len, t);
		ui_put(c->win, y++, 2, w - 4, line, 0);
		t += len;
		while (*t == ' ')
			t++;
	}
	wattrset(c->win, ui_attr(C_KEY));
	mvwaddstr(c->win, h - 2, (w - 14) / 2, ov->ui->utf8 ? foot : " y yes - n no ");
	wattrset(c->win, A_NORMAL);
	top_panel(c->panel);
}

static void confirm_hide(struct overlay *ov)
{
	mgr_box_hide(((struct confirm *)ov->state)->panel);
}

static void confirm_free(struct overlay *ov)
{
	struct confirm *c = ov->state;

	mgr_box_free(&c->win, &c->panel);
	free(c);
}

static enum ui_result act_yes(struct ui *ui, void *target, const char *arg)
{
	struct overlay *ov = target;
	struct confirm c = *(struct confirm *)ov->state;

	(void)arg;
	mgr_close(ov);		/* closed first: what yes does may open another overlay */
	c.yes(ui, c.arg);
	return UI_REDRAW;
}

static enum ui_result act_no(struct ui *ui, void *target, const char *arg)
{
	(void)arg;
	mgr_close(target);
	ui_message(ui, 0, "nothing changed");
	return UI_REDRAW;
}

static enum ui_result confirm_key(struct overlay *ov, int ch)
{
	(void)ch;
	ui_message(ov->ui, 0, "answer y (yes) or n (no)");
	return UI_REDRAW;
}

static const struct ui_action confirm_actions[] = {
	{ "yes", act_yes, NULL },
	{ "no", act_no, NULL },
	{ NULL, NULL, NULL },
};

const struct overlay_class confirm_overlay = {
	.name = "confirm", .draw = confirm_draw, .key = confirm_key, .hide = confirm_hide,
	.actions = confirm_actions, .free = confirm_free,
};

void ui_confirm(struct ui *ui, const char *question, ui_confirm_fn yes, const char *arg)
{
	struct confirm *c = calloc(1, sizeof(*c));

	if (!c)
		return;
	snprintf(c->question, sizeof(c->question), "%s", question);
	snprintf(c->arg, sizeof(c->arg), "%s", arg ? arg : "");
	c->yes = yes;
	if (!mgr_push(ui, &confirm_overlay, c))
		free(c);
}
